"""Module-level `regex` patterns compiled the first time they are used, not when their module is imported.

The package defines some 570 patterns at module level. `regex` parses a pattern in Python, so compiling them all
took about 0.4 s of CPU at import, half of `import policyie`, while one article uses fewer than half of them (a
short broadcast item fewer still): the rest describe web pages, bylines or rare shapes of dates. A `LazyPattern`
compiles on its first use, then keeps the compiled pattern's methods in its own slots, so later calls cost what
a compiled pattern's do.

A pattern with an error raises at its first use, not at import: `tests/test_lazy_pattern.py` compiles every one
the package defines.
"""

from __future__ import annotations

import threading
from typing import Any

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer")
_ALL: list[LazyPattern] = []
_LOCK = threading.Lock()


class LazyPattern:
    """What `regex.compile(pattern, flags, **kwargs)` returns, compiled on first use."""

    __slots__ = ("pattern", "_flags", "_kwargs", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0, **kwargs: Any) -> None:
        self.pattern = pattern
        self._flags = flags
        self._kwargs = kwargs
        self._compiled: regex.Pattern | None = None

    def compiled(self) -> regex.Pattern:
        p = self._compiled
        if p is None:
            p = regex.compile(self.pattern, self._flags, **self._kwargs)
            for name in _METHODS:
                setattr(self, name, getattr(p, name))
            self._compiled = p  # (the named lists stay: a pickled pattern is rebuilt from them)
        return p

    def owns(self, m: regex.Match) -> bool:
        """Whether match ``m`` is this pattern's (``m.re is PATTERN`` would compare with the lazy wrapper)."""
        return m.re is self._compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for a method slot not yet filled (before the first use) or an attribute the slots do not
        # hold (groupindex, flags, …): both are the compiled pattern's.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.pattern, self._flags, self._kwargs or None, self._compiled is not None))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}{'…' if len(self.pattern) > 60 else ''})"


def _rebuild(pattern: str, flags: int, kwargs: dict[str, Any] | None, compiled: bool) -> LazyPattern:
    lp = LazyPattern(pattern, flags, **(kwargs or {}))
    if compiled:
        lp.compiled()
    return lp


def compile(pattern: str, flags: int = 0, **kwargs: Any) -> LazyPattern:  # noqa: A001 - regex.compile's name
    """A pattern compiled on first use (module-level patterns only: a function compiles what it needs itself)."""
    lp = LazyPattern(pattern, flags, **kwargs)
    with _LOCK:
        _ALL.append(lp)
    return lp


def defined() -> list[LazyPattern]:
    """Every lazy pattern made so far (the test compiles them all)."""
    with _LOCK:
        return list(_ALL)
