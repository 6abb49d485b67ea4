"""Properties that hold for any input (issue 10): a `Document` or an `InputError`, never another
exception; every offset true; the same output twice and after a JSON round trip; the same output
whether an article comes as str or as bytes.

Inputs are generated (fragments, markup noise, arbitrary text and bytes) and mutated (a window of
a seed article with insertions, deletions, replacements and duplications), so every extractor is
reached, not only the refusal paths.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_document, check_offsets

from policyie import Document, InputError, extract

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
# Real sentences cut from the seeds, so generated articles exercise every extractor.
FRAGMENTS = [s for s in "\n".join(SEED_TEXTS).replace("。", "。\n").splitlines() if 4 <= len(s) <= 200][:400]
NOISE = ["<p>", "</p>", "<div>", "<!--", "-->", "&nbsp;", "&#12298;", "&amp;", "，，", "，、", ",", "(fā)", "---\n",
         "title: x\n", "date: 2024-04-30\n", "[返回](//x)", "\u3000\u3000", "　", "“", "”", "《", "》", "\x00", "😀",
         "|||", "\n\n", "市委书记", "要", "强调，", "\ufeff", "\u200b", "\u0301", "①", "ﬁ", "㈠", "２０２４年", "\r\n",
         "來源:", "发布时间：2024-04-30 10:00", "责任编辑：", "新华社北京4月30日电", "年", "月", "日", "至", "前"]
PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(NOISE), st.text(max_size=20))

article = st.lists(PIECE, max_size=25).map("".join)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A window of a seed article (from its start half the time, so headers and bylines are in
    play), then up to eight edits."""
    base = draw(st.sampled_from(SEED_TEXTS))
    start = draw(st.one_of(st.just(0), st.integers(0, len(base) - 1)))
    text = base[start : start + draw(st.integers(20, 2500))]
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 60)))
        if op == "insert":
            text = text[:i] + draw(PIECE) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(PIECE) + text[j:]
        else:
            text = text[:j] + text[i:j] + text[j:]
    return text


SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def extract_or_none(raw: str | bytes, **kw) -> Document | None:
    try:
        return extract(raw, **kw)
    except InputError as exc:
        assert exc.reason and str(exc), "an InputError must say why"
        return None


@SETTINGS
@given(article)
def test_generated_text_gives_a_document_or_input_error(raw: str) -> None:
    doc = extract_or_none(raw, published="2024-04-30")
    if doc is not None:
        check_document(doc)


@SETTINGS
@given(mutated())
def test_mutated_article_keeps_every_invariant(raw: str) -> None:
    doc = extract_or_none(raw, doc_id="m")
    if doc is not None:
        check_document(doc, again=lambda: extract(raw, doc_id="m"))


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_gives_a_document_or_input_error(raw: bytes) -> None:
    doc = extract_or_none(raw)
    if doc is not None:
        check_document(doc)


@SETTINGS
@given(mutated())
def test_utf8_bytes_read_like_the_string(raw: str) -> None:
    as_text = extract_or_none(raw, doc_id="e")
    as_bytes = extract_or_none(raw.encode("utf-8"), doc_id="e")
    assert as_bytes == as_text


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(SEED_TEXTS), st.integers(0, 3000), st.integers(200, 2000))
def test_gb18030_bytes_read_like_the_string(base: str, start: int, length: int) -> None:
    raw = base[start : start + length]
    as_text = extract_or_none(raw, doc_id="g")
    assert extract_or_none(raw.encode("gb18030"), doc_id="g") == as_text


@settings(max_examples=25, deadline=None)
@given(article)
def test_extraction_is_deterministic(raw: str) -> None:
    a = extract_or_none(raw, doc_id="d")
    assert extract_or_none(raw, doc_id="d") == a


@SETTINGS
@given(st.text(alphabet=st.characters(categories=["Cs"]), min_size=1, max_size=5), st.sampled_from(FRAGMENTS))
def test_lone_surrogates_do_not_reach_the_output(halves: str, sentence: str) -> None:
    # JSON corpora may carry "\ud800"; the record must still be writable as UTF-8 (JSONL, DuckDB, Parquet).
    raw = "市委书记到通州区调研。" + sentence[:3] + halves + sentence[3:] + "\n蔡奇强调，要坚持“五子”联动。"
    doc = extract(raw, doc_id="s", title=halves + "标题")
    doc.to_json().encode("utf-8")
    assert doc.title is not None and doc.title.endswith("标题")
    check_offsets(doc)


def test_seed_offsets_are_true() -> None:
    for p in SEEDS:
        check_document(extract(p))
