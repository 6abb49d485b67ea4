"""What must hold for every Document, whatever the input: shared by the fuzzer, its replay and the
property tests, so the three cannot drift apart."""

from __future__ import annotations

from collections.abc import Callable

from policyie.records import Document


def check_offsets(doc: Document) -> None:
    n = len(doc.text)
    for span in doc.spans():
        assert 0 <= span.start <= span.end <= n, span
        assert doc.text[span.start : span.end] == span.text, span
    for event in [*doc.meetings, *doc.activities]:
        assert 0 <= event.start <= event.end <= n, event
    check_one_place_per_name(doc)


def check_one_place_per_name(doc: Document) -> None:
    """A place is reported once: two records of one name and level are two places only under two parents."""
    seen = {}
    for p in doc.places:
        other = seen.setdefault((p.name, p.level), p)
        assert other is p or (other.parent and p.parent and other.parent != p.parent), f"{p.name} reported twice"


def check_document(doc: Document, again: Callable[[], Document] | None = None) -> None:
    """Offsets true, JSON round trip lossless, and (given ``again``) the same output a second time."""
    check_offsets(doc)
    assert Document.from_json(doc.to_json()) == doc, "JSON round trip changed the document"
    if again is not None:
        assert again() == doc, "a second run gave different output"
