"""The command line as a user runs it: files, folders, globs, corpora, stdin, broken inputs."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from policyie.cli import main
from policyie.sources import Unreadable, iter_sources

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
GOOD = "市委书记蔡奇到通州区调研。他强调，要推动高质量发展。"


def run_cli(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "policyie.cli", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300
    )


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_extract_folder_to_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(SEEDS), "-o", str(out), "-q"]) == 0
    docs = read_jsonl(out)
    assert [d["id"] for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(d["text"] and d["officials"] for d in docs)


def test_glob_and_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(SEEDS / "00[12]*.txt"), str(SEEDS / "000_1e2ebc8b0ca31d1f.txt"), "-o", str(out), "-q"]) == 0
    assert [d["id"] for d in read_jsonl(out)] == ["001_8c8617933dfad7a9", "002_a89ed202fbb261d6", "000_1e2ebc8b0ca31d1f"]


def test_jsonl_corpus_with_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "昨天下午，" + GOOD, "pubtime": "2022-06-07 19:00:00", "title": "T", "source": "北京日报"},
                   ensure_ascii=False) + "\n"
        + json.dumps({"html": "<p>" + GOOD + "</p>", "date": "20240430"}, ensure_ascii=False) + "\n"
        + "not json\n"
        + json.dumps({"id": "empty", "text": ""}) + "\n",
        encoding="utf-8",
    )
    out, report = tmp_path / "out.jsonl", tmp_path / "skipped.jsonl"
    assert main(["extract", str(corpus), "-o", str(out), "--report", str(report), "-q"]) == 0
    docs = read_jsonl(out)
    assert [d["id"] for d in docs] == ["a", "c:2"]
    assert docs[0]["published"] == "2022-06-07T19:00:00+08:00" and docs[0]["title"] == "T" and docs[0]["source"] == "北京日报"
    assert docs[0]["dates"][0]["value"] == "2022-06-06"
    assert docs[1]["published"] == "2024-04-30"
    skipped = {r["id"]: r["reason"] for r in read_jsonl(report)}
    assert skipped == {"c:3": "bad-json", "empty": "no-text"}


def test_broken_files_among_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good_gbk.html").write_bytes(("<p>" + GOOD + "</p>").encode("gbk"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 10)
    (folder / "latin.md").write_text("No Chinese in here at all.", encoding="utf-8")
    (folder / ".hidden").write_text(GOOD, encoding="utf-8")
    (folder / "huge.txt").write_bytes(GOOD.encode() * 150_000)  # 10 MB
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "tags.html").write_text("<div><p></p></div>", encoding="utf-8")
    (folder / "nested").mkdir()
    (folder / "nested" / "deep.txt").write_text(GOOD, encoding="utf-8")
    # a corpus whose second record carries lone surrogates (JSON allows them) and whose third line is damaged
    (folder / "corpus.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD}) + "\n" + '{"id": "j2", "title": "\\udc00", "text": "\\ud800' + GOOD + '"}\n{broken\n',
        encoding="utf-8",
    )
    (folder / "truncated.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "t1", "text": GOOD}) + "\n").encode() * 50)[:-40])
    out, report = tmp_path / "out.jsonl", tmp_path / "skipped.jsonl"
    assert main(["extract", str(folder), str(tmp_path / "missing.txt"), "-o", str(out), "--report", str(report), "-q"]) == 0
    ids = [d["id"] for d in read_jsonl(out)]
    assert sorted(set(ids)) == ["deep", "good", "good_gbk", "j1", "j2", "t1"]
    assert 0 < ids.count("t1") < 50  # what the archive held before the damage
    skipped = {r["id"]: r["reason"] for r in read_jsonl(report)}
    assert skipped == {
        "empty": "empty", "binary": "binary", "latin": "not-chinese", "missing": "not-found", "huge": "too-large",
        "dangling": "not-found", "tags": "not-chinese", "corpus:3": "bad-json", "truncated.jsonl": "unreadable",
    }
    assert all(r["message"] for r in read_jsonl(report))
    assert main(["extract", str(folder), "-o", str(out), "-q", "--strict"]) == 1


def test_stdin_and_stdout() -> None:
    res = run_cli(["extract", "-", "-q"], stdin=GOOD.encode("gb18030"))
    assert res.returncode == 0, res.stderr.decode()
    doc = json.loads(res.stdout.decode("utf-8"))
    assert doc["id"] == "stdin" and doc["officials"][0]["name"] == "蔡奇"


def test_unknown_output_format_is_refused(tmp_path: Path) -> None:
    assert main(["extract", str(SEEDS), "-o", str(tmp_path / "out.txt"), "-q"]) == 2


@pytest.mark.parametrize("suffix", [".duckdb", ".parquet"])
def test_analytics_outputs(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    assert main(["extract", str(SEEDS), "-o", str(out), "-q"]) == 0
    assert out.exists()


def test_show_prints_tables() -> None:
    res = run_cli(["show", str(SEEDS / "002_a89ed202fbb261d6.txt")])
    assert res.returncode == 0, res.stderr.decode()
    out = res.stdout.decode("utf-8")
    for needle in ("蔡奇", "市委书记", "通州区", "officials"):
        assert needle in out


def test_show_bad_input_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("")
    res = run_cli(["show", str(empty)])
    assert res.returncode == 1
    assert b"Traceback" not in res.stderr and b"empty" in res.stderr


def test_iter_sources_stdin_jsonl() -> None:
    items = list(iter_sources(["-"], stdin=io.BytesIO(b'{"id": "x", "text": "t"}\n{bad\n')))
    assert items[0] == {"id": "x", "text": "t"}
    assert isinstance(items[1], Unreadable) and items[1].reason == "bad-json"


def test_slow_documents_are_listed_and_timeouts_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    out, slow = tmp_path / "out.jsonl", tmp_path / "slow.jsonl"
    # --slow 0: every document is "slow", so each gets its timing line
    assert main(["extract", str(folder), "-o", str(out), "--slow", "0", "--slow-report", str(slow), "-q"]) == 0
    timings = read_jsonl(slow)
    assert sorted(t["id"] for t in timings) == ["a", "b"] and all(t["seconds"] >= 0 for t in timings)
    report = tmp_path / "skipped.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--timeout", "0.000001", "--report", str(report), "-q"]) == 1
    assert {r["id"]: r["reason"] for r in read_jsonl(report)} == {"a": "timeout", "b": "timeout"}
