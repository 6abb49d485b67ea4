"""What every extractor receives, and the registry that orders them.

Extractors are registered by field name, as spaCy registers components: each declares the fields it
reads from ``ctx.doc`` (``requires``), and the registry checks at import that every requirement was
registered before it and that no field is registered twice, so the run order (registration order)
can never let an extractor read a field that is still empty. `policyie.extractors` imports the
modules in that order; `describe()` lists it with what each requires, and `pipeline.run_until`
runs it up to one field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from policyie.nlp import Analysis
from policyie.records import Document

Extractor = Callable[["Context"], list]


@dataclass(frozen=True)
class Step:
    name: str  # the Document field it fills
    fn: Extractor
    requires: tuple[str, ...]  # Document fields it reads, all filled by earlier steps


REGISTRY: dict[str, Step] = {}  # in run order: a dict keeps registration order


class RegistryError(RuntimeError):
    """An extractor registered twice, or before a field it requires."""


def register(field_name: str, *, requires: tuple[str, ...] = ()) -> Callable[[Extractor], Extractor]:
    """Register ``fn`` as the extractor that fills ``Document.<field_name>``, after those it ``requires``."""

    def deco(fn: Extractor) -> Extractor:
        if field_name in REGISTRY:
            raise RegistryError(f"extractor {field_name!r} is registered twice ({REGISTRY[field_name].fn.__module__} "
                                f"and {fn.__module__})")
        missing = [r for r in requires if r not in REGISTRY]
        if missing:
            raise RegistryError(f"extractor {field_name!r} requires {missing}, which no extractor registered before "
                                f"it fills (registered so far: {list(REGISTRY)})")
        REGISTRY[field_name] = Step(field_name, fn, tuple(requires))
        return fn

    return deco


def ordered() -> list[tuple[str, Extractor]]:
    """(field, extractor) in run order."""
    return [(s.name, s.fn) for s in REGISTRY.values()]


def until(field_name: str) -> list[tuple[str, Extractor]]:
    """The steps that must run for ``field_name`` to be filled: it and everything before it."""
    if field_name not in REGISTRY:
        raise KeyError(f"no extractor fills {field_name!r}; known: {list(REGISTRY)}")
    names = list(REGISTRY)
    return ordered()[: names.index(field_name) + 1]


def describe() -> list[dict[str, Any]]:
    """The run order with what each step requires, as spaCy's ``analyze_pipes`` reports a pipeline."""
    return [{"field": s.name, "requires": list(s.requires), "module": s.fn.__module__} for s in REGISTRY.values()]


@dataclass
class Context:
    doc: Document  # text and metadata filled; record fields fill as extractors run
    analysis: Analysis
    # Publication instant in Beijing time (UTC+8), the last-resort anchor for relative dates.
    published: datetime | None = None
    # Raw byline strings the normaliser lifted out of the body (责任编辑：…, 撰文 | …, trailing 本报记者…).
    bylines: list[str] = field(default_factory=list)
    # The knowledge base of office-holders (policyie.kb.KB) for ids and untitled officials, or None.
    kb: Any = None
    # The site a whole page came from (policyie.normalize.Normalised.site), or None.
    site: str | None = None
    # Indexes an extractor builds once per document and consults per mention (sorted positions of
    # persons, places, entities), under the extractor's own key.
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.doc.text
