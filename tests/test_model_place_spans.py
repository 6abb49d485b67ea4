"""How a model's place span is mended before it is typed (extractors/_model_places.py)."""

from __future__ import annotations

import dataclasses

import pytest

from policyie.extractors._model_places import _mended_span
from policyie.extractors.base import Context
from policyie.extractors.places import extract
from policyie.nlp import Entity, analyse
from policyie.records import Document


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


def test_an_organisation_word_the_model_reads_as_a_place_is_none() -> None:
    """佛得角|国民议会: jieba's dictionary holds the word as an organisation's name; after a state the model may read it
    as a place, which the state before it would otherwise confirm."""
    text = "全国政协愿同贝宁国民议会加强交往。"
    start = text.index("国民议会")
    an = dataclasses.replace(analyse(text), ner=[Entity("国民议会", start, start + 4, "LOC")])
    names = [p.name for p in extract(Context(Document(id="t", text=text), an))]
    assert "贝宁" in names and "国民议会" not in names


def _places_with_ner(text: str, spans: list[tuple[str, str]]) -> list[str]:
    ents = [Entity(w, text.index(w), text.index(w) + len(w), label) for w, label in spans]
    an = dataclasses.replace(analyse(text), ner=ents)
    return [p.name for p in extract(Context(Document(id="t", text=text), an))]


def test_a_name_listed_between_people_is_no_place() -> None:
    """…路甬祥、乌云其木格、华建敏…: a leader no title introduces, whom the model reads as a place in a list of people."""
    text = "出席的有路甬祥、乌云其木格、华建敏等。"
    names = _places_with_ner(text, [("路甬祥", "PER"), ("乌云其木格", "LOC"), ("华建敏", "PER")])
    assert "乌云其木格" not in names


def test_a_town_listed_between_towns_read_as_people_stays() -> None:
    """基辅、哈尔科夫、切尔尼戈夫、苏梅: towns the model reads as people's names are transliterations, no Chinese names."""
    text = "俄方在基辅、哈尔科夫、切尔尼戈夫、苏梅等地实施静默。"
    names = _places_with_ner(text, [("哈尔科夫", "PER"), ("切尔尼戈夫", "LOC"), ("苏梅", "PER")])
    assert "切尔尼戈夫" in names
