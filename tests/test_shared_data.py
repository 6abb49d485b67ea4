"""Entry points that need the project's data beside the checkout (../shared) stop with one line that says
what they need and where, exit code 2, not a traceback; the record contract ships in docs/."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from policyie.records import RECORD_TYPES
from policyie.shared_data import SHARED_DATA, MissingData, message, need

ROOT = Path(__file__).parent.parent


def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def one_line(res: subprocess.CompletedProcess, *needles: str) -> str:
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def test_policyie_train_without_data() -> None:
    line = one_line(run(["-m", "policyie.cli", "train", "--data-dir", "/nonexistent"]),
                    "policyie train: needs the NER training data", "/nonexistent/pd1998_dev.bio", "--data-dir")
    assert "msra_test.bio" in line


def test_run_corpus_without_corpus() -> None:
    one_line(run(["benchmarks/run_corpus.py", "/nonexistent.jsonl.gz"]),
             "run_corpus.py: needs a JSONL(.gz) corpus", "/nonexistent.jsonl.gz")


@pytest.mark.parametrize("args, needles", [
    (["scripts/train_ner.py", "--data", "/nonexistent"], ["/nonexistent/pd1998_dev.bio", "--data"]),
    (["scripts/eval_ner.py", "--data", "/nonexistent/pd1998_test.bio"], ["NER test set", "/nonexistent/pd1998_test.bio"]),
    (["scripts/build_gazetteer.py", "--src", "/nonexistent", "--out", "/nonexistent/x.tsv"], ["gazetteer", "--src"]),
    (["scripts/build_slogans.py", "--corpus", "/nonexistent.jsonl.gz", "--out", "/nonexistent/x.tsv"], ["新闻联播 corpus"]),
])
def test_scripts_without_data(args: list[str], needles: list[str]) -> None:
    one_line(run(args), Path(args[0]).name + ": needs", *needles)


def test_message_says_where_shared_data_comes_from(tmp_path: Path) -> None:
    assert message([tmp_path], "x") is None
    line = message([SHARED_DATA / "no-such-file.csv"], "the thing", "give it with --thing")
    assert line is not None and "\n" not in line
    assert "shared/" in line and "a clone does not have it" in line and line.endswith("give it with --thing")
    with pytest.raises(MissingData, match="needs the thing"):
        need([tmp_path / "missing"], "the thing")
    with pytest.raises(FileNotFoundError):  # MissingData is one
        need([tmp_path / "missing"], "the thing")


def test_readme_points_to_the_shipped_contract() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared/SPEC.md" not in readme and "docs/records.md" in readme
    contract = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    # every field of every record type is in it: Document's in its table, the others' in their {…} lines
    described = {m["name"]: set(regex.findall(r"(?:^|,\s*)(\w+)", m["fields"]))
                 for m in regex.finditer(r"(?m)^(?P<name>[A-Z]\w+):\s+\{(?P<fields>.*)\}\s*$", contract)}
    described["Document"] = set(regex.findall(r"(?m)^\| `(\w+)` \|", contract))
    for cls in RECORD_TYPES:
        missing = {f.name for f in dataclasses.fields(cls)} - described.get(cls.__name__, set())
        assert not missing, (cls.__name__, missing)
