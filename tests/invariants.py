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


def check_document(doc: Document, again: Callable[[], Document] | None = None) -> None:
    """Offsets true, JSON round trip lossless, and (given ``again``) the same output a second time."""
    check_offsets(doc)
    assert Document.from_json(doc.to_json()) == doc, "JSON round trip changed the document"
    if again is not None:
        assert again() == doc, "a second run gave different output"
