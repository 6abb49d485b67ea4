"""Sections of a river as regions: 黄河|上游, 北江|上游, 长江|中下游, 黄河|源区.

SPEC.md §2 counts physical regions as places, and a river's upper or lower reaches are one (守好黄河上游生态屏障).
The river itself is optional, so the gazetteers hold few rivers and the NER reads some of them untyped; the section
is found from the words: a word ending in 江 or 河 that the dictionary tags as a name (黄河, 北江, 钱塘江), then a
word of section (``river-section`` in place_words.tsv: 上游, 中下游, 源区) right after it. A river glued into a
longer word (黄河流域|上游: the section of a basin) or a section of a firm's supply chain (京东方|上游) is none.
Evidence ``river-section``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from policyie import lexicons
from policyie.extractors._model_places import drop_mentions_within, mention_index, named_place
from policyie.nlp import Analysis, Token
from policyie.records import Place, Span

EVIDENCE = "river-section"
_WORDS = lexicons.lists("place_words.tsv")
_SECTIONS = frozenset(_WORDS["river-section"])
_WORKS = tuple(_WORDS["river-section-works"])
_LAST = frozenset(s[-1] for s in _SECTIONS)  # a word that can end a section ends in one of these
# The dictionary's tags for names (its rivers are ns, a few nr: 钱塘江, 嘉陵江).
_NAME_TAGS = frozenset(("ns", "nr"))
_DIVISION_LEVELS = frozenset(("country", "province", "city", "district", "town", "village"))


def add(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each river section the words spell (see the module docstring)."""
    if not text or not any(s in text for s in ("游", "源区")):
        return
    tokens = an.tokens
    held = mention_index(places)
    for start, end in _spans(tokens):
        if text.startswith(_WORKS, end):
            continue  # 雅鲁藏布江下游|水电工程: a project's name
        if text.startswith("地区", end):
            end += 2  # 长江下游|地区 names the same region
        if in_person(start, end) or (held.overlaps(start, end) and not _only_river_held(places, start, end)):
            continue
        drop_mentions_within(places, start, end)  # the river's own mention is part of the section's name
        name = text[start:end]
        named_place(places, name, "region", EVIDENCE).mentions.append(Span(name, start, end))
        held = mention_index(places)
    for p in places.values():
        if p.evidence == EVIDENCE:
            p.mentions.sort(key=lambda m: m.start)


def _spans(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """Where a river and a section of it are written: two words (黄河|上游), or one the dictionary holds (长江上游)."""
    for i, tok in enumerate(tokens):
        if tok.text[-1] not in _LAST:
            continue
        if tok.text in _SECTIONS:
            if i and _river(tokens[i - 1].text, tokens[i - 1].pos) and tokens[i - 1].end == tok.start:
                yield tokens[i - 1].start, tok.end
        elif any(tok.text.endswith(s) and tok.text[-len(s) - 1] in "江河" for s in _SECTIONS if len(tok.text) > len(s) + 1):
            yield tok.start, tok.end


def _river(word: str, pos: str) -> bool:
    return 2 <= len(word) <= 6 and word[-1] in "江河" and pos in _NAME_TAGS


def _only_river_held(places: dict[str, Place], start: int, end: int) -> bool:
    """Whether the places found inside [start, end) are only the river, read as no division (辽河, untyped)."""
    for p in places.values():
        for m in p.mentions:
            if m.end <= start or end <= m.start:
                continue
            if m.start < start or end < m.end or (m.start, m.end) == (start, end) or p.level in _DIVISION_LEVELS:
                return False
    return True
