"""What every extractor receives, and the registry that orders them.

Extractors are registered by field name, spaCy-style, and `policyie.pipeline` runs them in
`ORDER`, whatever order their modules were imported in; a later one may read the records of an
earlier one from ``ctx.doc`` (meetings read dates and officials; directives read officials,
meetings and slogans).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from policyie.nlp import Analysis
from policyie.records import Document

Extractor = Callable[["Context"], list]

REGISTRY: dict[str, Extractor] = {}

# Authors first (bylines are never officials); then the entity layers; events last, as they link to them.
ORDER = ("authors", "officials", "places", "dates", "slogans", "meetings", "activities", "directives")


def ordered() -> list[tuple[str, Extractor]]:
    """Registered extractors in `ORDER`; any extra registered field runs after them."""
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(REGISTRY.items(), key=lambda kv: rank.get(kv[0], len(ORDER)))


def register(field_name: str) -> Callable[[Extractor], Extractor]:
    """Register ``fn`` as the extractor that fills ``Document.<field_name>``."""

    def deco(fn: Extractor) -> Extractor:
        REGISTRY[field_name] = fn
        return fn

    return deco


@dataclass
class Context:
    doc: Document  # text and metadata filled; record fields fill as extractors run
    analysis: Analysis
    # Publication instant in Beijing time (UTC+8), the last-resort anchor for relative dates.
    published: datetime | None = None
    # Raw byline strings the normaliser lifted out of the body (责任编辑：…, 撰文 | …, trailing 本报记者…).
    bylines: list[str] = field(default_factory=list)
    # Indexes an extractor builds once per document and consults per mention (sorted positions of
    # persons, places, entities), under the extractor's own key.
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.doc.text
