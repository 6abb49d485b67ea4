"""One module per record field; importing this package registers them (run order: `base.ORDER`)."""

from policyie.extractors import (  # noqa: F401  (import registers)
    activities,
    authors,
    dates,
    directives,
    meetings,
    officials,
    places,
    slogans,
)
from policyie.extractors.base import ORDER, REGISTRY, Context, ordered, register

__all__ = ["ORDER", "REGISTRY", "Context", "ordered", "register"]
