"""`policyie show`: every record type reaches the terminal, and spans are styled where they sit."""

from __future__ import annotations

import pytest
from rich.console import Console

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
from policyie.show import STYLES, highlight, render

TEXT = "昨天上午，省委书记王建国到临江市调研。他强调，要坚持“两个毫不动摇”，抓好“开门红”。"


def _span(s: str) -> Span:
    start = TEXT.index(s)
    return Span(s, start, start + len(s))


def _doc() -> Document:
    directive_text = "要坚持“两个毫不动摇”，抓好“开门红”"
    d_start = TEXT.index(directive_text)
    return Document(
        id="t1",
        text=TEXT,
        title="王建国在临江市调研",
        source="江南日报",
        published="2023-02-08T07:30:00+08:00",
        authors=["李明"],
        officials=[Official("王建国", [Title("省委书记", "江南省委", "书记")], [_span("王建国")])],
        places=[Place("临江市", "city", "330100", "江南省", [_span("临江市")], lat=30.25, lon=120.17)],
        dates=[DateMention("昨天上午", 0, 4, "2023-02-07", "day", part="morning")],
        meetings=[Meeting("全省经济工作会议", "会议", "2023-02-06", hosts=["王建国"], referenced=True)],
        activities=[Activity("调研", ["王建国"], ["张华"], ["临江市"], "2023-02-07", "开门红")],
        slogans=[
            Slogan("两个毫不动摇", "numbered", [_span("两个毫不动摇")], gloss="毫不动摇巩固和发展公有制经济…"),
            Slogan("开门红", "quoted", [_span("开门红")]),
        ],
        directives=[Directive("王建国", "强调", directive_text, d_start, d_start + len(directive_text), ["开门红"])],
    )


def _rendered(doc: Document) -> str:
    console = Console(record=True, width=120, color_system=None)
    render(doc, console)
    return console.export_text()


@pytest.mark.parametrize(
    "expected",
    [
        # metadata
        "王建国在临江市调研",
        "江南日报",
        "2023-02-08T07:30:00+08:00",
        "李明",
        # one table per record type, with the fields an analyst reads
        "officials (1)",
        "省委书记",
        "江南省委 书记",
        "places (1)",
        "330100",
        "30.250, 120.170",
        "dates (1)",
        "2023-02-07",
        "morning",
        "meetings (1)",
        "全省经济工作会议",
        "activities (1)",
        "张华",
        "slogans (2)",
        "numbered",
        "毫不动摇巩固和发展公有制经济",
        "directives (1)",
        "强调",
        # the article itself
        "他强调",
    ],
)
def test_render_shows(expected: str) -> None:
    assert expected in _rendered(_doc())


def test_empty_record_types_are_omitted() -> None:
    out = _rendered(Document(id="e", text="今天天气很好。"))
    assert "officials (" not in out
    assert "今天天气很好" in out
    assert "title" in out and "—" in out


def test_spans_styled_by_kind() -> None:
    text = highlight(_doc())
    styled = {(s.start, s.end): str(s.style) for s in text.spans}
    start = TEXT.index("王建国")
    assert styled[(start, start + 3)] == STYLES["official"]
    start = TEXT.index("临江市")
    assert styled[(start, start + 3)] == STYLES["place"]
    assert styled[(0, 4)] == STYLES["date"]
    start = TEXT.index("开门红")
    assert styled[(start, start + 3)] == STYLES["slogan"]


def test_bad_offsets_are_skipped() -> None:
    doc = _doc()
    doc.officials[0].mentions.append(Span("王建国", 500, 503))
    text = highlight(doc)
    assert all(s.end <= len(TEXT) for s in text.spans)
    assert "王建国" in _rendered(doc)


def test_renders_an_extracted_article() -> None:
    from policyie import extract

    doc = extract("昨天下午，省委书记王建国到临江市调研。他强调，要抓好“开门红”。", published="2023-02-08")
    out = _rendered(doc)
    assert "2023-02-08" in out and "抓好“开门红”" in out
