"""Sections of a river as regions: 黄河|上游, 北江|上游, 长江|中下游, 黄河|源区, 长江口, 黄河|滩区, 长江|黄州|段.

SPEC.md §2 counts physical regions as places, and a river's upper or lower reaches are one (守好黄河上游生态屏障).
The river itself is optional, so the gazetteers hold few rivers and the NER reads some of them untyped; the section
is found from the words: a word ending in 江 or 河 that the dictionary tags as a name (黄河, 北江, 钱塘江), then a
word of section (``river-section`` in place_words.tsv: 上游, 中下游, 源区) right after it. A river glued into a
longer word (黄河流域|上游: the section of a basin) or a section of a firm's supply chain (京东方|上游) is none.
The mouth is a section too (长江口, 辽河|口), and so is a reach named by a place along it (黄河|开封|段, where the
place is a name the gazetteer or the dictionary knows). A basin (澧水|流域) is a region of a river's or a lake's
(滇池|流域); the river's bare mentions stay the river's (optional in the check sets, beside the basin). A division
named after its river (阿蓬江镇, 细河区, 清流县) does not hide the river before a section (阿|蓬江|黔江段, 细河|流域), and
rivers named together by their first characters have one basin (沂沭泗|流域, 沅澧|流域).
Evidence ``river-section``.

A river the gazetteers lack, written before the lands along it (椒|溪河|沿线, 南垒|河|沿岸, 蒲河|两岸), is a site of its
own (`add_rivers_along`, evidence ``river-along``): what the lands are along says it is a river, not a word ending in 河.
So is a river the tour goes along (沿普厅河察看…, 沿着大宁河巡查…: `add_rivers_followed`, evidence ``river-along``),
where the name is no common word (沿护城河, 沿着母亲河 follow no named river). So is a lake or river whose 湖 or 河 the segmenter
glued to its water's level or quality (团泊|湖水|位: `add_waters_by_state`, evidence ``water-state``), where the name
before it is a word the dictionary lacks or a division's short form. So is a river named after a division whose
short form the segmenter cut off its bank (喀什|河畔, 于都|河畔: the banks of
喀什河 and 于都河, `add_river_banks`, evidence ``river-bank``); 江畔 and 湖畔 are left alone (重庆|江畔 is the city's
riverside, no 重庆江). So is a river or lake whose last character the segmenter glued to the literary 之滨 or 之畔 after
it (潍|河之滨: `add_waters_by_shore`, evidence ``water-shore``), where the name is one the dictionary tags a place, and a river
cut before its 河 that a joiner ties to a water read (华阳|河|和武昌湖: `add_waters_before_joiner`, ``water-joined``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from policyie import gazetteer, lazy_pattern, lexicons, name_runs
from policyie.extractors import _localities as localities
from policyie.extractors._foreign import HOME_STATE, countries
from policyie.extractors._foreign_places import EVIDENCE as TRANSLIT
from policyie.extractors._foreign_places import foreign_states
from policyie.extractors._model_places import (
    LAKE_SHORE_WORDS,
    drop_mentions_where,
    drop_mentions_within,
    drop_untyped_within,
    han_only,
    mention_index,
    move_mention,
    named_place,
    verb_result_glued,
)
from policyie.extractors._people import jieba_freq, looks_transliterated
from policyie.extractors._spans import FUNCTION_CHARS, SpanIndex, occurrences
from policyie.nlp import Analysis, Token, tag_table
from policyie.records import Place, Span

EVIDENCE = "river-section"
LISTED_EVIDENCE = "river-listed"
_WORDS = lexicons.lists("place_words.tsv")
_SECTIONS = frozenset(_WORDS["river-section"])
_WORKS = tuple(_WORDS["river-section-works"])
_LAST = frozenset({*(s[-1] for s in _SECTIONS), "口", "段"})  # a word that can end a section ends in one of these
# Where a section may be written at all (most texts have none: one search spares the walk over their words).
_GUARD = lazy_pattern.compile(r"[江河水湖池溪](?:[上中下]|源区|滩区|入海口|口|沿岸地区|\p{Han}{2,6}段)|流域")
_RIVER_END = "江河水"
_BASIN_OF = "江河水湖池溪"
_WATER = frozenset(_BASIN_OF)
# One-character words that do not begin a river's name (和|溪河 is 和 + a river).
_NOT_HEAD = FUNCTION_CHARS
# Characters that begin no river in a run of rivers' initials (黄河、长江|两大|流域: 两河 and 大河 are rivers).
_NOT_INITIAL = _NOT_HEAD | frozenset("一二两三四五六七八九十百千万大小各全多")
# Words before 段 that name no place (长江|这|段 is no reach).
_NOT_REACH = frozenset(("这", "那", "一", "该", "沿线", "全线", "干流", "主河道"))
# The dictionary's tags for names (its rivers are ns, a few nr: 钱塘江, 嘉陵江, canals nz).
_NAME_TAGS = frozenset(("ns", "nr", "nz", "nrt"))  # (京杭大运河 is nz; 沃尔特河, a transliteration, nrt)
# The town a reach runs through, named by its kind (涪江|城区|段, 长江|主城区|段).
_URBAN_REACH = frozenset(("城区", "主城区", "中心城区", "市区", "县城"))
# Words the dictionary tags as names that say only "rivers" (重要江河|流域, 大江|大河|流域): no river's sections.
# (母亲河, 幸福河: a figure, a campaign's river, no name)
_ANY_RIVER = frozenset(("江河", "大河", "大江", "河湖", "江湖", "山河", "母亲河", "幸福河"))
# jieba's tags of a character it leaves alone as no word (a bound morpheme): 溇 zg.
_BOUND_TAGS = frozenset(("zg", "g", "ng"))
# The dictionary's tags a word of rivers' initials may carry (松辽 ns, 江淮 j, 黄淮 nr): names and abbreviations.
_INITIALS_TAGS = frozenset(("ns", "nr", "nz", "nt", "j"))
_DIVISION_LEVELS = frozenset(("country", "province", "city", "district", "town", "village"))


def add(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each river section the words spell (see the module docstring)."""
    if not text or _GUARD.search(text) is None:
        return
    tokens = an.tokens
    held = mention_index(places)
    # (漆|水河|流域: a river the NER reads whole where jieba cut it into a verb and a common word)
    # A lake's basin is as much a region as a river's (大冶|湖|流域), but a lake has no reaches (上游).
    model_rivers = {e.end: e.start for e in an.ner or () if e.label == "LOC" and 3 <= len(e.text) <= 6
                    and e.text[-1] in _BASIN_OF and han_only(e.text)}
    led = list(_led_reaches(text, an))
    model_heads = {e.end: e.start for e in an.ner or () if e.label == "LOC" and 1 <= len(e.text) <= 3
                   and han_only(e.text) and e.text[-1] not in _WATER and e.text not in gazetteer.load().surfaces}
    for start, end, reach in [*_spans(tokens, model_rivers), *led]:
        if text.startswith(_WORKS, end):
            continue  # 雅鲁藏布江下游|水电工程: a project's name
        if text.endswith("流域", 0, end) and (head := model_heads.get(start)) is not None \
                and an.is_token_boundary(head) and text[head] not in _NOT_HEAD:
            drop_untyped_within(places, head, start)  # 西拉|沐沦河|流域, 海|兰江|流域: the NER read the river's name
            start = head  # in two places, the first no place the tables know nor a water (长江|淮河流域: two rivers)
            held = mention_index(places)
        if text.startswith("地区", end):
            end += 2  # 长江下游|地区 names the same region
        if in_person(start, end) or (held.overlaps(start, end) and not _only_river_held(places, start, end, reach)
                                     and not ((start, end, True) in led and _reach_read_short(places, start, end))):
            continue
        drop_mentions_within(places, start, end)  # the river's own mention is part of the section's name
        name = text[start:end]
        if (river := _foreign_river(an, start, name, places)) is not None:
            named_place(places, river, "site", EVIDENCE).mentions.append(Span(river, start, start + len(river)))
        else:
            named_place(places, name, "region", EVIDENCE).mentions.append(Span(name, start, end))
        held = mention_index(places)
    for p in places.values():
        if p.evidence == EVIDENCE:
            p.mentions.sort(key=lambda m: m.start)


# Sections that name a river's whole course or its lands, not a reach along one place.
_COURSE_SECTIONS = ("流域", "上游", "中游", "下游")


_SOUNDS_ODDS = 2.0  # (韦梅 3.5, 罗克尔 4.0; 嘉陵 −2.2, 湄公 −4.1: a name spelt in sounds beyond doubt)


def _foreign_river(an: Analysis, start: int, name: str, places: dict[str, Place]) -> str | None:
    """阿卡盖拉河|流域, 鄂毕河|上游 in a sentence that names a foreign state or a place of one: a river no Chinese
    gazetteer holds, of which the article names only the basin or a course, is the river itself, a site (as the check
    sets since jan32 annotate a foreign river's basin: 青尼罗河, 阿卡盖拉河, 桑格河); China's basins stay regions."""
    section = next((s for s in _COURSE_SECTIONS if name.endswith(s)), None)
    river = name[: -len(section)] if section else ""
    if len(river) < 3 or river[-1] not in "江河" or gazetteer.load().lookup(river):
        return None
    abroad = {p.name for p in foreign_states(places)}
    if not abroad:
        return None
    lo, hi = an.sentence_at(start)
    states = countries()
    # (a foreign state, a place the tables give a foreign state as parent, or, in an article that names a foreign
    # state, a place read as a transliteration: Xinjiang's lakes are read so too, 艾里克湖)
    foreign = any((p.level == "country" and p.name in abroad) or p.parent in states or p.evidence == TRANSLIT
                  for p in places.values() if any(lo <= m.start < hi for m in p.mentions))
    if foreign:
        return river
    # (韦梅河|流域灌溉项目 in a sentence of its own, the article a guest's from Benin: a river's name spelt in sounds; not
    # where a division of China's is written beside the basin anywhere, 新疆启动实施塔里木河流域…)
    if name_runs.translit_odds(river[:-1]) < _SOUNDS_ODDS:
        return None
    homes = [m.start for p in places.values() for m in p.mentions if p.level in _DIVISION_LEVELS
             and p.level != "country" and (p.parent in HOME_STATE or p.parent not in states) and p.evidence != TRANSLIT]
    for at in occurrences(an.text, name):
        lo, hi = an.sentence_at(at)
        if any(lo <= k < hi for k in homes):
            return None
    return river


# What leads a reach a tour goes to or along (来到|潭埠河高城段, 沿|藤条江勐拉段, 在|笋溪河中山段, 、|…, 水库和|凤嘴江东城段): the river's
# name starts right after it, whatever the segmenter made of the run.
# (a river named …水 too, 宜水|凤冈段: a water the dictionary counts often is a kind of water, 污水, 供水, and is skipped)
_REACH_LED = lazy_pattern.compile(r"(?:沿着?|(?:来到|走进|察看|深入)了?|到|在|赴|[、，。；：和及])(\p{Han}{1,4}[江河溪水])(\p{Han}{2,6}?)段")


_KNOWN_RIVER = 100  # 湘江 166, 淮河 612, 长江 18,930; 溪河 24 and 洋河 20 are words of rivers' names, no rivers


def _led_reaches(text: str, an: Analysis) -> Iterator[tuple[int, int, bool]]:
    """(start, end, True) of each reach named by a place a tour goes to or along whose river the dictionary does not
    know (来到|潭埠|河高|城段: jieba cut across the river and the place): the place must be one the gazetteer or the
    dictionary knows, the river's name no common word, its first word none of a verb's; a river of two characters
    (褒河|马道段) only where the article names the township in full."""
    if "段" not in text:
        return
    surfaces = gazetteer.load().surfaces
    ends: set[int] = set()
    # (overlapped, nearest lead first: ，|他沿笋溪河 and 沿|笋溪河 end alike, and the reach is read after the nearer)
    for m in sorted(_REACH_LED.finditer(text, overlapped=True), key=lambda m: -m.start(1)):
        river, place = m.group(1), m.group(2)
        if m.end() in ends or river[0] in "沿了着过的在到他她" or place[0] in "江河溪堤岸":
            continue  # (察看|了潭埠河…, 察看|沿兰溪|河堤|段: a particle or preposition, or the bank, is no name's part)
        urban = place in _URBAN_REACH and not _names_city(river)  # (在勐|梭河|县城|段: the reach through the county seat)
        if not urban and place not in surfaces and tag_table().get(place, "") != "ns" and not any(
                place + k in surfaces for k in ("镇", "乡", "街道", "县", "区", "苏木")) and not any(
                place + k in text for k in ("镇", "乡", "街道")):
            continue  # (勐拉|段: a township's name without its 镇; 乌布尔宝力格|段 without its 苏木; 拒马河|北河店|段 where the
            # article names 北河店镇, a township the tables lack, is its reach)
        if len(river) == 2 and (urban or not (place[-1] in "县区旗" and place in surfaces)) \
                and not any(place + k in text for k in ("镇", "乡", "街道", "县", "区", "旗", "市")) \
                and not any(place + k in surfaces for k in ("县", "旗")):
            continue  # (沿褒河|马道段 in an article that names 马道镇: a river of two characters needs its township or
            # county named, 浍河|五河段 where the article names 五河县, 赧水|武冈段 where it names the city 武冈市, 洨河|赵县段,
            # or the place be a county's short form the tables know, 灌河|灌南段)
        if place in _NOT_REACH or any(c in "的和与及是" for c in river) or (
                jieba_freq().get(river, 0) >= COMMON_WATER and not tag_table().get(river, "").startswith("ns")):
            continue  # (沿护城河…段: a kind of water; 雅砻江|雅|江段, a river the dictionary knows as a place, is read here
            # where the cut ran the place into 段)
        first = an.token_at(m.start(1))
        if first is not None and first.start == m.start(1) and first.pos[:1] in ("v", "p", "d", "c", "r", "m", "s", "f") \
                and not (len(first.text) == 1 and river[:2] in surfaces) \
                and not (first.pos == "m" and len(river) >= 3 and _han_numeral_name(first.text) and place in surfaces):
            # (。|地处|青衣江雅安段: a word of place or time opens the clause, not the river's name; 沿|遂|川江雩田段: a
            # county's short name jieba cut after an adverb's character opens the river named after it)
            continue
        known = next((k for k in range(1, len(river) - 1) if tag_table().get(river[k:], "").startswith("ns")
                      and jieba_freq().get(river[k:], 0) >= _KNOWN_RIVER), None)
        if known is not None and not _names_river(an, m.start(1), m.start(1) + known):
            continue  # (目前|黄河|内蒙古段, 沿途查看|长江…: the words before a river the dictionary knows are no name's)
        ends.add(m.end())
        yield m.start(1), m.end(), True


def _han_numeral_name(word: str) -> bool:
    """六股 (of 六股河), 三道 (of 三道河): a numeral and a measure character jieba reads as a number, which opens many
    rivers' names; not a figure in digits."""
    return len(word) == 2 and word[0] in "一二三四五六七八九十两" and not word[1].isdigit()


def _names_river(an: Analysis, start: int, end: int) -> bool:
    """Whether the words in [start, end) may open a river's name (隋唐|大运河): none is a time, verb or function word."""
    return all(t.pos[:1] not in ("t", "v", "d", "p", "c", "r", "m", "f", "u") or t.pos == "un"
               for t in an.tokens_in(start, end))


def _reach_read_short(places: dict[str, Place], start: int, end: int) -> bool:
    """Whether the only places held inside [start, end) are a reach or river read from a later start (笋|溪河中山段)
    or places inside the reach's name (勐拉 of 藤条江勐拉段): the led reading replaces them."""
    inside = [(p, m) for p in places.values() for m in p.mentions if m.start < end and start < m.end]
    return bool(inside) and all(start <= m.start and m.end <= end for _, m in inside)


def _spans(tokens: list[Token], model_rivers: dict[int, int]) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is a reach) where a river and a section of it are written: two words (黄河|上游, 辽河|口), one the
    dictionary holds (长江上游, 长江口), or the river, a place and 段 (长江|黄州|段: the reach along that place);
    ``model_rivers``: where a river the NER read ends → where it starts."""
    for i, tok in enumerate(tokens):
        if tok.text[-1] not in _LAST and not (len(tok.text) == 2 and tok.text[0] == "段"):
            continue
        before = tokens[i - 1] if i else None
        if tok.text in _SECTIONS or tok.text == "口":
            if before and before.end == tok.start and (start := _river_start(tokens, i - 1, tok.text)) is not None:
                # (乌尔|吉|木伦河|流域: the NER reads the whole river where jieba cut its head off, but not a place
                # before it: 新乡|卫河|流域)
                head = model_rivers.get(tok.start, start)
                if head < start and any(t.pos.startswith("ns") for t in tokens[max(0, i - 5) : i - 1] if t.start >= head):
                    head = start
                yield min(start, head), tok.end, False
            elif tok.start in model_rivers and (tok.text == "流域" or tokens[i - 1].text[-1] in _RIVER_END):
                yield model_rivers[tok.start], tok.end, False
            elif tok.text == "流域" and (start := _initials_start(tokens, i)) is not None:
                yield start, tok.end, False
        elif tok.text[0] == "段":
            # (卫河|浚县|段水|环境: jieba glued 段 to the next word's character)
            river = tokens[i - 2] if i > 1 else None
            if river and before and river.end == before.start and _reach_place(before) and \
                    (start := _river_start(tokens, i - 2, "段")) is not None and not (
                    before.text in _URBAN_REACH and _names_city(river.text)):  # (九江|城区段: the city's)
                yield start, tok.start + 1, True
        elif tok.text in ("江段", "河段") and i > 1 and before and before.end == tok.start and len(before.text) == 1 \
                and tokens[i - 2].end == before.start and _reach_name(before.text + tok.text[0]) \
                and (start := _river_start(tokens, i - 2, "段")) is not None:
            yield start, tok.end, True  # 南渡江|金|江段: jieba glued the place's last character to 段 (金江, a township's)
        elif tok.text[-1] == "段" and 3 <= len(tok.text) <= 4 and before and before.end == tok.start \
                and _reach_name(tok.text[:-1]) and (start := _river_start(tokens, i - 1, "段")) is not None:
            yield start, tok.end, True  # 绥江|怀城段: jieba glued the place the reach is named by to 段
        elif (tok.text.endswith("口") and _river(tok.text[:-1], tag_table().get(tok.text[:-1], ""))) or any(
                tok.text.endswith(s) and tok.text[-len(s) - 1] in "江河" for s in _SECTIONS if len(tok.text) > len(s) + 1):
            yield _compass_head(tokens, i), tok.end, False


def _compass_head(tokens: list[Token], i: int) -> int:
    """Where the river whose section is the word at ``i`` starts: a compass character jieba cut off before it opens
    the river's name (督导|东|辽河流域: the 东辽河, not the 辽河), except after a place, whose part it is (辽宁|东|…)."""
    tok = tokens[i]
    if i and (prev := tokens[i - 1]).end == tok.start and prev.text in ("东", "西", "南", "北") and \
            prev.pos in ("ns", "f") and (i < 2 or not tokens[i - 2].pos.startswith("ns")):
        return prev.start
    return tok.start


def _reach_place(tok: Token) -> bool:
    """A place's name a reach is named by (黄州, 开封: the dictionary tags some of them as verbs), or the town it runs
    through (涪江|城区|段)."""
    return tok.text in _URBAN_REACH or (2 <= len(tok.text) <= 3 and tok.text not in _NOT_REACH and (
        tok.pos == "ns" or tok.text in gazetteer.load().surfaces))


def _reach_name(word: str) -> bool:
    """A word jieba glued to 段 that names a reach's place (怀城|段: a township's short form the gazetteer knows)."""
    return word not in _NOT_REACH and (word in _URBAN_REACH or word in gazetteer.load().surfaces)


def _names_city(word: str) -> bool:
    """Whether ``word`` is a city's or county's name (九江); many townships are named after their river (涪江街道)."""
    return any(e.level in ("city", "district", "province") for e in gazetteer.load().lookup(word))


def _river_start(tokens: list[Token], i: int, section: str = "") -> int | None:
    """Where the river whose name ends with token ``i`` starts, or None where it names none: one word (黄河), or a
    name the segmenter cut before its 河 or 江 (萍水|河)."""
    tok = tokens[i]
    if section == "流域" and (lone := _lone_head(tokens, i)) is not None:
        return lone
    if len(tok.text) == 2 and tok.pos == "un" and i and (prev := tokens[i - 1]).end == tok.start and han_only(prev.text) \
            and (prev.pos == "un" or (len(prev.text) == 1 and prev.pos[:1] not in "pucdrvfmqx")):
        return None  # 沿竹|皮河|城区段: a river jieba does not know, glued to an unknown word, has no sure start
    if _river(tok.text, tok.pos, section):
        if len(tok.text) >= 3 and tok.text[0] == "沿":
            return tok.start + 1  # 龚砚波|沿鹳河|马蹬段: the 沿 a tour goes along by, glued on (not 波河, a river too)
        head = _transliterated_head(tokens, i, _glued_head(tokens, i))
        if head == tok.start and i >= 2 and len(tokens[i - 1].text) == 1 and han_only(tokens[i - 1].text) \
                and tokens[i - 2].text == "沿" and tokens[i - 2].end == tokens[i - 1].start == head - 1:
            return head - 1  # 沿|可|渡河|哲觉段: what stands between 沿 and the river's word opens the river's name
        # (把潭江|流域: a preposition jieba glued onto the river's name is the sentence's)
        return head + 1 if head == tok.start and len(tok.text) >= 3 and tok.text[0] in _NOT_HEAD else head
    if tok.text in _ANY_RIVER and i and tokens[i - 1].end == tok.start and len(prev := tokens[i - 1].text) == 1 \
            and prev not in _NOT_HEAD and han_only(prev) and tok.text[-1] in (_BASIN_OF if section == "流域" else _RIVER_END) \
            and (prev + tok.text in gazetteer.load().surfaces or localities.is_site(prev + tok.text)):
        return tokens[i - 1].start  # 东|江湖|流域: a lake or river jieba cut into a character and "rivers and lakes"
    if tok.text in ("水", "河", "江") and section == "流域" and i and (prev := tokens[i - 1]).end == tok.start \
            and len(prev.text) == 1 and prev.pos in _BOUND_TAGS and han_only(prev.text):
        return prev.start  # 溇|水|流域: a river of one rare character, which jieba leaves as a bound morpheme
    if len(tok.text) == 2 and tok.text[-1] in "河江" and tok.pos == "n" and i and (prev := tokens[i - 1]).end == tok.start \
            and len(prev.text) == 1 and prev.pos in ("ns", "nr", "nrt") and han_only(prev.text) and section == "流域":
        return prev.start  # 哈|泥河|沿岸: a place's character before a common noun of river ends opens the river's name
    if tok.text in ("河", "江") and i and (prev := tokens[i - 1]).end == tok.start \
            and (prev.pos == "ns" or prev.text in gazetteer.load().surfaces or (section == "流域" and (
                prev.pos in ("un", "nrt") or (prev.pos == "n" and jieba_freq().get(prev.text, 0) < COMMON_WATER)))) \
            and 1 <= len(prev.text) <= (5 if prev.pos == "nrt" else 3) and han_only(prev.text) \
            and _river(prev.text + tok.text, "ns", section):
        return prev.start  # (蚂蜒|河|流域: before a basin, a word jieba does not know names the river; so does a
        # noun it knows but hardly uses, 雷坛|河|沿线, and a transliteration, 阿巴德|河|沿岸)
    return None


# The tags of a lone character that may open a basin's river (佳|芦河, 好|溪, 铅|山河, 马|金溪): a noun, an adjective or
# no word (a bound morpheme, an unknown one); not a verb, preposition or particle.
_LONE_HEAD_TAGS = frozenset(("n", "a", "un", "g", "ng", "zg", "nr", "ns"))


def _lone_head(tokens: list[Token], i: int) -> int | None:
    """Where a basin's river starts that jieba cut into a lone character and a river's word (佳|芦河|流域, 好|溪|流域,
    铅|山河|流域, 马|金溪|流域): the character opens the name when the word is a bare kind of water, one jieba does not
    know, a word that only says "rivers" (山河), or another name (金溪, a county); not after a word that only counts or
    qualifies (全|淮河, 各|河)."""
    tok = tokens[i]
    if not i or len(tok.text) > 2 or tok.text[-1] not in _BASIN_OF or not han_only(tok.text):
        return None
    prev = tokens[i - 1]
    if prev.end != tok.start or len(prev.text) != 1 or not han_only(prev.text) or prev.text in _NOT_INITIAL \
            or prev.pos not in _LONE_HEAD_TAGS or (i > 1 and tokens[i - 2].end == prev.start and tokens[i - 2].pos == "un"):
        return None
    word = len(tok.text) == 1 or tok.pos == "un" or tok.text in _ANY_RIVER or tok.pos == "nr" or any(
        e.level == "district" for e in gazetteer.load().lookup(tok.text))
    return prev.start if word else None


# A foreign river's name runs to ten characters (乌尔巴姆巴河), cut by jieba into up to four words of sounds.
_LONGEST_FOREIGN_RIVER = 10


def _transliterated_head(tokens: list[Token], i: int, start: int) -> int:
    """德里|纳河|流域, 乌尔|巴姆|巴河|流域, 内雷|特瓦河: a foreign river jieba cut into words of sounds starts where the
    sounds do (the river at token ``i`` reads from ``start``): each name-like word before it joins while what they spell
    with the river's stem reads as a transliteration (推进|黄河, 大清河: a verb or a Chinese name stops it)."""
    j = i
    while j > 0 and tokens[j].start > start:
        j -= 1
    run = "".join(t.text for t in tokens[j : i + 1])
    best = start
    for k in range(j - 1, max(-1, j - 5), -1):
        t = tokens[k]
        if t.end != tokens[k + 1].start or not han_only(t.text) or t.pos[:1] not in "nu" or t.text in _NOT_HEAD:
            break
        run = t.text + run
        if len(run) > _LONGEST_FOREIGN_RIVER or not looks_transliterated(run[:-1]):
            break
        best = t.start
    return best


def _river(word: str, pos: str, section: str = "") -> bool:
    """A river's name (黄河, 澧水), or for a basin also a lake's (滇池|流域, 抚仙湖|流域)."""
    # (竹皮河: jieba knows none, nor 琼江 of 琼江|流域 or 卫河 of 卫河|浚县|段, where the basin or the reach says it is a
    # river; 细河|流域: a word to jieba, the name of the district named after the river)
    return 2 <= len(word) <= 6 and word[-1] in (_BASIN_OF if section == "流域" else _RIVER_END) and word not in _ANY_RIVER \
        and (pos in _NAME_TAGS or (pos == "un" and (len(word) >= 3 or section in ("流域", "段")) and word[-1] in "河江") or (
            section != "" and word[-1] in "河江" and word in gazetteer.load().surfaces))


def _glued_head(tokens: list[Token], i: int) -> int:
    """Where the river at token ``i`` starts: a two-character river word of the dictionary (溪河) may have lost
    its first character to a word of its own (濑|溪河, 西|溪河), where the word says only "river" (not 年|长江)."""
    tok = tokens[i]
    if len(tok.text) == 2 and set(tok.text) <= _WATER and i and len(prev := tokens[i - 1].text) == 1 and \
            prev not in _NOT_HEAD and tokens[i - 1].end == tok.start and han_only(prev):
        return tokens[i - 1].start
    if len(tok.text) == 2 and tok.text[-1] in "江河" and i and len(prev := tokens[i - 1].text) == 1 and \
            prev not in _NOT_HEAD and tokens[i - 1].end == tok.start and han_only(prev) and \
            prev + tok.text in gazetteer.load().surfaces:
        return tok.start - 1  # 阿|蓬江: the whole is a name the gazetteer holds (阿蓬江镇 is named after the river)
    if tok.text == "新河" and i and len(prev := tokens[i - 1].text) == 2 and tokens[i - 1].end == tok.start and \
            han_only(prev) and tag_table().get(prev + "河") == "ns":
        return tokens[i - 1].start  # 永定|新河, 潮白|新河: the new channel dug beside a river bears its name (永定河)
    if len(tok.text) == 2 and tok.pos == "un" and tok.text[-1] in "江河" and i and tokens[i - 1].end == tok.start and \
            2 <= len(prev := tokens[i - 1].text) <= 3 and han_only(prev) and _township_short(prev):
        return tokens[i - 1].start  # 独流|减河: a river jieba does not know, opened by a township's short form (独流镇);
        # a province or county before a river is where it flows (浙江省|鳌江, 河南|卫河)
    if len(tok.text) == 2 and tok.text[-1] in "江河" and i and tokens[i - 1].text in ("大", "小") and \
            tokens[i - 1].pos == "a" and tokens[i - 1].end == tok.start:
        return tok.start - 1  # 小|石河: an adjective jieba cut off is the river's first character
    if i and tokens[i - 1].end == tok.start and ((prev := tokens[i - 1]).pos == "un" or (
            prev.pos == "ns" and len(prev.text) == 1)) and han_only(prev.text) \
            and prev.text[-1] not in _NOT_HEAD and prev.text[-1] != "沿" \
            and any(tag_table().get(prev.text[-1] + w) == "ns" for w in "河江水"):
        # 沂|沭河, 好沂|沭河: two rivers named together, the first by its character (沂河); not the 沿 a tour goes
        # along a river by, which jieba glued to the leader's name (陈武沿|鲜水河: 沿河 is a county)
        return tok.start - 1
    return tok.start


def _township_short(word: str) -> bool:
    """Whether ``word`` is only ever a township's name without its 镇 or 乡 to the gazetteer (独流 of 独流镇)."""
    return {e.level for e in gazetteer.load().lookup(word)} == {"town"}


def _initials_start(tokens: list[Token], i: int) -> int | None:
    """Where rivers named together by one character each open the basin at token ``i`` (沂|沭|泗|流域, 沅澧|流域):
    two to four characters right before it, each the first of a river's name the dictionary holds (沂河, 澧水)."""
    tags, start, chars = tag_table(), tokens[i].start, ""
    for tok in reversed(tokens[max(0, i - 4) : i]):
        # (漆|水河|流域: a common word of the dictionary, 水河, is no run of initials; a name, 松辽, or none, 沅澧, may be)
        if tok.end != start or len(chars) + len(tok.text) > 4 or not han_only(tok.text) or \
                (len(tok.text) >= 2 and tags.get(tok.text, "ns") not in _INITIALS_TAGS) or \
                tok.text in _ANY_RIVER or not all(c not in _NOT_INITIAL and any(tags.get(c + w) == "ns" for w in "河江水")
                                                  for c in tok.text):
            break
        start, chars = tok.start, tok.text + chars
    return start if len(chars) >= 2 else None


def _only_river_held(places: dict[str, Place], start: int, end: int, reach: bool) -> bool:
    """Whether the places found inside [start, end) are only the river, read as no division (辽河, untyped) or as a
    county's or township's short form (岷江 of 岷江乡), or for a reach also the place it is named by (长江|黄州|段)."""
    for p in places.values():
        for m in p.mentions:
            if m.end <= start or end <= m.start:
                continue
            if m.start < start or end < m.end or (m.start, m.end) == (start, end):
                return False
            if p.level in _DIVISION_LEVELS and not reach and not (m.text != p.name and (
                    p.level in ("district", "town") or (p.level == "city" and m.text[-1] in _RIVER_END))):
                # (岷江|上游: a township's short form 岷江 the gazetteer read is the river here, and so is a city's
                # named after its river, 牡丹江|上游)
                return False
    return True


ALONG_EVIDENCE = "river-along"
# The lands along a river (椒溪河|沿线, 南垒河|沿岸, 克兰河|堤防): what names the word before them a river.
# (松杜河|穿境|而过, …|穿城|而过: a river that crosses the land, which jieba cuts so)
_ALONG = frozenset(("沿线", "沿岸", "两岸", "岸线", "干流", "河道", "堤防", "大堤", "穿境", "穿城", "冰面")) | LAKE_SHORE_WORDS
_ALONG_GUARD = lazy_pattern.compile("[江河溪湖错](?:" + "|".join(sorted(_ALONG)) + ")")  # (all two characters: order is moot)
# A lake's shore (羊卓雍错|沿岸, 乌伦古湖|岸线, 纳木错|湖岸): a word the dictionary tags a name and ends as a lake does
# (湖, or 错, a Tibetan lake) is the lake.
_LAKE_SHORE = frozenset(("沿岸", "岸线")) | LAKE_SHORE_WORDS


def _lake_before(text: str, word: Token, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> bool:
    """Add the lake ``word`` names before its shore, where it is a name of three characters or more no place holds."""
    if len(word.text) < 3 or word.text[-1] not in "湖错" or word.pos[:2] not in ("ns", "nr", "nz") \
            or mention_index(places).overlaps(word.start, word.end) or in_person(word.start, word.end):
        return False
    named_place(places, word.text, "site", ALONG_EVIDENCE).mentions.append(Span(word.text, word.start, word.end))
    return True


def add_rivers_along(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each river written before the lands along it that no place already holds (see the module docstring)."""
    if not text or _ALONG_GUARD.search(text) is None:
        return
    tokens = an.tokens
    held = mention_index(places)
    for i, tok in enumerate(tokens):
        if tok.text not in _ALONG or not i or tokens[i - 1].end != tok.start:
            continue
        if tok.text in _LAKE_SHORE and _lake_before(text, tokens[i - 1], places, in_person):
            held = mention_index(places)
            continue
        if tokens[i - 1].text[-1] not in "江河溪":
            continue
        start = _river_start(tokens, i - 1, "流域")  # (read as a basin's river is: 南垒|河, a word jieba lacks, then 河)
        if start is None:
            continue
        end = tok.start
        if verb_result_glued(text, an, start):
            start += 1  # 守护|好蒲|河: a verb's result jieba glued onto the river's name
        cut = next((k for k in (start + 1, start + 2) if k < end - 2 and held.overlaps(start, k)
                    and not held.overlaps(k, end)), None)
        start = cut if cut is not None else start  # 南部|区希雷河: a place's last character jieba glued to the river
        name = text[start:end]
        if held.overlaps(start, end) and _state_named_river(places, start, end):
            held = mention_index(places)  # 尼日尔|河|沿岸: the river named after the state, no mention of the state
        elif held.overlaps(start, end) and _stem_read_within(places, start, end):
            held = mention_index(places)  # 龙川|河|沿岸: a site or an untyped read of the river's stem is the river's
        if held.overlaps(start, end) and han_only(name):
            held = _add_listed_before(text, an, places, start, held, in_person)  # (牧马河、|滹沱河|沿线: a river known)
        if len(name) < 3 or not han_only(name) or name in _ANY_RIVER or held.overlaps(start, end) or in_person(start, end):
            continue  # (沙河: a two-character river is as often a town or a common word)
        held = _add_water(places, text, start, end, ALONG_EVIDENCE)
        held = _add_listed_before(text, an, places, start, held, in_person)


# A river listed right before another whose lands follow (牧马河、|滹沱河|沿线): the same lands run along it.
_LISTED_RIVER = lazy_pattern.compile(r"(\p{Han}{2,4}[江河溪])[、和及与]$")


def _add_listed_before(text: str, an: Analysis, places: dict[str, Place], start: int, held: SpanIndex,
                       in_person: Callable[[int, int], bool]) -> SpanIndex:
    """Add the rivers listed before the one at ``start`` whose lands follow it; the mentions held after them."""
    while (m := _LISTED_RIVER.search(text, max(0, start - 6), start)) is not None:
        lo, hi = m.span(1)
        while lo < hi - 2 and (not an.is_token_boundary(lo) or (tok := an.token_at(lo)) is None
                               or tok.pos[:1] in "vpcdr"):
            lo += 1  # (完成|牧马河: the name starts where a word does, no verb's)
        name = text[lo:hi]
        if name[0] in _NOT_INITIAL or name in _ANY_RIVER or len(name) < 3 or in_person(lo, hi):
            break
        if not held.overlaps(lo, hi):
            held = _add_water(places, text, lo, hi, ALONG_EVIDENCE)
        start = lo
    return held


def _stem_read_within(places: dict[str, Place], start: int, end: int) -> bool:
    """Drop the mentions of sites and untyped places inside a river's name short of its end; whether one went."""
    return drop_mentions_where(places, lambda p, m: start <= m.start and m.end < end and p.level in (None, "site"))


def _state_named_river(places: dict[str, Place], start: int, end: int) -> bool:
    """Drop a foreign state's mention that is all of a river's name but its 河 or 江 (尼日尔|河, 刚果|河); whether one
    went."""
    return drop_mentions_where(places, lambda p, m: p.level == "country" and p.name not in HOME_STATE
                               and (m.start, m.end) == (start, end - 1))


def _add_water(places: dict[str, Place], text: str, start: int, end: int, evidence: str) -> SpanIndex:
    """Add the river or lake [start, end) as a site of its own; the mentions held after it (each adder reads on)."""
    name = text[start:end]
    named_place(places, name, "site", evidence).mentions.append(Span(name, start, end))
    return mention_index(places)


_DIVISION_SHORT_LEVELS = frozenset(("city", "district", "town"))


def add_river_banks(text: str, places: dict[str, Place]) -> None:
    """Move a division's short form right before 河畔 into the river named after it (see the module docstring)."""
    if "河畔" not in text:
        return
    for p in list(places.values()):
        if p.level not in _DIVISION_SHORT_LEVELS:
            continue
        for m in list(p.mentions):
            if text.startswith("河畔", m.end) and m.text != p.name and len(m.text) >= 2 and m.text[-1] not in "江河湖":
                move_mention(places, text, p, m, m.end + 1, "site", "river-bank")


# 沿(着) and a river's name, then what the visitor does along it or a clause's end (沿普厅河察看…, 沿着大宁河，…).
# A lake or a canal is gone along too (沿古乡湖察看…, 沿美利渠察看…).
# (沿新沂河|和|灌河灌南段: a second water joined after it; no joiner inside the name, not 新沂河和灌河 as one)
_FOLLOWED = lazy_pattern.compile(
    r"沿着?((?:(?![和及与]|察看|查看|巡查|检查|调研|考察)\p{Han}){1,5}?[江河溪湖渠])"
    r"(?=察看|查看|巡查|检查|调研|考察|徒步|走访|一路|实地|来到|前往|抵达|[，,、。]|[和及](?=\p{Han}{1,5}?[江河溪湖渠])"
    r"|各(?:村|乡镇|镇|乡|县)|两岸|一带|低洼|堤段|河段"  # (沿桑园河|各村: the villages along it; 沿耶溪河|低洼地带)
    r"|\p{Han}{2,4}段(?=察看|查看|巡查|检查|调研|考察|[，,、。]))")  # (沿把边江|勐先段察看: its reach by a place)
COMMON_WATER = 50  # a name the dictionary counts this often is a kind of water (护城河, 母亲河), no river's name
_NOT_FOLLOWED_HEAD = _NOT_HEAD | frozenset("一二两三四五六七八九十百千万各全多这那该此每某本")


def add_rivers_followed(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each river a tour goes along that no place already holds (see the module docstring)."""
    if "沿" not in text:
        return
    freq = jieba_freq()
    held = mention_index(places)
    for m in _FOLLOWED.finditer(text):
        start, end = m.span(1)
        name = m.group(1)
        tok = an.token_at(start)
        glued = tok is not None and tok.start == m.start() and tok.pos == "un"  # 沿普厅|河: jieba glued 沿 to the name
        tag = tag_table().get(name)
        # (a name the dictionary does not hold needs a stem that is no count, pointer or common word: 一条|河, 这条|河,
        # 城区|河; 清水江 is the dictionary's, though 清水 is a common word; right after 沿 no preposition can stand, so
        # 把边江 and 和平河 are rivers)
        # (沿|大理|河: a place's name, however common a word, names the river too)
        unknown = tag not in _NAME_TAGS and (name[0] in _NOT_FOLLOWED_HEAD - _NOT_HEAD or (
            freq.get(name[:-1], 0) >= COMMON_WATER and name[:-1] not in gazetteer.load().surfaces))
        if len(name) == 2 and (tag != "ns" or name[0] in "内外大小界"):
            continue  # (沿|沱江|察看: a river of two characters the dictionary holds as a place; not 沿|界河, 沿|内河)
        if (tok is not None and tok.start != start and not glued) or name in _ANY_RIVER or unknown \
                or (freq.get(name, 0) >= COMMON_WATER and tag != "ns") or in_person(start, end):
            continue  # (沿|怒江|察看: a place's name the dictionary holds, however often it writes it, names the river gone along)
        if held.overlaps(start, end) and (drop_mentions_within(places, start, end, short_only=True)
                                          or drop_untyped_within(places, m.start(), end)
                                          or _division_short_is_river(places, start, end)):
            # 沿着大|宁河, 沿|大理|河: a division's short form inside the river's name, or opening it, is the river's;
            # 沿古乡|湖, 沿|美利|渠: an untyped reading of its stem, or of it with the 沿 glued on, is the water's too
            held = mention_index(places)
        if not held.overlaps(start, end):
            held = _add_water(places, text, start, end, ALONG_EVIDENCE)


def _division_short_is_river(places: dict[str, Place], start: int, end: int) -> bool:
    """沿|怒江|察看: a prefecture's or county's short form that is all of the river's name a tour goes along is the river's
    (怒江州 is named after it); drop it, whether it went."""
    return drop_mentions_where(places, lambda p, m: (m.start, m.end) == (start, end) and m.text != p.name
                               and p.level in ("city", "district"))


# A lake's or river's 湖 or 河, then its water's state (团泊|湖水|位, X|河水|质): what the segmenter glued across.
_WATER_STATE = lazy_pattern.compile(r"[湖河](?=水位|水质|水域|水面|水量|水环境|水生态|水体)")


def add_waters_by_state(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each lake or river written before its water's state (see the module docstring)."""
    if "水" not in text:
        return
    held = mention_index(places)
    shorts = {m.end: m.start for p in places.values() for m in p.mentions if m.text != p.name}
    for m in _WATER_STATE.finditer(text):
        pos, end = m.start(), m.end()
        tok = an.token_at(pos - 1) if pos else None
        # (武昌|湖水|环境: a place's word jieba knows, before the lake it names, opens the lake's name as well)
        start = tok.start if tok is not None and tok.end == pos and tok.pos in ("un", "ns") else shorts.get(pos)
        if start is not None and pos - start == 1 and (rare := an.token_at(start - 1)) is not None \
                and rare.end == start and rare.end - rare.start == 1 and rare.pos in _BOUND_TAGS:
            start = rare.start  # 漴|潼|河水|位: a rare character jieba leaves alone opens the name
        if start is None or pos - start < 2 or text[start] in _NOT_FOLLOWED_HEAD or not han_only(text[start:pos]) \
                or in_person(start, end):
            continue
        if drop_mentions_within(places, start, end, short_only=True):
            held = mention_index(places)  # (团泊|湖: the township's short form is the lake's name)
        if not held.overlaps(start, end):
            held = _add_water(places, text, start, end, "water-state")


# A river's or lake's last character, then the literary "shore of" (潍|河之滨, 太|湖之畔; a sea's, 南海之滨, is a region's).
_SHORE = lazy_pattern.compile(r"[河江湖池](?=之滨|之畔)")


def add_waters_by_shore(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each river or lake written before 之滨 or 之畔 whose name the segmenter cut there (see the module docstring):
    the longest name of two to four characters that ends at the water's character, opens a word, and is a place to the
    dictionary (潍河)."""
    if "之" not in text:
        return
    held = mention_index(places)
    for m in _SHORE.finditer(text):
        end = m.end()
        start = next((end - k for k in (4, 3, 2) if end - k >= 0 and an.is_token_boundary(end - k)
                      and han_only(text[end - k : end]) and tag_table().get(text[end - k : end]) == "ns"), None)
        if start is None or held.overlaps(start, end) or in_person(start, end):
            continue
        held = _add_water(places, text, start, end, "water-shore")


# A water's bank or shores, which jieba glues onto the water's name as one word of its dictionary (泰晤士河畔, 湖边).
_BANKS = ("畔", "沿岸", "两岸", "岸边", "边")


def add_waters_glued_to_banks(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each river or lake of three characters or more whose bank jieba read as one place word with it (泰晤士河畔的
    伦敦金融城: the water's name is the place)."""
    for tok in an.tokens:
        if tok.pos != "ns" or not tok.text.endswith(_BANKS):
            continue
        bank = next(b for b in _BANKS if tok.text.endswith(b))
        start, end = tok.start, tok.end - len(bank)
        if end - start < 3 or text[end - 1] not in "河江湖海" or in_person(start, end):
            continue
        for p in places.values():  # (尼罗河畔 read whole by the NER, untyped: the water is the place)
            if p.level is None:
                p.mentions = [m for m in p.mentions if (m.start, m.end) != (tok.start, tok.end)]
        held = mention_index(places)
        if not held.overlaps(start, end):
            held = _add_water(places, text, start, end, "water-shore")


_WATER_ENDS = ("河", "江", "湖", "溪", "水库")


def add_waters_before_joiner(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each river jieba cut before its 河 or 江 (华阳|河) that a joiner ties to a water already read (…和|武昌湖水环境):
    the word before it, a place's to the dictionary, and that character name a river of the same list."""
    waters = {m.start for p in places.values() if p.level == "site" and p.name.endswith(_WATER_ENDS) for m in p.mentions}
    if not waters:
        return
    held = mention_index(places)
    tokens = an.tokens
    for i, tok in enumerate(tokens[1:-1], 1):
        prev, nxt = tokens[i - 1], tokens[i + 1]
        if tok.text not in ("河", "江") or prev.end != tok.start or nxt.start != tok.end or nxt.text not in ("和", "与", "及", "、") \
                or nxt.end not in waters:
            continue
        start, end = prev.start, tok.end
        if prev.pos != "ns" or not 1 <= len(prev.text) <= 3 or not han_only(prev.text) or held.overlaps(start, end) \
                or in_person(start, end):
            continue
        held = _add_water(places, text, start, end, "water-joined")


# 沙柳河、泉吉河等河道: rivers listed before a word that says what they all are (等河道, 等河流, 等支流).
_LISTED_WATERS = lazy_pattern.compile(
    r"(?:(?<=[的在、，,和及与。；;：:])|^)((?:\p{Han}{1,4}[河江溪]、){1,6}\p{Han}{1,4}[河江溪])"
    r"(?:等|等多条|等几条)(?:河道|河流|江河|支流|水系|河湖|溪流)", regex.M)


def add_listed_rivers(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add each river of a list closed by a word for rivers that no place already holds; a name is three characters or
    more and no common word (小河, 大江)."""
    if "等" not in text:
        return
    freq = jieba_freq()
    held = mention_index(places)
    for m in _LISTED_WATERS.finditer(text):
        at = m.start(1)
        for name in m.group(1).split("、"):
            end = at + len(name)
            if len(name) >= 3 and name not in _ANY_RIVER and freq.get(name, 0) < COMMON_WATER and name[0] not in \
                    _NOT_FOLLOWED_HEAD and not held.overlaps(at, end) and not in_person(at, end):
                held = _add_water(places, text, at, end, LISTED_EVIDENCE)
            at = end + 1

