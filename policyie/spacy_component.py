"""policyie as a spaCy pipeline component: ``nlp.add_pipe("policyie")``.

    >>> import spacy, policyie.spacy_component            # an installed policyie needs no import:
    >>> nlp = spacy.blank("zh")                            # its `spacy_factories` entry point registers it
    >>> nlp.add_pipe("policyie", config={"published": "2022-06-07"})
    >>> doc = nlp("昨天下午，市委书记蔡奇到通州区调研。")
    >>> doc._.policyie.officials[0].name, [(e.text, e.label_) for e in doc.ents]
    ('蔡奇', [('昨天下午', 'DATE'), ('蔡奇', 'PERSON'), ('通州区', 'GPE')])
    >>> spacy.displacy.render(doc, style="ent")

The component is no second copy of the pipeline: it calls `policyie.extract` on ``doc.text`` and
sets ``doc._.policyie`` to the `Document` and ``doc.ents`` to its spans, mapped back to ``doc.text``:

========  =================================================================
label     spans
========  =================================================================
PERSON    every mention of an official
GPE       every mention of a place
DATE      every date mention
EVENT     every meeting with a span (held or cited)
========  =================================================================

Overlapping spans are resolved as `spacy.util.filter_spans` does: the longer wins, then the earlier.
A span that cannot be aligned to the doc's tokens, even widened to token boundaries, is skipped. The
spans of ``Document`` index its cleaned text; where that differs from ``doc.text`` (HTML, a headline
line, Traditional script…), the offset map of the same normaliser that `extract` runs maps them back.

A text `extract` refuses (too short, not Chinese) leaves ``doc.ents`` as they were and sets
``doc._.policyie`` to None. The record also sits in ``doc.user_data["policyie"]`` as plain data, so
docs keep it through ``Doc.to_bytes``, `DocBin` and ``nlp.pipe(texts, n_process=2)``. The publication date that resolves relative dates (昨天) is the
component's ``published`` setting, or a document's own ``doc.user_data["published"]``.
"""

from __future__ import annotations

import weakref

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from policyie.errors import InputError
from policyie.records import Document

LABELS = ("PERSON", "GPE", "DATE", "EVENT")
# doc.user_data key of the record as plain data (`Document.to_dict`): what `Doc.to_bytes`, `DocBin` and
# `nlp.pipe(n_process=2)` can serialise, which a `Document` object is not.
USER_DATA_KEY = "policyie"
_records: weakref.WeakKeyDictionary[Doc, Document] = weakref.WeakKeyDictionary()


def _get(doc: Doc) -> Document | None:
    record = _records.get(doc)
    if record is None:
        data = doc.user_data.get(USER_DATA_KEY)
        if data is not None:  # a doc that came back from bytes: rebuild the Document once
            record = _records[doc] = Document.from_dict(data)
    return record


def _set(doc: Doc, record: Document | None) -> None:
    if record is None:
        _records.pop(doc, None)
        doc.user_data.pop(USER_DATA_KEY, None)
    else:
        _records[doc] = record
        doc.user_data[USER_DATA_KEY] = record.to_dict(encode_json=False)


def register_extension() -> None:
    """``Doc._.policyie``: the `Document` of the doc's text, or None."""
    if not Doc.has_extension("policyie"):
        Doc.set_extension("policyie", getter=_get, setter=_set)


class PolicyieComponent:
    """Runs `policyie.extract` on each doc; see the module's documentation."""

    def __init__(self, nlp: Language, name: str = "policyie", published: str | None = None) -> None:
        self.name = name
        self.published = published
        register_extension()

    def __call__(self, doc: Doc) -> Doc:
        from policyie import extract

        published = doc.user_data.get("published", self.published)
        try:
            record = extract(doc.text, published=published)
        except InputError:
            doc._.policyie = None
            return doc
        doc._.policyie = record
        doc.ents = entity_spans(doc, record)
        return doc


def char_spans(record: Document) -> list[tuple[int, int, str]]:
    """(start, end, label) in ``record.text`` for every span the component turns into an entity."""
    out: list[tuple[int, int, str]] = []
    out += [(m.start, m.end, "PERSON") for o in record.officials for m in o.mentions]
    out += [(m.start, m.end, "GPE") for p in record.places for m in p.mentions]
    out += [(d.start, d.end, "DATE") for d in record.dates]
    out += [(m.start, m.end, "EVENT") for m in record.meetings]
    n = len(record.text)
    return [(s, e, label) for s, e, label in out if 0 <= s < e <= n]


def entity_spans(doc: Doc, record: Document) -> list[Span]:
    """The record's spans as non-overlapping entities of ``doc``, in text order."""
    to_doc = _offset_map(doc.text, record.text)
    spans = []
    for start, end, label in char_spans(record):
        s, e = to_doc(start, end)
        span = doc.char_span(s, e, label=label, alignment_mode="expand") if s < e else None
        if span is not None and len(span):
            spans.append(span)
    return sorted(filter_spans(spans), key=lambda sp: sp.start)


def _offset_map(raw: str, clean: str):
    """A function mapping a span of ``clean`` (`Document.text`) to the span of ``raw`` (``doc.text``)."""
    if raw == clean:
        return lambda s, e: (s, e)
    from policyie.normalize import normalise

    # The normaliser is deterministic, so running it again gives the text `extract` produced, with
    # ``offsets[i]``, the index in ``raw`` of ``clean[i]``.
    norm = normalise(raw)
    if norm.text != clean or len(norm.offsets) != len(clean) + 1:  # pragma: no cover - defensive
        return lambda s, e: (0, 0)
    offsets = norm.offsets
    return lambda s, e: (offsets[s], offsets[e - 1] + 1)


@Language.factory(
    "policyie",
    default_config={"published": None},
    assigns=["doc.ents", "doc._.policyie"],
)
def make_policyie(nlp: Language, name: str, published: str | None) -> PolicyieComponent:
    return PolicyieComponent(nlp, name, published)


__all__ = ["LABELS", "USER_DATA_KEY", "PolicyieComponent", "char_spans", "entity_spans", "make_policyie", "register_extension"]
