"""What every extractor receives, and the registry that orders them.

Extractors are registered by field name, spaCy-style, and run in registration order by
`policyie.pipeline`; a later one may read the records of an earlier one from ``ctx.doc``
(meetings read dates and officials; directives read officials, meetings and slogans).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from policyie.nlp import Analysis
from policyie.records import Document

Extractor = Callable[["Context"], list]

REGISTRY: dict[str, Extractor] = {}


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

    @property
    def text(self) -> str:
        return self.doc.text
