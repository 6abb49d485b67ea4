"""The Duckling-style example corpora of tests/corpus: one loader and one way of turning a corpus's cases
into pytest parameters (one per sentence a case says), shared by the per-field tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


def load_corpus(name: str) -> dict:
    """tests/corpus/<name>, parsed."""
    return yaml.safe_load((CORPUS_DIR / name).read_text(encoding="utf-8"))


def case_params(corpus: dict) -> Iterator:
    """(case, sentence) for every sentence of every case, named by the case's number and the sentence."""
    for i, case in enumerate(corpus["cases"]):
        for sentence in case["say"]:
            yield pytest.param(case, sentence, id=f"{i}-{sentence[:12]}")
