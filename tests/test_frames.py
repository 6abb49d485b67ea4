"""`policyie.frames` and `policyie.read`: the tables of docs/schema.md as DataFrames, from documents and
back from the DuckDB and Parquet outputs, equal in values and dtypes."""

from __future__ import annotations

from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")

import policyie  # noqa: E402
from policyie.frames import DTYPES  # noqa: E402
from policyie.outputs import write  # noqa: E402
from policyie.outputs.tables import SCHEMA, TABLES  # noqa: E402
from policyie.records import Activity, Document, Meeting, Official, Place, Span, Title  # noqa: E402

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    assert len(SEEDS) == 5
    return [policyie.extract(p) for p in SEEDS]


def _odd() -> Document:
    """Nulls and empties in every kind of column: what the seeds may not exercise."""
    return Document(
        id="odd",
        text="某某会议在某地召开。",
        published=None,
        officials=[Official("无名", [Title("书记")], mentions=[]), Official("有名", [], [Span("某某", 0, 2)], country="中国")],
        places=[Place("某地", None, None, None, [Span("某地", 5, 7)])],
        meetings=[Meeting("某某会议", "会议", referenced=True, start=0, end=4)],
        activities=[Activity("调研")],
    )


def test_frames_have_the_schema(docs: list[Document]) -> None:
    frames = policyie.frames(docs)
    assert list(frames) == list(TABLES)
    for table, df in frames.items():
        assert list(df.columns) == [c.name for c in SCHEMA[table]]
        for c in SCHEMA[table]:
            assert str(df[c.name].dtype) == (DTYPES[c.type] or "object"), (table, c.name)
    assert list(frames["documents"]["id"]) == [d.id for d in docs]
    assert len(frames["officials"]) == sum(len(d.officials) for d in docs)
    assert len(frames["official_titles"]) == sum(len(o.titles) for d in docs for o in d.officials)
    assert len(frames["slogans"]) == sum(len(d.slogans) for d in docs)
    first = docs[0].officials[0]
    row = frames["officials"].iloc[0]
    assert (row["name"], row["titles"], row["first_offset"]) == (first.name, [t.text for t in first.titles], first.mentions[0].start)
    assert frames["documents"]["published_date"].dt.year.dropna().astype(int).tolist()  # real datetimes


def test_frames_keep_nulls_and_empties() -> None:
    f = policyie.frames([_odd()])
    off = f["officials"]
    assert off["first_offset"].isna().tolist() == [True, False] and off["first_offset"].iloc[1] == 0
    assert off["titles"].tolist() == [["书记"], []]
    assert pd.isna(off["country"].iloc[0]) and off["country"].iloc[1] == "中国"
    assert f["places"]["lat"].isna().all() and str(f["places"]["lat"].dtype) == "float64"
    assert f["meetings"]["referenced"].tolist() == [True]
    assert f["activities"]["actors"].tolist() == [[]]
    assert pd.isna(f["documents"]["published_date"].iloc[0])
    assert all(len(df) == 0 for t, df in f.items() if t in ("dates", "slogans", "directives"))


@pytest.mark.parametrize("name", ["out.duckdb", "out.parquet", "out.jsonl"])
def test_read_gives_back_the_same_frames(docs: list[Document], tmp_path: Path, name: str) -> None:
    corpus = [*docs, _odd()]
    expected = policyie.frames(corpus)
    path = tmp_path / name
    write(corpus, path)
    got = policyie.read(path)
    assert list(got) == list(expected)
    for table in TABLES:
        # No dtype is normalised here: `read` itself gives every column the dtype `frames` gives it
        # (policyie.frames.DTYPES), whatever the format returned (Arrow's float64 for an int column with
        # a null, NumPy arrays for lists, datetime.date for DATE), so the frames must be equal as they are.
        pd.testing.assert_frame_equal(got[table], expected[table], check_dtype=True, obj=f"{name}:{table}")
        # assert_frame_equal takes a NumPy array for a list of the same items: check the type itself.
        for c in SCHEMA[table]:
            if c.type == "str[]":
                values = got[table][c.name].dropna().tolist()
                assert all(type(v) is list and all(type(x) is str for x in v) for v in values), (table, c.name)


def test_read_duckdb_after_a_rerun_and_from_an_older_file(docs: list[Document], tmp_path: Path) -> None:
    path = tmp_path / "out.duckdb"
    write(docs, path)
    write(docs[:2], path)  # a re-run upserts: no duplicates, the re-written documents come last
    got = policyie.read(path)
    order = [d.id for d in docs[2:]] + [d.id for d in docs[:2]]
    assert list(got["documents"]["id"]) == order
    expected = policyie.frames([*docs[2:], *docs[:2]])
    for table in TABLES:
        pd.testing.assert_frame_equal(got[table], expected[table], obj=table)
    # A file written before a column existed: the column comes back all missing, with its dtype.
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE officials DROP COLUMN person_id")
    con.execute("DROP TABLE directives")
    con.close()
    got = policyie.read(path)
    assert list(got["officials"].columns) == [c.name for c in SCHEMA["officials"]]
    assert got["officials"]["person_id"].isna().all() and str(got["officials"]["person_id"].dtype) == str(
        expected["officials"]["person_id"].dtype
    )
    assert len(got["directives"]) == 0 and list(got["directives"].columns) == [c.name for c in SCHEMA["directives"]]


def test_read_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        policyie.read(tmp_path / "nope.duckdb")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ValueError, match="cannot tell"):
        policyie.read(tmp_path / "notes.txt")
    (tmp_path / "empty.parquet").mkdir()
    with pytest.raises(ValueError, match="not a policyie Parquet folder"):
        policyie.read(tmp_path / "empty.parquet")
