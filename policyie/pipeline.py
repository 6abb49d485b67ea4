"""raw input → normalised text → one analysis → extractors → `Document`."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from time import process_time
from typing import TYPE_CHECKING

from policyie import nlp
from policyie.errors import InputError
from policyie.extractors import Context, ordered, until
from policyie.normalize import Normalised, normalise
from policyie.normalize.decode import without_surrogates
from policyie.normalize.meta import BEIJING_TIME
from policyie.records import Document

if TYPE_CHECKING:
    from policyie.kb import KB


Source = str | bytes | Path


def extract(
    source: Source,
    *,
    published: str | None = None,
    doc_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source_name: str | None = None,
    defaults: Mapping[str, str] | None = None,
    kb: KB | str | Path | bool | None = None,
) -> Document:
    """Extract every record from one article.

    ``source`` is the article as text, as bytes (UTF-8, GB18030 or Big5, detected) or a path.
    Metadata given here wins over what the article itself carries; ``defaults`` (keys ``published``,
    ``title``, ``source``, ``url``) is used only where neither gives a value, as for a folder of plain
    text files from one day.
    ``kb`` is the knowledge base of office-holders that gives `Official.id` and finds officials named
    without a title: None for the one shipped with policyie, a path to a user's KB (`policyie kb build`),
    a `policyie.kb.KB`, or False for none.
    Raises `policyie.InputError` for input that is not a readable Chinese article.
    """
    doc, norm = _prepare(source, published, doc_id, title, url, source_name, defaults)
    return run_extractors(doc, norm, kb)


def run_until(
    source: Source,
    field_name: str,
    *,
    published: str | None = None,
    doc_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source_name: str | None = None,
    kb: KB | str | Path | bool | None = None,
) -> Document:
    """`extract`, stopped once ``field_name`` is filled (later fields stay empty): tests and debugging of one
    layer run exactly the steps it depends on, in the registered order, instead of rebuilding it by hand."""
    doc, norm = _prepare(source, published, doc_id, title, url, source_name)
    return run_extractors(doc, norm, kb, until(field_name))


def _prepare(
    source: Source,
    published: str | None,
    doc_id: str | None,
    title: str | None,
    url: str | None,
    source_name: str | None,
    defaults: Mapping[str, str] | None = None,
) -> tuple[Document, Normalised]:
    if STAGE_CLOCK is not None:
        t = process_time()
        norm = normalise(source)
        STAGE_CLOCK["normalise"] = STAGE_CLOCK.get("normalise", 0.0) + process_time() - t
    else:
        norm = normalise(source)
    if isinstance(source, Path) and doc_id is None:
        doc_id = source.stem
    doc_id, title, url, source_name = (_clean(v) for v in (doc_id, title, url, source_name))
    doc = Document(
        id=doc_id or _content_id(norm.text),
        text=norm.text,
        title=title or norm.title,
        source=source_name or norm.source,
        published=_iso(published) if published else norm.published,
        url=url or norm.url,
        categories=norm.categories,
    )
    if norm.pages:  # pages of a PDF or DOCX: not a contract field, read by policyie.normalize.documents.page_at
        doc.page_starts = norm.pages
    doc.__dict__["_raw"] = (norm.raw, norm.offsets)  # Document.raw_span; not a contract field, not serialised
    if defaults:
        _fill_defaults(doc, defaults)
    return doc, norm


def _fill_defaults(doc: Document, defaults: Mapping[str, str]) -> None:
    unknown = set(defaults) - {"published", "title", "source", "url"}
    if unknown:
        raise TypeError(f"defaults takes published, title, source and url, not {sorted(unknown)}")
    if not doc.published and defaults.get("published"):
        doc.published = _iso(defaults["published"])
    if not doc.title and defaults.get("title"):
        doc.title = _clean(defaults["title"])
    if not doc.source and defaults.get("source"):
        doc.source = _clean(defaults["source"])
    if not doc.url and defaults.get("url"):
        doc.url = _clean(defaults["url"])


# CPU seconds per stage, accumulated while a benchmark sets this to a dict (benchmarks/bench.py prints the
# shares); None, the default, costs one test per stage.
STAGE_CLOCK: dict[str, float] | None = None


def _context(doc: Document, norm: Normalised, kb: KB | str | Path | bool | None = None) -> Context:
    return Context(doc=doc, analysis=nlp.analyse(doc.text), published=_beijing(doc.published), bylines=norm.bylines,
                   kb=_kb(kb), site=norm.site)


def _kb(spec: KB | str | Path | bool | None) -> KB | None:
    from policyie.kb import KBError, open_kb

    try:
        return open_kb(spec)
    except KBError as exc:
        raise InputError(str(exc), reason="bad-kb") from None


def run_extractors(
    doc: Document, norm: Normalised, kb: KB | str | Path | bool | None = None, steps: list | None = None
) -> Document:
    """Fill ``doc``'s record fields by the registered extractors, or only by ``steps`` (`until`)."""
    steps = ordered() if steps is None else steps
    clock = STAGE_CLOCK
    if clock is not None:
        return _run_timed(doc, norm, clock, kb, steps)
    ctx = _context(doc, norm, kb)
    for field_name, fn in steps:
        setattr(doc, field_name, fn(ctx))
    return doc


def _run_timed(doc: Document, norm: Normalised, clock: dict[str, float], kb, steps: list) -> Document:
    t = process_time()
    ctx = _context(doc, norm, kb)
    for field_name, fn in [("analyse", None), *steps]:
        if fn is not None:
            setattr(doc, field_name, fn(ctx))
        now = process_time()
        clock[field_name] = clock.get(field_name, 0.0) + now - t
        t = now
    return doc


def _clean(value: object) -> str | None:
    """Caller metadata as a string every output format can store (records from JSON may carry lone surrogates)."""
    if value is None:
        return None
    return without_surrogates(value if isinstance(value, str) else str(value))


def _content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _iso(value: str) -> str:
    from policyie.normalize.meta import parse_datetime

    iso = parse_datetime(value)
    if iso is None:
        raise InputError(f"published={value!r} is not a date policyie can read", reason="bad-published")
    return iso


def _beijing(iso: str | None) -> datetime | None:
    """The publication instant as Beijing wall time: a paper dated 23:44 GMT is the next day there."""
    if not iso:
        return None
    try:
        d = datetime.fromisoformat(iso)
    except ValueError:
        return None
    if d.tzinfo is None:
        return d.replace(tzinfo=BEIJING_TIME)
    return d.astimezone(BEIJING_TIME)
