"""Townships' demonstration fields and production bases: 田楼镇万亩稻麦示范方, 注溪镇油茶种植基地, 管头苹果示范园.

A county tour stops at the fields and bases its townships show off. The township's name opens the base's name (or its
stem, 管头 of 管头镇, where the article names the township), then what the base grows or raises and how big it is
(万亩水稻, 大豆高产, 油茶), then its kind (place_words.tsv ``farm-base-kind``: 示范方, 示范片, 种植基地). No table lists
them and the NER reads only the township, so each such stop went missing. A base so written is a park of the township
(evidence ``farm-base``) where:

* what stands between the township and the kind is one to eight Han characters (a size such as 万亩 may open them),
  no function word among them, and they do not open with a verb (田楼镇|建设|高标准示范田 says what the township did);
* punctuation, a joiner or the visit's next verb follows the kind (在注溪镇油茶种植基地，…; …示范方察看).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from policyie import lazy_pattern, lexicons
from policyie.extractors import _model_places as model_places
from policyie.extractors._spans import occurrences
from policyie.nlp import Analysis
from policyie.records import Place, Span

EVIDENCE = "farm-base"
_KINDS = sorted(lexicons.lists("place_words.tsv")["farm-base-kind"], key=len, reverse=True)
_BASE = lazy_pattern.compile(
    r"(?P<size>[万千百]亩)?(?P<what>\p{Han}{1,8}?)(?P<kind>" + "|".join(map(regex.escape, _KINDS)) + ")"
    r"(?=[，,。；;、：:和与及）)\s]|$|察看|查看|了解|调研|考察|检查)")
# Characters no crop's or base's words hold: a particle, a preposition or a joiner says the phrase goes on past a name.
_NOT_INSIDE = frozenset("的了和与及在是等为对把被将向从")
# Word classes that open no base's words (a verb: 建设, 新建; an adverb, a pronoun, a preposition, a conjunction).
_NOT_FIRST_TAGS = ("v", "d", "r", "p", "c")
_TOWN_ENDS = ("镇", "乡")


def add(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add the bases that open with a township's name or stem (see the module docstring)."""
    if not any(k in text for k in ("示范", "基地", "种植园")):
        return
    for town in [p for p in places.values() if p.level == "town" and p.name.endswith(_TOWN_ENDS)]:
        for start, opened in _openings(text, town.name):
            base = _BASE.match(text, opened)
            if base is None or not _named(an, base) or in_person(start, base.end()):
                continue
            _add_base(text, places, town, start, opened, base.end())


def _openings(text: str, name: str) -> list[tuple[int, int]]:
    """(start, end) of each writing of the township's name, and of its stem where the township's kind does not follow
    it (管头|苹果…), where the article names the township in full."""
    stem = name[:-1]
    # (在海河镇|海河蔬菜育苗基地: the stem written again after the full name opens the base's name itself)
    out = [(at, at + len(name)) for at in occurrences(text, name) if not text.startswith(stem, at + len(name))]
    if len(stem) >= 2 and name in text:
        out += [(at, at + len(stem)) for at in occurrences(text, stem) if not text.startswith(name, at)]
    return out


def _named(an: Analysis, base: regex.Match) -> bool:
    what = base["what"]
    if any(c in _NOT_INSIDE for c in what):
        return False
    tok = an.token_at(base.start("what"))
    return not (tok is not None and tok.start == base.start("what") and tok.pos.startswith(_NOT_FIRST_TAGS))


def _add_base(text: str, places: dict[str, Place], town: Place, start: int, opened: int, end: int) -> None:
    """The base on [start, end), unless a place read there already crosses its edges or is it. A village written
    inside it stays a place of its own (黄宅镇|塘里村|早稻育秧基地); an untyped reading inside it (a crop the NER took
    for a place) and a short form of another place on the township's stem are the base's."""
    spans = [(m.start, m.end) for p in places.values() for m in p.mentions if m.start < end and start < m.end]
    if (start, end) in spans or any(s < start or e > end for s, e in spans):
        return
    model_places.drop_mentions_where(places, lambda p, m: opened <= m.start and m.end <= end and p.level is None)
    # (黄陵|万亩玉米示范方: 黄陵镇's stem, not 黄陵县's short form; 海河|蔬菜育苗基地: no river the NER read there)
    model_places.drop_mentions_where(places, lambda p, m: (m.start, m.end) == (start, opened) and p is not town
                                     and (m.text != p.name or p.level in (None, "site")))
    name = text[start:end]
    model_places.named_place(places, name, "park", EVIDENCE, town.name).mentions.append(Span(name, start, end))
