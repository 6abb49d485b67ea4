"""Corpora kept as tables: the seeds as a CSV, a TSV (plain and gzipped) and a Parquet corpus give the
very same documents as the seeds as a JSONL corpus; columns can be named; bad rows and damaged
files are reported and the rest goes on."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest

from policyie.cli import main
from policyie.sources import Columns, Unreadable, iter_sources

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOOD = "市委书记蔡奇到通州区调研。他强调，要推动高质量发展。"


def seed_records() -> list[dict]:
    """The seeds as corpus records; every other one without an id (so both get <stem>:<n>) and with
    metadata beside the text, as a dump would carry it."""
    out = []
    for i, p in enumerate(SEEDS):
        rec = {"text": p.read_text(encoding="utf-8")}
        if i % 2 == 0:
            rec["id"] = p.stem
        if i == 1:
            rec.update(title="标题给定", url="https://example.org/a/1.html", source="北京日报", published="2022-06-07")
        if i == 3:
            rec["pubtime"] = "20240113"
        out.append(rec)
    return out


KEYS = ["id", "title", "url", "source", "published", "pubtime", "text"]


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def write_table(path: Path, records: list[dict], keys: list[str] = KEYS, delimiter: str = ",") -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    w.writerow(keys)
    for r in records:
        w.writerow([r.get(k, "") for k in keys])
    data = buf.getvalue().encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)


def write_parquet(path: Path, records: list[dict], keys: list[str] = KEYS) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({k: [r.get(k) for r in records] for k in keys})
    pq.write_table(table, path, row_group_size=2)  # several row groups, read in order


def run(args: list[str], tmp_path: Path) -> tuple[int, list[dict], dict[str, str]]:
    out, report = tmp_path / "out.jsonl", tmp_path / "skipped.jsonl"
    for p in (out, report):
        p.unlink(missing_ok=True)
    code = main(["extract", *args, "-o", str(out), "--report", str(report), "-q"])
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    skipped = {}
    if report.exists():
        skipped = {r["id"]: r["reason"] for r in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    return code, docs, skipped


@pytest.fixture(scope="module")
def jsonl_docs(tmp_path_factory) -> list[dict]:
    tmp = tmp_path_factory.mktemp("jsonl")
    write_jsonl(tmp / "seeds.jsonl", seed_records())
    code, docs, skipped = run([str(tmp / "seeds.jsonl")], tmp)
    assert code == 0 and not skipped and len(docs) == len(SEEDS)
    assert docs[1]["title"] == "标题给定" and docs[3]["published"] == "2024-01-13"
    return docs


@pytest.mark.parametrize("name", ["seeds.csv", "seeds.tsv", "seeds.csv.gz", "seeds.tsv.gz", "seeds.parquet"])
def test_table_corpus_equals_jsonl_corpus(tmp_path: Path, jsonl_docs: list[dict], name: str) -> None:
    path = tmp_path / name
    if name.endswith(".parquet"):
        write_parquet(path, seed_records())
    else:
        write_table(path, seed_records(), delimiter="\t" if ".tsv" in name else ",")
    code, docs, skipped = run([str(path)], tmp_path)
    assert code == 0 and not skipped
    assert docs == jsonl_docs  # the whole JSON of every Document, ids ("seeds:2") included


def test_header_names_in_any_case_and_excel_bom(tmp_path: Path, jsonl_docs: list[dict]) -> None:
    path = tmp_path / "seeds.csv"
    write_table(path, seed_records())
    data = path.read_bytes()
    header, rest = data.split(b"\n", 1)
    path.write_bytes(b"\xef\xbb\xbf" + header.upper() + b"\n" + rest)  # ID,TITLE,…,TEXT with a BOM, as Excel saves
    assert run([str(path)], tmp_path)[1] == jsonl_docs


def test_gbk_csv(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(("id,content\nx," + GOOD + "\n").encode("gbk"))  # Excel's Chinese CSV
    code, docs, _ = run([str(path)], tmp_path)
    assert code == 0 and docs[0]["id"] == "x" and docs[0]["officials"][0]["name"] == "蔡奇"


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_custom_columns(tmp_path: Path, jsonl_docs: list[dict], suffix: str) -> None:
    names = {"id": "doc_no", "title": "标题", "url": "link", "source": "媒体", "published": "发布日期", "text": "正文"}
    records = [{names.get(k, k): v for k, v in r.items()} for r in seed_records()]
    records[3]["发布日期"] = records[3].pop("pubtime")  # one date column now
    keys = [names.get(k, k) for k in KEYS if k != "pubtime"] + ["body"]  # a decoy: body is a usual text name
    for r in records:
        r["body"] = "不是正文。" * 3
    path = tmp_path / f"custom{suffix}"
    (write_parquet if suffix == ".parquet" else write_table)(path, records, keys)
    options = ["--text-column", "正文", "--id-column", "DOC_NO", "--date-column", "发布日期",
               "--title-column", "标题", "--url-column", "link", "--source-column", "媒体"]
    code, docs, skipped = run([str(path), *options], tmp_path)
    assert code == 0 and not skipped
    assert docs == [{**d, "id": d["id"].replace("seeds:", "custom:")} for d in jsonl_docs]
    # without the options the decoy column is the text
    code, docs, _ = run([str(path)], tmp_path)
    assert code == 0 and all(d["text"].startswith("不是正文") for d in docs)


def test_options_rename_jsonl_keys_too(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    write_jsonl(path, [{"key": "a", "正文": GOOD, "text": "不是正文。" * 3, "day": "2022-06-07"}])
    code, docs, _ = run([str(path), "--text-column", "正文", "--id-column", "key", "--date-column", "day"], tmp_path)
    assert code == 0 and docs[0]["id"] == "a" and docs[0]["published"] == "2022-06-07" and docs[0]["text"].startswith("市委")


def test_row_without_text_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(f"id,text,title\na,{GOOD},T\nb,,only a title\n\nc,{GOOD},\n", encoding="utf-8")
    code, docs, skipped = run([str(path)], tmp_path)
    assert code == 0 and [d["id"] for d in docs] == ["a", "c"] and docs[0]["title"] == "T"
    assert skipped == {"b": "no-text"}
    (item,) = [i for i in iter_sources([str(path)]) if isinstance(i, Unreadable)]
    assert "row 2" in item.message and "text" in item.message


def test_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(f"id,words\na,{GOOD}\n", encoding="utf-8")
    (item,) = list(iter_sources([str(path)]))
    assert item.reason == "no-column" and "--text-column" in item.message and "words" in item.message
    (item,) = list(iter_sources([str(path)], columns=Columns(text="words", id="nope")))
    assert item.reason == "no-column" and "'nope'" in item.message and "--id-column" in item.message
    assert [i["id"] for i in iter_sources([str(path)], columns=Columns(text="words"))] == ["a"]


def test_damaged_files_keep_earlier_rows(tmp_path: Path) -> None:
    texts = [GOOD + hashlib.sha256(str(i).encode()).hexdigest() for i in range(200)]  # hardly compressible
    gz = tmp_path / "cut.csv.gz"
    gz.write_bytes(gzip.compress(("id,text\n" + "".join(f"r{i},{t}\n" for i, t in enumerate(texts))).encode())[:-200])
    items = list(iter_sources([str(gz)]))
    assert isinstance(items[-1], Unreadable) and items[-1].reason == "unreadable"
    assert 100 < len(items) - 1 < 200 and items[0] == {"id": "r0", "text": texts[0]}

    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    path = tmp_path / "cut.parquet"
    pq.write_table(pa.table({"id": [f"r{i}" for i in range(200)], "text": [GOOD] * 200}), path, row_group_size=50)
    data = path.read_bytes()
    # damage the third row group's pages: the first two are still read
    meta = pq.ParquetFile(path).metadata
    start = meta.row_group(2).column(1).data_page_offset
    path.write_bytes(data[:start] + b"\xff" * 64 + data[start + 64 :])
    items = list(iter_sources([str(path)]))
    assert isinstance(items[-1], Unreadable) and items[-1].reason == "unreadable"
    assert [i["id"] for i in items[:100]] == [f"r{i}" for i in range(100)]

    path.write_bytes(b"PAR1 not really")
    (item,) = list(iter_sources([str(path)]))
    assert item.reason == "unreadable"


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "c.parquet"
    path.write_bytes(b"PAR1")
    for name in [n for n in sys.modules if n == "pyarrow" or n.startswith("pyarrow.")] + ["pyarrow"]:
        monkeypatch.setitem(sys.modules, name, None)
    code, docs, skipped = run([str(path)], tmp_path)
    assert code == 1 and skipped == {"c": "needs-extra"}
    (item,) = list(iter_sources([str(path)]))
    assert "pip install 'policyie[analytics]'" in item.message


def test_parquet_dates_and_numbers(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import datetime as dt

    path = tmp_path / "typed.parquet"
    pq.write_table(pa.table({"id": [7], "date": [dt.date(2022, 6, 7)], "text": ["昨天下午，" + GOOD]}), path)
    code, docs, _ = run([str(path)], tmp_path)
    assert code == 0 and docs[0]["id"] == "7" and docs[0]["published"] == "2022-06-07"
    assert docs[0]["dates"][0]["value"] == "2022-06-06"
