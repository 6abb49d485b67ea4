"""Townships no table holds, written right after their county in full: 兴化市|缸顾乡, …县|X镇, …区|X街道.

Local news names a township after its county (来到兴化市缸顾乡千垛景区); the gazetteer misses townships that were
renamed or merged, and the NER, which reads 兴化市 as a place, often leaves the rest alone. Right after a county's
full name, two or three characters and a township's suffix that end a word are that county's township, where the
stem is no common word (城镇, 重点镇, 各乡: kinds and references, not names) and no other place is read there; a
township the gazetteer holds in several counties, read there without its county, takes this one as its parent.
Evidence ``after-county``.

`add_merged` takes the townships the village table still files under a county the article names, though the division
table has merged them away (丹巴县 … 聂呷乡): evidence ``village-table``.
"""

from __future__ import annotations

from collections.abc import Callable

from policyie.engines.analysis import Analysis
from policyie.extractors._localities import townships_of
from policyie.extractors._model_places import han_only, mention_index, named_place
from policyie.extractors._people import is_common_word, jieba_freq
from policyie.gazetteer import load as load_gazetteer
from policyie.records import Place, Span

EVIDENCE = "after-county"
_SUFFIXES = ("街道", "乡", "镇")
_COUNTY_ENDS = frozenset("县市区旗")
# Characters that open a reference or a count, never a township's name (各乡, 全镇, 两镇, 该乡).
_NOT_FIRST = frozenset("各全该本每其此这那两多几数一二三四五六七八九十百千")
# A stem holding a word for a kind of settlement is a phrase about them (部分|村镇, 城乡), not a township's name.
_SETTLEMENT = frozenset("城乡镇村")
COMMON = 100  # the dictionary's count of a word the stem's last character makes with the suffix (小镇, 古镇)


def add(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each township written right after its county's full name (see the module docstring)."""
    held = mention_index(places)
    for county in [p for p in places.values() if p.level == "district"]:
        for m in county.mentions:
            if m.text != county.name or m.text[-1] not in _COUNTY_ENDS:
                continue
            end = _township_end(text, an, m.end)
            if end is None or in_person(m.end, end):
                continue
            if held.overlaps(m.end, end):
                _adopt(places, county, m.end, end)  # (a township the gazetteer holds in several counties: this one's)
                continue
            name = text[m.end : end]
            named_place(places, name, "town", EVIDENCE, county.name).mentions.append(Span(name, m.end, end))
            held = mention_index(places)


def _township_end(text: str, an: Analysis, start: int) -> int | None:
    """Where a township named from ``start`` ends, or None: a stem of two or three characters and a suffix, the
    suffix ending a word of the segmenter's."""
    if not an.is_token_boundary(start):
        return None
    for size in (2, 3):
        stem = text[start : start + size]
        suffix = next((s for s in _SUFFIXES if text.startswith(s, start + size)), None)
        if suffix is None:
            continue
        end = start + size + len(suffix)
        name = text[start:end]
        if (len(stem) == size and han_only(stem) and stem[0] not in _NOT_FIRST and not set(stem) & _SETTLEMENT
                and an.is_token_boundary(end) and not is_common_word(stem) and not is_common_word(name)
                and not (len(suffix) == 1 and jieba_freq().get(name[-2:], 0) >= COMMON)  # (疍家|小镇: a kind)
                and not _glued_function(an, start, name)):
            return end
        return None
    return None


def _glued_function(an: Analysis, start: int, name: str) -> bool:
    """建德市|把|寿昌镇: a preposition or conjunction standing as a word of its own before a township the gazetteer
    holds is the sentence's, not the first character of another township's name."""
    tok = an.token_at(start)
    return tok is not None and (tok.start, tok.end) == (start, start + 1) and tok.pos[:1] in ("p", "c") and \
        any(e.level == "town" for e in load_gazetteer().lookup(name[1:]))


def _adopt(places: dict[str, Place], county: Place, start: int, end: int) -> None:
    """A township found at [start, end) without its county (a name several counties' townships bear) is the county's
    written right before it."""
    for p in places.values():
        if p.level == "town" and p.parent is None and p.code is None and any(
                (x.start, x.end) == (start, end) for x in p.mentions):
            p.parent = county.name


def add_merged(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Townships the village table files under a county the article names, which the division table no longer holds
    (merged since: 丹巴县 … 来到聂呷乡甲居藏寨). A township's full name, starting a word of the segmenter's and read by
    no other place, is that county's (evidence ``village-table``). The county must be the article's: a name found
    under no county it names is left alone, as many counties once had a 中路乡."""
    gz = load_gazetteer()
    held = mention_index(places)
    for county in [p for p in places.values() if p.level == "district" and p.code and p.mentions]:
        for name in townships_of(county.code):
            at = text.find(name)  # (most of a county's townships are not in the article: look before asking more)
            if at < 0 or len(name) < 3 or not name.endswith(_SUFFIXES) or any(
                    e.level == "town" and gz.ancestors(e.key)[1:2] == (county.code,) for e in gz.lookup(name)):
                continue  # (a township the division table still holds there: the gazetteer reads it)
            while at >= 0:
                end = at + len(name)
                if an.is_token_boundary(at) and not held.overlaps(at, end) and not in_person(at, end):
                    named_place(places, name, "town", "village-table", county.name).mentions.append(Span(name, at, end))
                    held = mention_index(places)
                at = text.find(name, end)
