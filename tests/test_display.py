"""HTML rendering: `Document._repr_html_`, `policyie.display` and the review page of `policyie show --html`.

The markup is parsed back (html.parser) rather than searched as a string, so the tests check what a
browser would show: the article text, complete and in order, with each span inside its mark.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import policyie
from policyie.cli import main
from policyie.display import FIELDS, HTML, KINDS, page
from policyie.records import (
    Activity,
    DateMention,
    Directive,
    Document,
    Meeting,
    Official,
    Place,
    Slogan,
    Span,
    Title,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_a89ed202fbb261d6.txt"

# Markup-like characters in the text and in record fields: they must come out escaped.
TEXT = (
    "昨天上午，省委书记王建国到临江市出席全省经济工作会议并讲话。"
    "他强调，要坚持“两个毫不动摇”，<script>alert(1)</script> & 抓好“开门红”。"
)


def _span(s: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return Span(s, start, start + len(s))


def _doc() -> Document:
    meeting = _span("全省经济工作会议")
    directive = "要坚持“两个毫不动摇”"
    d_start = TEXT.index(directive)
    return Document(
        id="t1",
        text=TEXT,
        title="王建国在临江市调研 <b>",
        source="江南日报",
        published="2023-02-08T07:30:00+08:00",
        officials=[Official("王建国", [Title("省委书记", "江南省委", "书记")], [_span("王建国")])],
        places=[
            Place("临江市", "city", "330100", "江南省", [_span("临江市")], lat=30.25, lon=120.17),
            # "全省" inside the meeting's span: nested, both kept.
            Place("江南省", "province", "330000", None, [_span("全省")]),
        ],
        dates=[DateMention("昨天上午", 0, 4, "2023-02-07", "day", part="MO")],
        meetings=[Meeting("全省经济工作会议", "会议", "2023-02-07", hosts=["王建国"], start=meeting.start, end=meeting.end)],
        activities=[Activity("出席", ["王建国"], [], ["临江市"], "2023-02-07", "经济 <i>工作</i>")],
        slogans=[
            Slogan("两个毫不动摇", "numbered", [_span("两个毫不动摇")], gloss="a & b"),
            Slogan("开门红", "quoted", [_span("开门红")]),
        ],
        directives=[Directive("王建国", "强调", directive, d_start, d_start + len(directive), ["两个毫不动摇"])],
    )


class _Page(HTMLParser):
    """Collects the visible text of the first .pie-text box (badges left out) and, per mark, its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside .pie-text: element depth
        self.done = False
        self.text: list[str] = []
        self.marks: list[dict] = []  # id, kind, style, text
        self.open_marks: list[dict] = []
        self.in_badge = 0
        self.tags: list[tuple[str, dict]] = []
        self.tables: list[str] = []  # summary texts
        self._summary: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "summary":
            self._summary = []
        if self.done:
            return
        if self.depth == 0 and "pie-text" in (a.get("class") or "").split():
            self.depth = 1
            return
        if self.depth:
            self.depth += 1
            if tag == "mark":
                m = {"id": a.get("id"), "kind": a.get("data-kind"), "style": a.get("style", ""), "text": []}
                self.marks.append(m)
                self.open_marks.append(m)
            if "pie-badge" in (a.get("class") or "").split():
                self.in_badge += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "summary" and self._summary is not None:
            self.tables.append("".join(self._summary))
            self._summary = None
        if not self.depth:
            return
        self.depth -= 1
        if self.depth == 0:
            self.done = True
        elif tag == "span" and self.in_badge:
            self.in_badge -= 1
        elif tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        if self._summary is not None:
            self._summary.append(data)
        if self.depth and not self.in_badge:
            self.text.append(data)
            for m in self.open_marks:
                m["text"].append(data)


def _parse(markup: str) -> _Page:
    p = _Page()
    p.feed(markup)
    p.close()
    for m in p.marks:
        m["text"] = "".join(m["text"])
    return p


@pytest.mark.parametrize("render", [lambda d: d._repr_html_(), lambda d: str(policyie.display(d)), page])
def test_text_is_whole_and_every_span_sits_in_its_mark(render) -> None:
    doc = _doc()
    p = _parse(render(doc))
    assert "".join(p.text) == doc.text  # escaped markup reads back as the original characters
    by_kind: dict[str, set[str]] = {}
    for m in p.marks:
        by_kind.setdefault(m["kind"], set()).add(m["text"])
    assert by_kind == {
        "official": {"王建国"},
        "place": {"临江市", "全省"},
        "date": {"昨天上午"},
        "meeting": {"全省经济工作会议"},
        "slogan": {"两个毫不动摇", "开门红"},
    }
    colours = {m["kind"]: re.search(r"background:(#[0-9a-f]{6})", m["style"]).group(1) for m in p.marks}
    assert len(set(colours.values())) == len(KINDS)  # one colour per kind


def test_markup_in_text_and_records_is_escaped() -> None:
    for markup in (str(policyie.display(_doc())), page(_doc())):
        assert "<script>alert" not in markup and "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
        assert "<i>工作</i>" not in markup and "经济 &lt;i&gt;工作&lt;/i&gt;" in markup
        assert "调研 <b>" not in markup and "a &amp; b" in markup


def test_nested_spans_are_kept_and_crossing_ones_dropped() -> None:
    doc = _doc()
    p = _parse(str(policyie.display(doc)))
    ids = [m["id"] for m in p.marks]
    # "全省" sits inside the meeting's span: both are marked, the place inside the meeting.
    assert any(i.endswith("places-1-0") for i in ids) and any(i.endswith("meetings-0-0") for i in ids)
    # A slogan span crossing the meeting's end (会议并讲) cannot nest: it is dropped, the text stays whole.
    start = doc.text.index("会议并讲")
    doc.slogans.append(Slogan("会议并讲", "quoted", [Span("会议并讲", start, start + 4)]))
    p = _parse(str(policyie.display(doc)))
    assert "".join(p.text) == doc.text
    assert "会议并讲" not in {m["text"] for m in p.marks}
    # Offsets outside the text are skipped, not fatal.
    doc.officials[0].mentions.append(Span("王建国", 10_000, 10_003))
    assert "".join(_parse(str(policyie.display(doc))).text) == doc.text


def test_fields_choose_what_is_highlighted_and_tabulated() -> None:
    shown = policyie.display(_doc(), fields=["officials", "activities"])
    assert isinstance(shown, HTML) and str(shown) == shown._repr_html_() == shown.html
    p = _parse(str(shown))
    assert {m["kind"] for m in p.marks} == {"official"}
    assert [t.split(" ")[0] for t in p.tables] == ["officials", "activities"]
    assert _parse(str(policyie.display(_doc(), fields="dates"))).tables == ["dates (1)"]
    every = _parse(str(policyie.display(_doc())))
    assert [t.split(" ")[0] for t in every.tables] == list(FIELDS)
    with pytest.raises(ValueError, match="unknown field"):
        policyie.display(_doc(), fields=["officials", "people"])


def test_long_articles_scroll_inside_a_box() -> None:
    doc = Document(id="long", text="市委书记王建国到临江市调研。" * 2000)
    markup = str(policyie.display(doc, max_height="20em"))
    box = next(a for t, a in _parse(markup).tags if "pie-text" in (a.get("class") or ""))
    assert "overflow-y:auto" in box["style"] and "max-height:20em" in box["style"]


def test_review_page_is_self_contained() -> None:
    doc = _doc()
    doc.url = "https://example.com/a?b=1&c=2"
    html = page(doc)
    assert html.startswith("<!DOCTYPE html>")
    p = _parse(html)
    # Every attribute that could load or link something points inside the page.
    for tag, attrs in p.tags:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            if name in attrs:
                assert attrs[name].startswith("#"), (tag, name, attrs[name])
        assert tag not in ("link", "iframe", "object", "embed", "img", "base")
    assert "url(" not in html and "@import" not in html
    csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert "https://example.com/a?b=1&amp;c=2" in html  # the article's URL is shown as text only
    # Table rows link to their spans, and the targets exist.
    ids = {a.get("id") for _, a in p.tags}
    targets = [a["data-target"] for t, a in p.tags if t == "tr" and "data-target" in a]
    assert targets and set(targets) <= ids


def _evidence_columns(html: str) -> dict[str, bool]:
    """Per table of the page: does it have an evidence column?"""
    tables = re.findall(r'<details open class="pie-table" id="pie-table-(\w+)">(.*?)</details>', html, re.S)
    return {name: "<th>evidence</th>" in body for name, body in tables}


def test_evidence_is_shown_when_records_carry_it() -> None:
    doc = _doc()
    # A table has the column exactly when its records carry the attribute (a records.py field or not).
    carries = {f: any(hasattr(r, "evidence") for r in getattr(doc, f)) for f in FIELDS}
    assert _evidence_columns(page(doc)) == carries
    assert all(carries[f] for f in FIELDS if getattr(doc, f))  # every record type carries it since 2026-12
    doc.officials[0].evidence = Span("省委书记王建国", 5, 12)
    doc.meetings[0].evidence = "kb:untitled <u>"
    doc.slogans[0].evidence = [{"text": "坚持“两个毫不动摇”", "start": 34, "end": 44}, "第二 & 条"]
    html = page(doc)
    assert _evidence_columns(html) == {**carries, "officials": True, "meetings": True, "slogans": True}
    for quoted in ("省委书记王建国", "坚持“两个毫不动摇”"):  # spans of the article: quotes
        assert f'<q class="pie-evidence">{quoted}</q>' in html
    for named in ("kb:untitled &lt;u&gt;", "第二 &amp; 条"):  # strings, such as the rule's name: as they are
        assert f'<span class="pie-evidence">{named}</span>' in html


def test_repr_html_of_an_extracted_seed() -> None:
    doc = policyie.extract(SEED)
    p = _parse(doc._repr_html_())
    assert "".join(p.text) == doc.text
    names = {m["text"] for m in p.marks if m["kind"] == "official"}
    assert {o.name for o in doc.officials} <= names
    meetings = {m["text"] for m in p.marks if m["kind"] == "meeting"}
    assert {doc.text[m.start : m.end] for m in doc.meetings if m.start < m.end} <= meetings


# -- the CLI --------------------------------------------------------------------------------------


def test_show_html_writes_the_review_page(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "page.html"
    assert main(["show", str(SEED), "--html", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    doc = policyie.extract(SEED)
    assert "".join(_parse(html).text) == doc.text
    for o in doc.officials:
        assert f">{o.name}<" in html
    # A .html name is enough; any other name gets the terminal rendering as text.
    assert main(["show", str(SEED), "-o", str(tmp_path / "p.htm")]) == 0
    assert (tmp_path / "p.htm").read_text(encoding="utf-8") == html
    assert main(["show", str(SEED), "-o", str(tmp_path / "p.txt")]) == 0
    text = (tmp_path / "p.txt").read_text(encoding="utf-8")
    assert "<" not in text and "蔡奇" in text and "officials" in text


def _corpus(tmp_path: Path, gz: bool = False) -> Path:
    import gzip

    lines = [
        "{not json",
        json.dumps({"id": "a1", "text": "昨天下午，市委书记蔡奇到通州区调研。", "date": "20220607"}, ensure_ascii=False),
        json.dumps({"id": "b2", "title": "海淀", "html": "<p>市长陈吉宁在海淀区调研科技创新工作。</p>"}, ensure_ascii=False),
    ]
    data = "\n".join(lines) + "\n"
    if gz:
        path = tmp_path / "corpus.jsonl.gz"
        path.write_bytes(gzip.compress(data.encode("utf-8")))
    else:
        path = tmp_path / "corpus.jsonl"
        path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_show_a_corpus_shows_one_item(tmp_path: Path, capsys: pytest.CaptureFixture, gz: bool) -> None:
    corpus = _corpus(tmp_path, gz)
    out = tmp_path / "a.html"
    assert main(["show", str(corpus), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "id a1" in err and "--id" in err and err.count("\n") == 1  # the one-line note
    html = out.read_text(encoding="utf-8")
    assert "蔡奇" in html and "陈吉宁" not in html
    assert "2022-06-06" in html  # 昨天 resolved with the record's own date, as extract_many does

    assert main(["show", str(corpus), "--id", "b2", "--html", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    html = out.read_text(encoding="utf-8")
    assert "陈吉宁" in html and "蔡奇" not in html and "<title>海淀 · policyie</title>" in html


def test_show_a_corpus_with_an_unknown_id_says_so(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["show", str(_corpus(tmp_path)), "--id", "zz"]) == 1
    assert "no item with id 'zz'" in capsys.readouterr().err
    assert main(["show", str(SEED), "--id", "a1"]) == 2  # --id needs a corpus
    missing = tmp_path / "nope.jsonl"
    assert main(["show", str(missing)]) == 1
    assert str(missing) in capsys.readouterr().err
