"""Slogans corpus (tests/corpus/slogans.yaml): one parametrised test over every sentence, plus the lexicon."""

from __future__ import annotations

import re
import unicodedata

import pytest
from corpus_cases import case_params, load_corpus

from policyie import nlp
from policyie.extractors import slogans as S
from policyie.extractors.base import Context
from policyie.records import Document

CORPUS = load_corpus("slogans.yaml")
QUOTES = "“”‘’「」『』\"'"


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    for q in QUOTES:
        s = s.replace(q, "")
    return re.sub(r"\s+", "", s)



def _context(text: str) -> Context:
    return Context(doc=Document(id="t", text=text), analysis=nlp.analyse(text))


def _keys(slogan) -> set[str]:
    return {_norm(slogan.text)} | {_norm(m.text) for m in slogan.mentions}


@pytest.mark.parametrize(("case", "sentence"), list(case_params(CORPUS)))
def test_corpus(case: dict, sentence: str) -> None:
    ctx = _context(sentence)
    found = S.extract(ctx)
    for s in found:  # offsets must be true
        for m in s.mentions:
            assert sentence[m.start : m.end] == m.text
    shown = [(s.text, s.kind) for s in found]
    if case.get("none"):
        assert not found, shown
    for want in case.get("expect", []):
        hit = next((s for s in found if _norm(want["text"]) in _keys(s)), None)
        assert hit is not None, f"{want['text']} not in {shown}"
        if "kind" in want:
            assert hit.kind == want["kind"], shown
        if "gloss" in want:
            assert hit.gloss == want["gloss"]
    for bad in case.get("absent", []):
        assert not any(_norm(bad) in _keys(s) for s in found), shown


def test_corpus_size() -> None:
    n = sum(len(c["say"]) for c in CORPUS["cases"])
    negatives = sum(len(c["say"]) for c in CORPUS["cases"] if c.get("none") or c.get("absent"))
    assert n >= 80 and negatives >= 30


def test_lexicon() -> None:
    entries, surfaces = S.lexicon()
    assert len(entries) >= 300
    assert {e.kind for e in entries.values()} <= {"numbered", "quoted", "parallel", "lexicon"}
    assert entries["四个意识"].gloss == "政治意识、大局意识、核心意识、看齐意识"
    assert surfaces["五子"] == "五子联动"
    assert "五一" not in entries  # holidays are mined noise the curation rejects
    blocked = S.not_slogans()
    assert {"五一", "两会", "立春", "时代楷模", "冰墩墩"} <= blocked  # rejects and curated names reach the extractor
    assert not blocked & set(entries)


def test_slogans_in() -> None:
    text = "会议强调，要增强“四个意识”。要打好“组合拳”，推动“新质生产力”发展。"
    ctx = _context(text)
    ctx.doc.slogans = S.extract(ctx)
    second = text.index("要打好")
    assert S.slogans_in(ctx, 0, second) == ["四个意识"]
    assert S.slogans_in(ctx, second, len(text)) == ["组合拳", "新质生产力"]


@pytest.mark.parametrize("text", ["他来到“北京大兴区”调研。", "打造“江苏宜兴市”品牌。"])
def test_a_quoted_place_with_its_own_xing_is_no_goal(text: str) -> None:
    """…兴县 is a goal (旅游兴县), but a place of three characters or more that ends the quote keeps its own 兴:
    read through the whole pipeline, since the rule asks the places found."""
    from policyie import extract

    assert extract(text).slogans == []

