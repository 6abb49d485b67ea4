"""Overlap and containment against a fixed set of spans, in log time per query.

Extractors filter candidates against other spans (names inside officials' names, slogans inside
《titles》, places inside organisations). A scan of the whole list per candidate makes an article
with many of both quadratic; sorted starts and a running maximum of ends answer the same
question exactly with one bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

import regex

from policyie import lazy_pattern


class SpanIndex:
    __slots__ = ("_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # _reach[i]: the furthest end among the first i + 1 spans by start
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span [s, e) has s < end and start < e."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start

    def contains(self, start: int, end: int) -> bool:
        """Some span [s, e) has s <= start and end <= e."""
        i = bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def __bool__(self) -> bool:
        return bool(self._starts)


def occurrences(text: str, word: str) -> list[int]:
    """Starts of the non-overlapping occurrences of ``word``, as ``finditer(escape(word))`` finds them (none of an
    empty word)."""
    out: list[int] = []
    at = text.find(word) if word else -1
    while at >= 0:
        out.append(at)
        at = text.find(word, at + len(word))
    return out


_LIST_SEP = lazy_pattern.compile(r"、|和|与|及")
# Characters that are words of a sentence (conjunctions, prepositions, particles: 和, 在, 的), which open no name.
FUNCTION_CHARS = frozenset("和与及在的是把将对为从向于了着或并同跟到")


def list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list written in text[start:end]: what 、 和 与 及 separate. A 和, 与 or 及 with nothing or one
    character before it in its item is part of the item's name (参观|和政古动物化石博物馆, 察看|和平村, 新和县), no separator."""
    out, pos = [], start
    for sep in _LIST_SEP.finditer(text, start, end):
        if sep.group() != "、" and sep.start() - pos <= 1:
            continue  # (察看新|和|县客运站: no item is one character; the 和 is a name's, 新和县, 共和县, 平和县)
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, end))
    return out


def in_work_title(text: str, pos: int, reach: int = 40) -> bool:
    """Whether ``pos`` lies after a 《 opened within ``reach`` characters before it and not yet closed: inside
    the title of a book, film or document (《习近平关于…论述摘编》, 《梁家河》), which names a work."""
    opened = text.rfind("《", max(0, pos - reach), pos)
    return opened >= 0 and text.find("》", opened, pos) < 0


# A quoted parallel formula of two to four short items (“县领导包镇、镇干部包村、村干部包户”, “两山、两区”).
QUOTED_PARALLEL = lazy_pattern.compile(r"“(\p{Han}{2,8}(?:、\p{Han}{2,8}){1,3})”")


def _formula_at(text: str, start: int, end: int, reach: int) -> regex.Match | None:
    """The quoted parallel formula that holds [start, end), its opening quote within ``reach`` characters before it."""
    lo = text.rfind("“", max(0, start - reach), start + 1)
    q = QUOTED_PARALLEL.match(text, lo) if lo >= 0 else None
    return q if q is not None and q.start(1) <= start and end <= q.end(1) else None


def quoted_parallel_items(text: str, start: int, end: int, reach: int = 40) -> list[str] | None:
    """The items of the quoted parallel formula that holds [start, end) (see ``_formula_at``), or None."""
    q = _formula_at(text, start, end, reach)
    return None if q is None else q.group(1).split("、")


def quoted_parallel_item(text: str, start: int, end: int) -> str | None:
    """The item of a quoted parallel formula that holds [start, end), or None where it stands in none."""
    q = _formula_at(text, start, end, 40)
    if q is None:
        return None
    at = q.start(1)
    for item in q.group(1).split("、"):
        if at <= start and end <= at + len(item):
            return item
        at += len(item) + 1
    return None


# “中国瓷谷”, “北疆文化”, “亚洲水塔”, “桃花源”品牌, “兴仁薏仁米”: a place's name inside a quote this short is a word of a
# watchword, brand or epithet, not a place the article speaks of (check sets: 33 such mentions against 3 places
# the annotators kept). A longer quote is rather speech or a topic (“推进普达措国家公园和独克宗古城保护利用”).
SHORT_QUOTE = 8
_QUOTE_MARKS = {"“": "”", "「": "」", "‘": "’"}


def short_quote(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the quote marks stand, when [start, end) lies inside a pair holding at most ``SHORT_QUOTE`` characters."""
    for opener, closer in _QUOTE_MARKS.items():
        lo = text.rfind(opener, max(0, end - SHORT_QUOTE - 1), start)
        if lo < 0 or closer in text[lo + 1 : start]:
            continue
        hi = text.find(closer, end, lo + SHORT_QUOTE + 2)
        if hi >= 0 and opener not in text[end:hi]:
            return lo, hi
    return None


# 哈密是新疆向东开放的“东大门”, 把…港打造成…的“南大门”: what a place is or is to become, in quote marks.
_EPITHET_BEFORE = lazy_pattern.compile(r"(?:是|成为|打造成|打造为|建成|建设成为?)\p{Han}{0,12}的[“‘]$")
# 素有“天下第一村”“旱码头”之称, 被誉为“塞上江南”: what a place is called, in a run of quoted names after the cue.
_EPITHET_NAMED = lazy_pattern.compile(r"(?:素有|享有|被誉为|誉为|被称为|号称|人称)(?:[“‘][^”’“‘]{1,12}[”’])*[“‘]$")


def epithet_cue(text: str, start: int, end: int) -> int | None:
    """Where the copula starts when [start, end) is all of a pair of quote marks that a copula (是…的, 打造成…的)
    puts after its subject: an epithet, which names no place of its own (the slogans extractor decides whether
    it is one); None otherwise."""
    if text[end : end + 1] not in ("”", "’"):
        return None
    m = _EPITHET_BEFORE.search(text, max(0, start - 18), start) or _EPITHET_NAMED.search(text, max(0, start - 40), start)
    return m.start() if m else None
