"""JSONL round trip, Parquet tables readable with pyarrow, DuckDB tables that upsert by document id."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from policyie.outputs import detect_format, write
from policyie.outputs.jsonl import read_jsonl
from policyie.outputs.tables import SCHEMA, TABLES, markdown
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

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb")

TEXT = "昨天下午，省委书记王建国到临安区调研，强调要坚持“两山”理念。省委副书记、省长李明一同调研。"


def make_doc(doc_id: str, officials: list[str]) -> Document:
    return Document(
        id=doc_id,
        text=TEXT,
        title="省委书记到临安区调研",
        source="浙江日报",
        published="2023-05-10T07:30:00+08:00",
        authors=["记者 张三"],
        officials=[
            Official(n, [Title("省委书记", "浙江省委", "书记")], [Span(n, TEXT.find(n), TEXT.find(n) + len(n))])
            for n in officials
        ],
        places=[Place("临安区", "district", "330112", "杭州市", [Span("临安区", 12, 15)], 30.23, 119.72)],
        dates=[DateMention("昨天下午", 0, 4, "2023-05-09", "day", None, "下午"),
               DateMention("5月8日至9日", 0, 4, "2023-05-08/2023-05-09", "day", ["2023-05-08", "2023-05-09"])],
        meetings=[Meeting("省委常委会会议", "常委会", "2023-05-09", hosts=[officials[0]], referenced=False, start=1, end=5)],
        activities=[Activity("调研", [officials[0]], ["李明"], ["临安区"], "2023-05-09", "生态", 5, 20)],
        slogans=[Slogan("两山", "quoted", [Span("两山", 26, 28)], "绿水青山就是金山银山")],
        directives=[Directive(officials[0], "强调", "要坚持“两山”理念", 22, 32, ["两山"])],
        categories=["要闻"],
    )


DOCS = [make_doc("a", ["王建国", "李明"]), make_doc("b", ["王建国"]), make_doc("c", ["李明"])]


def test_format_by_suffix() -> None:
    assert [detect_format(p) for p in ("x.jsonl", "x.json", "x.parquet", "x.duckdb")] == [
        "jsonl", "jsonl", "parquet", "duckdb"]
    with pytest.raises(ValueError):
        detect_format("x.xlsx")


def test_jsonl_round_trip(tmp_path: Path) -> None:
    s = write(DOCS, tmp_path / "out.jsonl")
    assert s.documents == 3 and s.bytes > 0
    assert list(read_jsonl(tmp_path / "out.jsonl")) == DOCS
    assert "王建国" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")  # CJK not \u-escaped


def test_parquet_tables(tmp_path: Path) -> None:
    root = tmp_path / "out.parquet"
    s = write(DOCS, root)
    assert s.rows["officials"] == 4 and s.rows["documents"] == 3
    for t in TABLES:
        table = pq.read_table(root / t)
        assert table.column_names == [c.name for c in SCHEMA[t]]
    officials = pq.read_table(root / "officials").to_pylist()
    assert [(r["doc_id"], r["name"], r["titles"], r["n_mentions"]) for r in officials] == [
        ("a", "王建国", ["省委书记"], 1), ("a", "李明", ["省委书记"], 1), ("b", "王建国", ["省委书记"], 1),
        ("c", "李明", ["省委书记"], 1)]
    dates = pq.read_table(root / "dates").to_pylist()
    assert (dates[1]["interval_start"], dates[1]["interval_end"]) == ("2023-05-08", "2023-05-09")
    # A re-run replaces the parts instead of adding to them.
    write(DOCS[:1], root)
    assert pq.read_table(root / "documents").num_rows == 1


def test_duckdb_query_and_upsert(tmp_path: Path) -> None:
    db = tmp_path / "out.duckdb"
    write(DOCS, db)
    con = duckdb.connect(str(db))
    try:
        assert sorted(con.execute("SELECT name, count(*) FROM officials GROUP BY 1").fetchall()) == [
            ("李明", 2), ("王建国", 2)]
        assert con.execute("SELECT count(*) FROM official_titles").fetchone() == (4,)
        assert con.execute("SELECT published_date FROM documents WHERE id = 'a'").fetchone()[0].isoformat() == "2023-05-10"
    finally:
        con.close()

    # Re-running the same documents, and a changed version of one, upserts by document id.
    changed = copy.deepcopy(DOCS[0])
    changed.officials = changed.officials[:1]
    write(DOCS, db)
    write([changed], db)
    con = duckdb.connect(str(db))
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (3,)
        assert sorted(con.execute("SELECT name, count(*) FROM officials GROUP BY 1").fetchall()) == [
            ("李明", 1), ("王建国", 2)]
        assert con.execute("SELECT count(*) FROM meetings").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM dates").fetchone() == (6,)
    finally:
        con.close()


def test_duckdb_same_id_twice_in_one_write(tmp_path: Path) -> None:
    db = tmp_path / "out.duckdb"
    write([DOCS[0], DOCS[1], DOCS[0]], db)
    con = duckdb.connect(str(db))
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        assert con.execute("SELECT count(*) FROM officials WHERE doc_id = 'a'").fetchone() == (2,)
    finally:
        con.close()


def test_wrong_types_from_an_extractor_are_coerced(tmp_path: Path) -> None:
    doc = copy.deepcopy(DOCS[0])
    doc.places[0].lat = "30.5"  # type: ignore[assignment]
    doc.places[0].code = 330112  # type: ignore[assignment]
    doc.meetings[0].hosts = ["王建国", 7]  # type: ignore[list-item]
    write([doc], tmp_path / "out.parquet")
    (place,) = pq.read_table(tmp_path / "out.parquet" / "places").to_pylist()
    assert (place["lat"], place["code"]) == (30.5, "330112")
    assert pq.read_table(tmp_path / "out.parquet" / "meetings").to_pylist()[0]["hosts"] == ["王建国", "7"]


def test_schema_doc_is_current() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "schema.md").read_text(encoding="utf-8")
    assert markdown() in doc, "docs/schema.md is stale: regenerate with python -m policyie.outputs.tables"
