"""One module per record field; importing this package registers them in pipeline order.

Order matters: authors first (so bylines are never taken for officials), then officials, places,
dates and slogans, which the event extractors (meetings, activities, directives) link to by position.
"""

from policyie.extractors import (  # noqa: F401  (import registers)
    authors,
    officials,
    places,
    dates,
    slogans,
    meetings,
    activities,
    directives,
)
from policyie.extractors.base import REGISTRY, Context, register

__all__ = ["REGISTRY", "Context", "register"]
