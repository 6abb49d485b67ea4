"""Runs of Chinese names written without separators, cut into names.

Lists of members, committees and delegations are often printed as one run (李鹏乔石李瑞环朱镕基…), and a
character tagger that sees a few characters either side reads the run as one long PER. A Han name is a
surname (one character, or a compound one: 欧阳, 司马) and a given name of one or two, so a PER span of
five characters or more made only of Han characters is cut where a sequence of such names explains it
best: each name scored by how common its surname is (lexicons/surnames.tsv) and how name-like its given
characters are (lexicons/namechars.tsv), a three-character name a little likelier than a two.

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


class _Spanlike(Protocol):
    start: int
    end: int
    label: str

    def _replace(self, **kw: int) -> Any: ...


_S = TypeVar("_S", bound=_Spanlike)


@functools.cache
def _tables() -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    counts = {r[0]: float(r[1]) for r in lexicons.rows("surnames.tsv")}
    total = sum(counts.values())
    surname = {s: math.log(c / total) for s, c in counts.items() if c >= MIN_SURNAME}
    given = {r[0]: float(r[1]) for r in lexicons.rows("namechars.tsv")}
    translit = {r[0]: float(r[1]) for r in lexicons.rows("translit.tsv")}
    return surname, given, translit


def _han(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def _piece(name: str, surname: dict[str, float], given: dict[str, float]) -> float | None:
    """The score of ``name`` as one name, or None when it cannot be one."""
    for k in (2, 1):
        head = name[:k]
        rest = len(name) - k
        if head in surname and 1 <= rest <= 2:
            odds = [given.get(c, UNSEEN_GIVEN) for c in name[k:]]
            if sum(odds) / len(odds) < MIN_GIVEN:
                return None
            return surname[head] + sum(odds) + LENGTH_PRIOR[len(name)]
    return None


def cut(run: str) -> list[tuple[int, int]] | None:
    """The best cut of ``run`` into two or more names, as (start, end) offsets; None when it is no run."""
    n = len(run)
    if n < MIN_RUN or not _han(run):
        return None
    surname, given, translit = _tables()
    if sum(translit.get(c, UNSEEN_TRANSLIT) for c in run) / n > MAX_TRANSLIT:
        return None
    best = [-math.inf] * (n + 1)
    back = [0] * (n + 1)
    best[0] = 0.0
    for i in range(n):
        if best[i] == -math.inf:
            continue
        for j in range(i + 2, min(i + 4, n) + 1):
            score = _piece(run[i:j], surname, given)
            if score is not None and best[i] + score > best[j]:
                best[j], back[j] = best[i] + score, i
    if best[n] == -math.inf:
        return None
    pieces, j = [], n
    while j:
        pieces.append((back[j], j))
        j = back[j]
    return pieces[::-1] if len(pieces) > 1 else None


def split(text: str, spans: Sequence[_S]) -> list[_S]:
    """``spans`` (named tuples with start, end and label) with every PER run (see `cut`) replaced by its
    names, in order."""
    out: list[_S] = []
    for sp in spans:
        pieces = cut(text[sp.start : sp.end]) if sp.label == "PER" and sp.end - sp.start >= MIN_RUN else None
        if pieces:
            out.extend(sp._replace(start=sp.start + a, end=sp.start + b) for a, b in pieces)
        else:
            out.append(sp)
    return out
