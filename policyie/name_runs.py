"""Runs of names written without separators, cut into names.

Lists of members, committees and delegations are often printed as one run (李鹏乔石李瑞环朱镕基…), and a
character tagger that sees a few characters either side reads the run as one long PER, or as pieces cut in
the wrong places (杨汝|岱王兆国…), or leaves a name in it untagged (钱其琛|黄菊|尉健行). A Han name is a
surname (one character, or a compound one: 欧阳, 司马) and a given name of one or two; a minority or
transliterated name is written with middle dots (阿沛·阿旺晋美, 赛福鼎·艾则孜). A run is cut where a
sequence of such names explains it best: each Han name scored by how common its surname is
(lexicons/surnames.tsv) and how name-like its given characters are (lexicons/namechars.tsv), a
three-character name a little likelier than a two; each dotted name by whether its parts are known name
parts (lexicons/foreign_names.tsv).

A run stays whole when no such cut exists or when one of its names would start with a rare surname: a
Mongolian or Tibetan name (斯琴巴特尔, 达瓦次仁) parses as two pieces only through rare surnames (斯, 巴).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from . import lexicons

# A Han name is at most four characters (compound surname + two), so only longer PER spans are runs.
MIN_RUN = 5
# A piece's surname must be at least this common (the table's counts: 王 9520, 宋 932, 万 254, 钱 279); the
# heads of transliterated and minority names (斯 9, 乌 6, 其 5) are far rarer.
MIN_SURNAME = 10
# Given-name characters never seen in a name are this unlikely there (log odds).
UNSEEN_GIVEN = -2.0
# A piece's given characters must be this name-like on average (log odds against running text): the
# syllables of transliterations (尔, 夫, 斯, 克) are not.
MIN_GIVEN = -1.0
# A run whose characters are on average this typical of transliterations (lexicons/translit.tsv) is one
# foreign name (霍尔布鲁克, 普里马科夫), whatever surnames its syllables happen to match.
MAX_TRANSLIT = 0.0
UNSEEN_TRANSLIT = -5.0
# Log prior of a name's length: lists are mostly three-character names.
LENGTH_PRIOR = {2: math.log(0.25), 3: math.log(0.7), 4: math.log(0.05)}
DOT = "·"
# A dotted name: parts of one to MAX_PART characters. What it scores as a whole (a name among names), what a
# known name part adds, and how much a part that is no known one gains by its characters' transliteration odds
# (clipped) and loses for each character beyond LONG_PART: two known parts beat one part of seven characters
# (阿沛·阿旺晋美|赛福鼎·艾则孜, not one name with three parts), and a part is not stretched over the end of the
# Han name before it (王兆国|阿沛·…, not 王兆|国阿沛·…).
MAX_PART = 6
DOTTED = -4.0
KNOWN_PART = 8.0
TRANSLIT_WEIGHT = 0.5
TRANSLIT_CLIP = 4.0
LONG_PART = 4
LONG_PART_COST = -2.0
# In a run that holds a dotted name, a Han name's characters compete with that name's parts, not with
# another cut into Han names: each Han name is worth this much more than spelling its characters into the
# dotted name beside it (…扎克尔|李明, not …扎克尔李明).
HAN_BESIDE_DOTS = 5.0
# …unless the piece's characters read as transliteration syllables at least this much (`translit_odds`).
FOREIGN_PIECE = 2.0
# A piece boundary where the tagger put one (the end of one tagged name, the start of the next) is worth
# this much: inside a list, the tagger's own cuts are mostly right.
BOUNDARY = 2.0
# Inside a list, a piece of a tagged span that reads as no name (a minority name without dots: 丹增, 乌力吉,
# 逄先知 with its rare surname) is still one name, at this cost, so that one odd name does not leave the
# whole list uncut.
ODD_PIECE = -30.0
ODD_LENGTHS = range(2, 6)
# Tagged names with at most this many untagged characters between them form one list (钱其琛|黄菊|尉健行),
# when the untagged characters read as names themselves and hold no function character (李鹏|会见|乔石,
# 王刚|和|李强 are sentences, not lists).
MAX_GAP = 7
GAP_STOPS = frozenset("的和与及同向在对为是将把被给让从到而并或说等了着也都又会见任长")
# A list is three tagged names or more, or a long tagged run with another name beside it.
MIN_LIST = 3


class _Spanlike(Protocol):
    start: int
    end: int
    label: str

    def _replace(self, **kw: int) -> Any: ...


_S = TypeVar("_S", bound=_Spanlike)


@functools.cache
def _tables() -> tuple[dict[str, float], dict[str, float], dict[str, float], frozenset[str]]:
    counts = {r[0]: float(r[1]) for r in lexicons.rows("surnames.tsv")}
    total = sum(counts.values())
    surname = {s: math.log(c / total) for s, c in counts.items() if c >= MIN_SURNAME}
    given = {r[0]: float(r[1]) for r in lexicons.rows("namechars.tsv")}
    translit = {r[0]: float(r[1]) for r in lexicons.rows("translit.tsv")}
    parts = frozenset(r[0] for r in lexicons.rows("foreign_names.tsv") if r and DOT not in r[0])
    return surname, given, translit, parts


def translit_table() -> dict[str, float]:
    """Character → log odds of its standing in a transliterated name (lexicons/translit.tsv), read once."""
    return _tables()[2]


# Mean odds at or above which a run of characters reads as a transliterated name or place (syllables of
# 霍森斯 or 法恩扎 average 2–5; a Han word's characters fall below 0).
TYPICAL_TRANSLIT = 2.0


def translit_odds(text: str) -> float:
    """How typical of transliterated names the characters of ``text`` are, on average (log odds; the
    syllables of 古丽米拉 or 霍尔布鲁克 score above zero, 王海张楠 below)."""
    translit = _tables()[2]
    return sum(translit.get(c, UNSEEN_TRANSLIT) for c in text) / len(text) if text else UNSEEN_TRANSLIT


def _han(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def _piece(name: str, surname: dict[str, float], given: dict[str, float]) -> float | None:
    """The score of ``name`` as one Han name, or None when it cannot be one."""
    for k in (2, 1):
        head = name[:k]
        rest = len(name) - k
        if head in surname and 1 <= rest <= 2:
            odds = [given.get(c, UNSEEN_GIVEN) for c in name[k:]]
            if sum(odds) / len(odds) < MIN_GIVEN:
                return None
            return surname[head] + sum(odds) + LENGTH_PRIOR[len(name)]
    return None


def _dotted(name: str, parts: frozenset[str], translit: dict[str, float]) -> float | None:
    """The score of ``name`` as one dotted name (two parts or more), or None when it cannot be one: a known
    name part scores as such, another by how typical of transliterations its characters are (the Han
    name beside it is not: 王兆国|阿沛·…, not 王兆|国阿沛·…)."""
    pieces = name.split(DOT)
    if len(pieces) < 2 or not all(1 <= len(p) <= MAX_PART and _han(p) for p in pieces):
        return None
    score = DOTTED
    for p in pieces:
        if p in parts:
            score += KNOWN_PART
        else:
            score += TRANSLIT_WEIGHT * sum(
                max(-TRANSLIT_CLIP, min(TRANSLIT_CLIP, translit.get(c, UNSEEN_TRANSLIT))) for c in p
            )
        score += LONG_PART_COST * max(0, len(p) - LONG_PART)
    return score


def _best(run: str, odd: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]] | None:
    """The best cut of ``run`` into names (Han or dotted), or None. ``odd``: the tagged spans of a list,
    inside which a piece that is no name is allowed (at `ODD_PIECE`), and whose ends are likely cuts."""
    surname, given, translit, parts = _tables()
    marks = {x for span in odd for x in span} - {0, len(run)}
    han_bonus = HAN_BESIDE_DOTS if DOT in run else 0.0
    n = len(run)
    best = [-math.inf] * (n + 1)
    back = [0] * (n + 1)
    best[0] = 0.0
    for i in range(n):
        if best[i] == -math.inf:
            continue
        for j in range(i + 2, min(i + 2 * MAX_PART + 2, n) + 1):
            name = run[i:j]
            if DOT in name:
                score = _dotted(name, parts, translit)
            elif j - i <= 4 and DOT not in run[j - 1 : j]:
                score = _piece(name, surname, given)
                if score is not None and han_bonus:
                    # …unless its characters are transliteration syllables: 莉萨·科斯马斯 is one name, not
                    # 莉萨·科斯|马斯 (the test a whole run gets, `MAX_TRANSLIT`, made for one piece)
                    score = None if translit_odds(name) > FOREIGN_PIECE else score + han_bonus
            else:
                score = None
            if score is None and j - i in ODD_LENGTHS and DOT not in name and any(a <= i and j <= b for a, b in odd):
                score = ODD_PIECE
            if score is not None and j in marks:
                score += BOUNDARY
            if score is not None and best[i] + score > best[j]:
                best[j], back[j] = best[i] + score, i
    if best[n] == -math.inf:
        return None
    pieces, j = [], n
    while j:
        pieces.append((back[j], j))
        j = back[j]
    return pieces[::-1]


def _names_text(run: str) -> bool:
    """Han characters and dots between them only: what a run of names is written in."""
    return _han(run.replace(DOT, "")) and run[:1] != DOT and run[-1:] != DOT


def cut(run: str) -> list[tuple[int, int]] | None:
    """The best cut of ``run`` into two or more names, as (start, end) offsets; None when it is no run."""
    if len(run) < MIN_RUN or not _names_text(run):
        return None
    if DOT not in run and translit_odds(run) > MAX_TRANSLIT:
        return None
    pieces = _best(run)
    return pieces if pieces and len(pieces) > 1 else None


def cut_names(run: str) -> list[tuple[int, int]] | None:
    """The best cut of a run known to hold only names (the holders a post lists after its colon), where a name
    no surname reads (乌云其其格, a Mongolian name) may stand between the others, at a cost; None when the run
    cannot be read so."""
    if not _names_text(run):
        return None
    pieces = _best(run, [(0, len(run))])
    if not pieces:
        return None
    surname, given, translit, parts = _tables()
    regular = sum(1 for a, b in pieces if _piece(run[a:b], surname, given) is not None
                  or _dotted(run[a:b], parts, translit) is not None)
    # (a sentence after a colon, 俄总理：集团重要性不应过分…, reads as names only through odd pieces)
    return pieces if regular >= 2 and regular > len(pieces) - regular else None


def _gap_ok(gap: str) -> bool:
    return len(gap) <= MAX_GAP and _han(gap) and not any(c in GAP_STOPS for c in gap)


def _lists(text: str, spans: Sequence[_S]) -> list[list[int]]:
    """Indices into ``spans`` grouped: each group one PER span, or the PER spans of one list."""
    groups: list[list[int]] = []
    for i, sp in enumerate(spans):
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None
            and sp.label == "PER"
            and spans[prev].label == "PER"
            and prev == i - 1
            and _gap_ok(text[spans[prev].end : sp.start])
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _cut_list(text: str, members: Sequence[_S]) -> list[tuple[int, int]] | None:
    """The names of a list of tagged PER spans (and the untagged names between them), in text offsets."""
    start, end = members[0].start, members[-1].end
    if len(members) < MIN_LIST and not any(m.end - m.start >= MIN_RUN for m in members):
        return None
    run = text[start:end]
    if not _han(run.replace(DOT, "")):
        return None
    pieces = _best(run, [(m.start - start, m.end - start) for m in members])
    if not pieces:
        return None
    return [(start + a, start + b) for a, b in pieces]


def split(text: str, spans: Sequence[_S]) -> list[_S]:
    """``spans`` (named tuples with start, end and label, in order) with every PER run (see `cut`) and
    every list of PER spans replaced by its names, in order."""
    out: list[_S] = []
    for group in _lists(text, spans):
        members = [spans[i] for i in group]
        names = _cut_list(text, members) if len(members) > 1 else None
        if names:
            out.extend(members[0]._replace(start=a, end=b) for a, b in names)
            continue
        for sp in members:
            pieces = cut(text[sp.start : sp.end]) if sp.label == "PER" and sp.end - sp.start >= MIN_RUN else None
            if pieces:
                out.extend(sp._replace(start=sp.start + a, end=sp.start + b) for a, b in pieces)
            else:
                out.append(sp)
    return out
