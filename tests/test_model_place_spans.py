"""How a model's place span is mended before it is typed (extractors/_model_places.py)."""

from __future__ import annotations

import pytest

from policyie.extractors._model_places import _mended_span
from policyie.nlp import Entity


@pytest.mark.parametrize(
    ("text", "span", "mended"),
    [
        ("郑海，白沙村驻村第一书记，介绍了情况。", "白沙村驻村", "白沙村"),  # the village's duty is no part of it
        ("石门村包村干部到户走访。", "石门村包村", "石门村"),
        ("东村村党支部书记介绍情况。", "东村", "东村村"),  # a village named 东村 takes its 村
        ("他来到驻村工作队驻地。", "驻村", "驻村"),  # too short to hold a village and a duty
    ],
)
def test_mended_span(text: str, span: str, mended: str) -> None:
    start = text.index(span)
    e = _mended_span(text, Entity(span, start, start + len(span), "LOC"))
    assert e.text == mended and text[e.start : e.end] == mended
