"""The record contract: every SPEC §2 field present, JSON round-trips losslessly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyie import Document, extract
from policyie.records import (
    Activity,
    DateMention,
    Directive,
    Meeting,
    Official,
    Place,
    Slogan,
    Span,
    Title,
)

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))

SPEC_FIELDS = {
    "Document": {"id", "title", "source", "published", "url", "authors", "text", "officials", "places", "dates",
                 "meetings", "activities", "slogans", "directives"},
    "Official": {"name", "titles", "mentions"},
    "Place": {"name", "level", "code", "parent", "mentions"},
    "DateMention": {"text", "start", "end", "value", "granularity", "interval"},
    "Meeting": {"name", "kind", "date", "hosts", "attendees", "speakers", "place", "referenced", "start", "end"},
    "Activity": {"kind", "actors", "companions", "places", "date", "topic"},
    "Slogan": {"text", "kind", "mentions", "gloss"},
    "Directive": {"speaker", "verb", "text", "start", "end", "slogans"},
}


def full_document() -> Document:
    text = "市委书记蔡奇到通州区调研。"
    return Document(
        id="x",
        text=text,
        title="标题",
        source="北京日报",
        published="2022-06-07T14:07:22+08:00",
        url="http://example.org",
        authors=["祁梦竹"],
        officials=[Official("蔡奇", [Title("市委书记", "北京市委", "书记")], [Span("蔡奇", 4, 6)])],
        places=[Place("通州区", "district", "110112", "北京市", [Span("通州区", 7, 10)], 39.9, 116.6)],
        dates=[DateMention("昨天下午", 0, 4, "2022-06-06", "day", ["2022-06-06", "2022-06-06"], "afternoon")],
        meetings=[Meeting("座谈会", "座谈会", "2022-06-06", ["蔡奇"], ["陈吉宁"], ["蔡奇"], "通州区", False, 0, 3)],
        activities=[Activity("调研", ["蔡奇"], ["陈吉宁"], ["通州区"], "2022-06-06", "产业发展", 0, 12)],
        slogans=[Slogan("五子联动", "numbered", [Span("五子", 0, 2)], "五子 = …")],
        directives=[Directive("蔡奇", "强调", "要坚持", 0, 3, ["五子联动"])],
        categories=["北京"],
    )


@pytest.mark.parametrize(
    "record", [Document, Official, Place, DateMention, Meeting, Activity, Slogan, Directive], ids=lambda c: c.__name__
)
def test_spec_fields_present(record: type) -> None:
    assert SPEC_FIELDS[record.__name__] <= set(record.__dataclass_fields__)


def test_round_trip_full_document() -> None:
    doc = full_document()
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert isinstance(again.officials[0].titles[0], Title)
    assert json.loads(doc.to_json())["places"][0]["code"] == "110112"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_round_trip_seed(path: Path) -> None:
    doc = extract(path)
    assert doc.id == path.stem
    assert Document.from_json(doc.to_json(ensure_ascii=False)) == doc


@settings(max_examples=60, deadline=None)
@given(
    name=st.text(min_size=1, max_size=6),
    start=st.integers(0, 10_000),
    value=st.text(max_size=12),
    referenced=st.booleans(),
)
def test_round_trip_generated(name: str, start: int, value: str, referenced: bool) -> None:
    doc = Document(
        id=name,
        text=name,
        officials=[Official(name, [Title(name)], [Span(name, start, start + len(name))])],
        dates=[DateMention(name, start, start + 1, value, "day")],
        meetings=[Meeting(name, "会议", referenced=referenced)],
    )
    assert Document.from_json(doc.to_json()) == doc


def test_serialising_loads_dataclasses_json_only_when_asked() -> None:
    """`extract` never serialises, so a fresh process does not import dataclasses-json (with marshmallow, a
    fifth of a cold start) until a record is; then the records are the mixin's own classes."""
    import subprocess
    import sys

    code = (
        "import sys; import policyie; d = policyie.extract('国务院总理李强在北京主持召开国务院常务会议。'); "
        "print('dataclasses_json' in sys.modules); from dataclasses_json import DataClassJsonMixin; "
        "j = d.to_json(); print(isinstance(d, DataClassJsonMixin), type(d).from_json(j) == d)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.split() == ["False", "True", "True"], run.stderr[-500:]
