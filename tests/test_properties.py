"""Properties that hold for any input: no crash but InputError, every offset true, determinism."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policyie import Document, InputError, extract

SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")))
# Real sentences cut from the seeds, so generated articles exercise every extractor.
FRAGMENTS = [s for s in SEED_TEXT.replace("。", "。\n").splitlines() if 4 <= len(s) <= 200][:400]
NOISE = ["<p>", "</p>", "<div>", "<!--", "-->", "&nbsp;", "&#12298;", "，，", "，、", ",", "(fā)", "---\n", "title: x\n",
         "[返回](//x)", "\u3000\u3000", "　", "“", "”", "《", "》", "\x00", "😀", "|||", "\n\n", "市委书记", "要", "强调，"]

article = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(NOISE), st.text(max_size=20)), max_size=25).map(
    "".join
)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_offsets(doc: Document) -> None:
    for span in doc.spans():
        assert 0 <= span.start <= span.end <= len(doc.text)
        assert doc.text[span.start : span.end] == span.text, span
    for m in [*doc.meetings, *doc.activities]:
        assert 0 <= m.start <= m.end <= len(doc.text)


@SETTINGS
@given(article)
def test_any_text_gives_a_document_or_input_error(raw: str) -> None:
    try:
        doc = extract(raw, published="2024-04-30")
    except InputError:
        return
    check_offsets(doc)
    assert Document.from_json(doc.to_json()) == doc


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_gives_a_document_or_input_error(raw: bytes) -> None:
    try:
        check_offsets(extract(raw))
    except InputError:
        pass


@settings(max_examples=25, deadline=None)
@given(article)
def test_extraction_is_deterministic(raw: str) -> None:
    try:
        a = extract(raw, doc_id="d")
    except InputError:
        return
    assert extract(raw, doc_id="d") == a


def test_seed_offsets_are_true() -> None:
    for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        check_offsets(extract(p))
