"""Replay the fuzzing corpus (tests/fuzz/corpus) with the fuzzer's own checks (tests/invariants.py):
every input atheris kept must still give a Document or an InputError, true offsets, a lossless
JSON round trip and the same output twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from invariants import check_document

from policyie import InputError, extract

CORPUS = sorted(p for p in (Path(__file__).parent / "fuzz" / "corpus").iterdir() if p.is_file())


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS) >= 20


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:16])
def test_replay(path: Path) -> None:
    data = path.read_bytes()
    try:
        doc = extract(data, doc_id="fuzz")
    except InputError:
        return
    check_document(doc, again=lambda: extract(data, doc_id="fuzz"))
