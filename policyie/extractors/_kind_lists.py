"""Sites a list names before a word for their kind: 虎塘沟、飞瀑涧、青山湖等景区; 子云亭、蒋琬祠墓、越王楼等文物保护单位.

A list closed by 等 and a kind of site (``kind-list-word`` in place_words.tsv: 景区, 景点, 文物保护单位 …) says what
each of its items is, whatever their endings: every item that is a name (no common word of the dictionary, no
reference such as 该 or 各, not a place found already) is a site. The first item starts where its clause does or
after the verb or preposition that opens it (支持|虎塘沟、飞瀑涧等景区). Evidence ``kind-list``.
"""

from __future__ import annotations

from collections.abc import Callable

from policyie import lazy_pattern, lexicons
from policyie.engines.analysis import Analysis
from policyie.extractors._model_places import drop_mentions_within, han_only, mention_index, named_place
from policyie.extractors._people import jieba_freq
from policyie.extractors._spans import list_items
from policyie.records import Place, Span

EVIDENCE = "kind-list"
_WORDS = lexicons.lists("place_words.tsv")
_CLOSER = lazy_pattern.compile("等(?:" + "|".join(sorted(_WORDS["kind-list-word"], key=len, reverse=True)) + ")")
_CLAUSE_CHARS = "，,。；;：:！？!?\n（(）)“”"
_NOT_FIRST = frozenset("该各本全这那其此每")
_OPENING_TAGS = ("v", "p", "d", "c", "r")  # words that open a clause before its first item (支持, 对于, 还是, 他们)
_OPENING_CHARS = frozenset("在对把将从向与和及还并了的着过他她我由为被如像以是有")
COMMON = 100  # an item the dictionary counts this often is a common word (古城, 公园), no site's name
MIN_ITEMS = 2
_DIVISION_LEVELS = frozenset(("province", "city", "district"))


def add(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add the sites of each list closed by 等 and a kind of site (see the module docstring)."""
    held = mention_index(places)
    for closer in _CLOSER.finditer(text):
        items = _items(text, an, closer.start())
        if len(items) < MIN_ITEMS:
            continue
        for start, end in items:
            name = text[start:end]
            if not _a_name(name) or in_person(start, end):
                continue
            if held.overlaps(start, end) and _named_after_short_form(places, name, start, end):
                # 揭阳|学宫、进贤门等文物保护单位: a city's short form opening the item is part of the site's name
                drop_mentions_within(places, start, end, short_only=True)
                held = mention_index(places)
            if held.overlaps(start, end):
                continue
            named_place(places, name, "site", EVIDENCE).mentions.append(Span(name, start, end))
        held = mention_index(places)


def _items(text: str, an: Analysis, end: int) -> list[tuple[int, int]]:
    """The list's items before ``end`` (where 等 stands), back to the start of the clause."""
    start = end
    while start > 0 and text[start - 1] not in _CLAUSE_CHARS:
        start -= 1
    out = list_items(text, start, end)
    first_start, first_end = out[0]
    for tok in reversed(an.tokens_in(first_start, first_end)):
        if tok.end > first_end:
            continue
        if (len(tok.text) >= 2 and tok.pos.startswith(_OPENING_TAGS)) or tok.text in _OPENING_CHARS:
            first_start = tok.end  # 他还考察了|故宫, 支持|虎塘沟: what opens the clause is no part of the item
            break  # (a one-character verb may open a name: 飞|瀑涧)
    out[0] = (first_start, first_end)
    return [(s, e) for s, e in out if e > s]


def _named_after_short_form(places: dict[str, Place], name: str, start: int, end: int) -> bool:
    """Whether the only place mention inside the item is a division's short form opening it, before a name of two
    characters or more (揭阳|学宫; not 揭阳市|学宫, where the city is written in full and is a place of its own)."""
    inside = [(p, m) for p in places.values() for m in p.mentions if m.start < end and start < m.end]
    return len(inside) == 1 and inside[0][1].start == start and inside[0][1].end <= end - 2 and \
        inside[0][0].level in _DIVISION_LEVELS and inside[0][1].text != inside[0][0].name and \
        _a_name(name[inside[0][1].end - start :])


def _a_name(name: str) -> bool:
    return 2 <= len(name) <= 10 and han_only(name) and name[0] not in _NOT_FIRST and jieba_freq().get(name, 0) < COMMON
