"""Replay the fuzzing corpus (tests/fuzz/corpus): every input the fuzzer kept must still pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyie import InputError, extract

CORPUS = sorted(p for p in (Path(__file__).parent / "fuzz" / "corpus").iterdir() if p.is_file())


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS) >= 20


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:16])
def test_replay(path: Path) -> None:
    try:
        doc = extract(path.read_bytes(), doc_id="replay")
    except InputError:
        return
    for span in doc.spans():
        assert doc.text[span.start : span.end] == span.text
