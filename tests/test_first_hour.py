"""What a new user meets in the first hour with the command line (issue: "the first hour"): metadata for
plain files, output formats and their errors, and messages that say what is wrong once."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

import policyie
from policyie import outputs
from policyie.cli import main

ROOT = Path(__file__).parent.parent
ARTICLE = "今年3月23日，市委书记蔡奇到通州区调研。他强调，要推动高质量发展。"


@pytest.fixture
def txt(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_extract_published_resolves_relative_dates_of_a_plain_file(txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    args = ["extract", str(txt), "-o", str(out), "-q", "--published", "2022-06-07", "--title", "调研", "--source", "北京日报"]
    assert main(args) == 0
    (doc,) = _jsonl(out)
    assert (doc["published"], doc["title"], doc["source"]) == ("2022-06-07", "调研", "北京日报")
    assert "2022-03-23" in [d["value"] for d in doc["dates"]]
    assert main(["extract", str(txt), "-o", str(out), "-q"]) == 0
    assert "2022-03-23" not in [d["value"] for d in _jsonl(out)[0]["dates"]]  # without it, 今年 has no year


def test_extract_published_is_a_default_a_record_with_its_own_date_keeps_it(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "own", "text": ARTICLE, "date": "20190101"}, {"id": "none", "text": ARTICLE}]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(corpus), "-o", str(out), "-q", "-j", "2", "--published", "2022-06-07"]) == 0
    got = {d["id"]: d["published"] for d in _jsonl(out)}
    assert got == {"own": "2019-01-01", "none": "2022-06-07"}


def test_extract_published_that_is_no_date_is_refused(txt: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(txt), "--published", "yesterday-ish"]) == 2
    assert "--published" in capsys.readouterr().err


def test_csv_output_is_a_folder_with_one_file_per_table(txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["extract", str(txt), "-o", str(out), "-q"]) == 0
    assert {p.name for p in out.iterdir()} == {f"{t}.csv" for t in outputs.tables.TABLES}
    with (out / "officials.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["name"], json.loads(r["titles"])) for r in rows] == [("蔡奇", ["市委书记"])]
    other = tmp_path / "tables"
    assert main(["extract", str(txt), "-o", str(other), "--format", "csv", "-q"]) == 0
    assert (other / "documents.csv").exists()


def test_an_output_without_a_known_suffix_names_the_flag(txt: Path, tmp_path: Path, capsys) -> None:
    assert main(["extract", str(txt), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert "--format" in capsys.readouterr().err


def test_a_folder_format_onto_an_existing_file_says_so(txt: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(txt), "-o", str(txt), "--format", "parquet", "-q"]) == 2
    err = capsys.readouterr().err
    assert "is a file" in err and "folder" in err
    assert txt.read_text(encoding="utf-8") == ARTICLE  # untouched


def test_a_table_format_to_stdout_is_refused(txt: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(txt), "--format", "csv"]) == 2
    assert "needs a path" in capsys.readouterr().err


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "duckdb", None)  # as if not installed: import raises ImportError
    doc = policyie.extract(ARTICLE)
    with pytest.raises(outputs.OutputError, match=r"policyie\[analytics\]"):
        outputs.write([doc], tmp_path / "x.duckdb")


def test_one_document_is_singular(txt: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(txt), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert "1 document extracted" in capsys.readouterr().err


def test_show_of_a_missing_file_names_it_once(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["show", str(missing)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count(str(missing)) == 1, err


def test_a_missing_file_is_not_found_from_python_as_from_the_cli(tmp_path: Path) -> None:
    with pytest.raises(policyie.InputError) as exc:
        policyie.extract(tmp_path / "nope.txt")
    assert exc.value.reason == "not-found"


def test_a_parquet_table_folder_reads_with_plain_pandas(txt: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "out.parquet"
    assert main(["extract", str(txt), "-o", str(out), "-q", "--published", "2022-06-07"]) == 0
    dates = pd.read_parquet(out / "dates")  # as the README shows: a table's folder of parts reads as one
    assert "2022-03-23" in set(dates["value"])


def test_part_of_day_codes_agree_with_the_docs() -> None:
    doc = policyie.extract("昨天下午，市委书记蔡奇到通州区调研。", published="2022-06-07")
    assert [(d.text, d.part) for d in doc.dates] == [("昨天下午", "AF")]
    for doc_file in ("docs/schema.md", "docs/records.md"):
        text = (ROOT / doc_file).read_text(encoding="utf-8")
        assert "AF (下午)" in text or "`AF` (下午)" in text, doc_file
    assert "上午/下午 …" not in (ROOT / "README.md").read_text(encoding="utf-8")
