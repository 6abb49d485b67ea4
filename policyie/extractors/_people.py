"""Shared by the officials and authors extractors: lexicons, the name model, pronoun resolution.

The name model decides where a Chinese personal name ends when nothing marks it: 市委书记蔡奇围绕…
is 蔡奇 (围 starts 围绕, a word that follows names), 市长陈吉宁一同… is 陈吉宁. It weighs, per
character, how typical it is inside a given name against how typical it is right after a name
(lexicons/namechars.tsv), plus what the segmenter and NER say.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from policyie.extractors.base import Context
    from policyie.nlp import Analysis

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"
HAN = regex.compile(r"\p{Han}")
# Anything but a Han character (punctuation, digits, space, line end) ends a name.
HARD_BOUNDARY = regex.compile(r"[^\p{Han}]")
# Never inside a given name in news copy: function words that often follow a name.
NOT_GIVEN = set("的了在是和与及等到对就从向为将被把也都还又并说讲称们之于而或即作")
# Function characters that are also (rare) surnames: in news copy they start no name.
NOT_SURNAME = set(
    "和与及在对向为将把被从等同是也都还又并作由以之其该各全本我你他她这那有无不要就到会来去上下中内外前后"
)
# A surname this rare (per the corpus frequency) needs support from the segmenter to start a name.
RARE_SURNAME = 6


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@cache
def surnames() -> dict[str, int]:
    return {r[0]: int(float(r[1])) for r in _rows("surnames.tsv")}


@cache
def name_chars() -> dict[str, tuple[float, float]]:
    return {r[0]: (float(r[1]), float(r[2])) for r in _rows("namechars.tsv")}


@cache
def posts() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("posts.tsv")}


@cache
def orgs() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("orgs.tsv") if r[1] not in ("province", "city")}


@cache
def place_forms() -> dict[str, tuple[str, str]]:
    """Province and city forms (北京, 北京市, 石家庄) → (level, canonical name)."""
    return {r[0]: (r[1], r[2]) for r in _rows("orgs.tsv") if r[1] in ("province", "city")}


@cache
def _jieba_freq() -> dict[str, int]:
    import jieba

    jieba.dt.check_initialized()
    return jieba.dt.FREQ


@cache
def _word_tags() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def _is_common_word(w: str) -> bool:
    """强调, 单位, 高度: a dictionary word that is not a name."""
    return _jieba_freq().get(w, 0) >= 30 and not _word_tags().get(w, "x").startswith("nr")


def given_score(c: str) -> float:
    return name_chars().get(c, (-2.0, 0.0))[0] if c not in NOT_GIVEN else -9.0


def follow_score(text: str, pos: int) -> float:
    """How much ``text[pos:]`` looks like what comes right after a name."""
    if pos >= len(text) or HARD_BOUNDARY.match(text, pos):
        return 3.0
    c = text[pos]
    score = name_chars().get(c, (0.0, -1.0))[1]
    freq = _jieba_freq()
    # A common word starting here (围绕, 一同, 强调) is strong evidence the name ended.
    for k in (4, 3, 2):
        w = text[pos : pos + k]
        if len(w) == k and freq.get(w, 0) >= 200 and HAN.match(w[-1]):
            score += 1.5
            break
    if c in NOT_GIVEN:
        score += 2.0
    return score


def surname_at(text: str, pos: int) -> list[str]:
    """Surnames that could start at ``pos``, compound ones first."""
    sur = surnames()
    out = []
    two = text[pos : pos + 2]
    if len(two) == 2 and two in sur:
        out.append(two)
    if pos < len(text) and text[pos] in sur and text[pos] not in NOT_SURNAME:
        out.append(text[pos])
    return out


@dataclass(frozen=True)
class NameGuess:
    start: int
    end: int
    score: float

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


def _per_spans(analysis: Analysis) -> tuple[set[tuple[int, int]], dict[int, list[int]]]:
    """PER entity spans, indexed once per analysis (a long article has thousands)."""
    cached = analysis.__dict__.get("_policyie_per")
    if cached is None:
        spans = {(e.start, e.end) for e in analysis.entities if e.label == "PER"}
        by_end: dict[int, list[int]] = {}
        for a, b in spans:
            by_end.setdefault(b, []).append(a)
        cached = (spans, by_end)
        analysis.__dict__["_policyie_per"] = cached
    return cached


def _support(analysis: Analysis | None, start: int, end: int) -> float:
    """What the segmenter and NER say about text[start:end] being one name."""
    if analysis is None:
        return 0.0
    bonus = 0.0
    tok = analysis.token_at(start)
    if tok is not None and tok.start == start and tok.end == end:
        bonus += 0.5 if tok.pos.startswith(("nr", "un")) else 0.0
    if (start, end) in _per_spans(analysis)[0]:
        bonus += 0.5
    # A word the segmenter found running across the name's end argues against that end.
    after = analysis.token_at(end - 1)
    if after is not None and after.end > end and after.start >= start and not after.pos.startswith(("nr", "un")):
        bonus -= 1.5
    return bonus


MINORITY = regex.compile(r"\p{Han}{1,6}[·•・]\p{Han}{2,8}")


def _minority_name(text: str, pos: int) -> NameGuess | None:
    """买买提·艾力 and the like: the part after the dot ends where a follower word starts."""
    m = MINORITY.match(text, pos)
    if m is None:
        return None
    dot = max(text.rfind(d, pos, m.end()) for d in "·•・")
    stop = next((i for i in range(dot + 1, m.end()) if text[i] in NOT_GIVEN), m.end())
    if stop - dot < 3:
        return None
    ends = range(dot + 3, stop + 1)
    best = next((e for e in ends if follow_score(text, e) >= 1.5), stop)
    return NameGuess(pos, best, 3.0)


def name_at(text: str, pos: int, analysis: Analysis | None = None, *, strict: bool = True) -> NameGuess | None:
    """The most likely personal name starting at ``pos``, or None."""
    minority = _minority_name(text, pos)
    if minority is not None:
        return minority
    best: NameGuess | None = None
    for sur in surname_at(text, pos):
        for glen in (1, 2):
            end = pos + len(sur) + glen
            given = text[pos + len(sur) : end]
            if len(given) < glen or not all(HAN.match(c) for c in given):
                continue
            score = sum(given_score(c) for c in given) / glen + follow_score(text, end)
            score += _support(analysis, pos, end)
            if glen == 1:
                # Two-character names are rarer than three; the next character must look like a follower.
                score -= 0.5
            if surnames()[sur] < RARE_SURNAME and _support(analysis, pos, end) <= 0:
                continue
            if _is_common_word(text[pos:end]):
                continue
            if best is None or score > best.score:
                best = NameGuess(pos, end, score)
    if best is None:
        return None
    given = text[pos + 1 : best.end]
    if strict and (min(given_score(c) for c in given) < -3.0 or best.score < 0.0):
        return None
    return best


def name_ending_at(text: str, end: int, analysis: Analysis | None = None) -> NameGuess | None:
    """A name that ends right before ``end`` (习近平|总书记): the segmenter or NER must agree."""
    if analysis is None:
        return None
    tok = analysis.token_at(end - 1)
    cands = []
    if tok is not None and tok.end == end and tok.pos.startswith(("nr", "un")) and 2 <= len(tok.text) <= 4:
        cands.append(tok.start)
    cands += [a for a in _per_spans(analysis)[1].get(end, []) if 2 <= end - a <= 4]
    for start in cands:
        if surname_at(text, start):
            return NameGuess(start, end, 1.0)
    return None


def split_run(run: str) -> list[str] | None:
    """Split names written together (祁梦竹范俊生 → 祁梦竹, 范俊生); None when it is not a run of names."""
    n = len(run)
    if n < 2 or not all(HAN.match(c) for c in run):
        return None
    sur = surnames()
    # best[i] = (score, names) for run[:i]
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for i in range(n):
        if best[i] is None:
            continue
        for s in surname_at(run, i):
            for glen in (1, 2):
                j = i + len(s) + glen
                if j > n:
                    continue
                given = run[i + len(s) : j]
                if any(c in NOT_GIVEN for c in given):
                    continue
                f = sur[s]
                part = (2.0 if f > 1000 else 1.0 if f > 100 else 0.0) + sum(given_score(c) for c in given) / glen
                part += 0.4 if glen == 2 else 0.0
                score = best[i][0] + part - 1.0  # each extra name costs
                if best[j] is None or score > best[j][0]:
                    best[j] = (score, best[i][1] + [run[i:j]])
    if best[n] is None:
        return None
    return best[n][1]


# ---------------------------------------------------------------------------------------------
# 他强调 → the last official named as a subject


COMPANION_AFTER = ("一同", "陪同", "参加", "出席", "列席", "等")


def _mention_index(ctx: Context) -> list[tuple[int, int, str]]:
    """Official mentions sorted by position, built once per officials list."""
    key = id(ctx.doc.officials)
    cached = ctx.__dict__.get("_policyie_mentions")
    if cached is None or cached[0] != key:
        ms = sorted((m.start, m.end, o.name) for o in ctx.doc.officials for m in o.mentions)
        cached = (key, ms, [m[0] for m in ms])
        ctx.__dict__["_policyie_mentions"] = cached
    return cached[1]


def resolve_pronoun(ctx: Context, pos: int) -> str | None:
    """The official a pronoun at ``pos`` (他/她) refers to: the last one mentioned as a subject before it.

    Prefers the first official earlier in the same sentence; otherwise the first official of the
    nearest sentence before that names one and is not only listing companions (…一同调研, …参加).
    """
    mentions = _mention_index(ctx)
    starts = ctx.__dict__["_policyie_mentions"][2]
    i = bisect_left(starts, pos)
    if i == 0:
        return None
    text, an = ctx.text, ctx.analysis
    s_start, _ = an.sentence_at(pos)
    j = bisect_left(starts, s_start)
    if j < i:
        return mentions[j][2]
    k = i - 1
    # Walk back sentence by sentence; a bounded walk keeps long articles linear.
    for _ in range(20):
        if k < 0:
            break
        sent_start, _ = an.sentence_at(mentions[k][0])
        first = bisect_left(starts, sent_start)
        for m in mentions[first : k + 1]:
            if not text.startswith(COMPANION_AFTER, m[1]):
                return m[2]
        k = first - 1
    return mentions[i - 1][2]
