"""Errors a user is meant to see."""


class InputError(ValueError):
    """The input cannot be read as a Chinese article (empty, binary, not Chinese, too large …).

    The message says what was wrong in words a user understands; ``reason`` is a short
    machine-readable code for batch reports.
    """

    def __init__(self, message: str, reason: str = "invalid") -> None:
        super().__init__(message)
        self.reason = reason
