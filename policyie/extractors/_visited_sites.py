"""Sites named as the stops of a visit: 来到大散关，察看…; 先后察看丸都山城、好太王碑和将军坟.

The gazetteers list few temples, shrines, passes, steles, weirs or old streets, and the NER, trained on
newswire, reads few of them as places. Where a visit verb (place_words.tsv ``visit-cue``) opens a clause,
the clause's list items that end as a site does (``visited-site-ending``: 寺, 祠, 关, 碑, 陂, 府, 街 …) are
sites, where they are names:

* not a common word, whole or at its end (大楼, 实训|教学楼, 值班|岗亭: the dictionary knows them), nor ended
  by a verb (中欧班列|通关);
* not opened by a word that refers rather than names (该, 当地: ``visit-not-first``);
* named by a word the dictionary does not know as common (大散|关, 燊海|井), or listed beside another place or
  site (恒山、悬空寺, 好太王碑和将军坟: 悬空 and 将军 are common words, the list says what they are).

A division written in full before the item is a place of its own (宛城区|医圣祠); a short form stays part of
the site's name (哈密回王府). Every other bare mention of a site so found is the same site.

Endings that are words of their own kind (纪念馆, 博物馆, 遗址, 旧址, 古巷, 古道) also close descriptions
(抗战交通遗址), so under them a word of the stem must name a place or a body, or be rare (南湖|革命纪念馆,
三湾|改编纪念馆). What another rule read inside such a name, untyped or short (the river of 辽河|老街, the
township of 珠玑镇|珠玑古巷), becomes part of it.

A later stop may sit between 在 and its verb with no comma (又在哈日干水库察看…). A stop that is the name of a town or
city the article writes, then a station's kind (那曲站, 济南西站), is that station, a site.

A list that is no visit's stops names sites the same way where two other items are places or sites, one of them found
already (岳飞庙、道口古镇和|文峰塔; evidence ``listed-site``). In a visit's list of short names, an item the NER reads as a
place whole is a site too, where another item is one already (山海关古城、|老龙头|和角山长城).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from policyie import gazetteer, lazy_pattern, lexicons
from policyie.extractors import _localities as localities
from policyie.extractors import _model_places as model_places
from policyie.extractors._foreign import countries
from policyie.extractors._people import jieba_freq, looks_transliterated
from policyie.extractors._spans import FUNCTION_CHARS, list_items, occurrences
from policyie.nlp import tag_table
from policyie.records import Place, Span
from policyie.segmenter import segment

_WORDS = lexicons.lists("place_words.tsv")
_TEAM_CHARS = frozenset("组团队")
# 在南岳大庙，他详细了解…: a sentence a tour's report opens with 在 and a name before its first comma is at a stop of the
# tour, as one opened by 来到 is (the name must still end as a site does; a township may come first and two stops may be
# joined, 在中房镇笔架山森林防火检查站，…; no 的 between, 在新疆树立正确的国家观、…: a clause of its own).
# (他还在金钟山森林防火检查站，要求…: the visitor and an adverb may come first)
_AT_STOP = lazy_pattern.compile(r"(?:^|(?<=[。；;\n])|(?<=(?:^|[。；;\n，,])(?:他|她|他们|她们)(?:还|又|再|也|随后|最后|接着)?)"
                                r"|(?<=[。；;\n，,](?:还|又|随后|最后|接着)))在(?=[^，,。；;\n的]{3,26}[，,])", regex.M)
# 又在哈日干水库察看…, 最后在临泉站察看…: a later stop of the tour, named between 在 and the verb that says what was looked at there, no comma
# between (the name must still end as a site does; the stop is the one name, no list; its township may open it).
_STOP_VERBS = r"察看|调研|考察|走访|慰问|看望|督导|检查(?!站)|了解"
# (…，在秤架森林防火检查站|要求值守人员…, 在湖西秸秆禁烧检查站|叮嘱…: what was asked there follows the stop as well; so
# does a look at its papers or a question, 在光头山森林防火检查站|翻阅进山登记台账, …|查看, …|询问)
_AT_VERB = lazy_pattern.compile(
    rf"(?<=[又还再也，,。；;]|随后|接着|然后|之后|此后|最后|首先|他|她)在(?=([^\P{{Han}}的]{{3,26}}?)(?:{_STOP_VERBS}|叮嘱|要求|查看|翻阅|询问))")
# (串联起了琉璃巷、铁鸟胡同: a complement after the verb is the verb's, not the first item's)
_CUE = lazy_pattern.compile("(?:" + "|".join(sorted(_WORDS["visit-cue"], key=len, reverse=True)) + ")起?了?")
_MOVE_CUES = frozenset(_WORDS["visit-move-cue"])
_GENERIC_STEMS = model_places.generic_stems()
_ENDINGS = tuple(sorted(_WORDS["visited-site-ending"], key=len, reverse=True))
_NOT_FIRST = tuple(_WORDS["visit-not-first"])
_CLAUSE_CHARS = "，,。；;：:！？!?\n"
_CLAUSE_END = lazy_pattern.compile(f"[{_CLAUSE_CHARS}]")
# (three items at least: two 、, or one and a last item after 和 or 及: 临海古城、紫阳街和江南长城)
_TWO_COMMAS = lazy_pattern.compile(f"、[^{_CLAUSE_CHARS}]*[、和及]")
# The last characters of the endings: an item ending in none of them is no site (one look spares the rest).
_ENDING_LAST = frozenset(k[-1] for k in _ENDINGS)
# What may follow a site inside its list item (拉加寺|周边环境, 牛头碑|所在的山顶, 隆兴寺…荣国府|等古城景点,
# 温公祠|修缮工程).
_TAIL = lazy_pattern.compile("|".join(sorted(_WORDS["visit-item-tail"], key=len, reverse=True)))
_HERITAGE_TAIL = tuple(_WORDS["visit-heritage-tail"])
_NAME = lazy_pattern.compile(r"\p{Han}{3,14}")
# Past ten characters only an ending of its own kind names a site (中国工农红军西路军|纪念馆, 西藏百万农奴解放|纪念馆).
LONGEST_SHORT_ENDING = 10
_HALL_ENDINGS = ("纪念馆", "博物馆", "展览馆", "陈列馆")
HALL_NAME = 9  # a province's short form, a theme of four characters or more, the hall
# A name past seven characters is a site only under an ending of its own kind (北大荒开发建设|纪念馆); under one
# character (楼, 门) so long an item is rather a description (县人民医院住院部大楼).
LONG_NAME = 7
_DIVISION_LEVELS = frozenset(("province", "city", "district", "town"))
_LOW_DIVISIONS = frozenset(("district", "town"))
_OPENER_LEVELS = _DIVISION_LEVELS | {"village"}
_PROPER_TAGS = frozenset(("ns", "nt"))
# A county, township or district name (2–4 characters with its suffix) at the head of an item, where a name of
# its own follows (内乡县|衙 is one name: the county's with an ending).
_DIVISION_PREFIX = lazy_pattern.compile(r"\p{Han}{1,3}[县区市镇乡旗]")
_WEAK_ENDINGS = frozenset(_WORDS["visited-site-weak-ending"])
_TOWNSHIP_PREFIX = lazy_pattern.compile(r"\p{Han}{2,3}[镇乡]")
# A village, community or township the item names before 的 and its site (月山村的如龙桥).
_OWNER_KINDS = ("村", "社区", "镇", "乡", "街道")
_OWNER_ENDS = tuple(k + "的" for k in _OWNER_KINDS)
_OWNED = lazy_pattern.compile(r"\p{Han}{1,12}?(?:" + "|".join(_OWNER_KINDS) + r")的(?=\p{Han}{3})")
# A county's or township's name written in full: its stem, then any peoples (彝族苗族), then the kind.
_DIVISION_STEM = lazy_pattern.compile(r"(\p{Han}{2,4}?)(?:\p{Han}{1,3}族)*(?:自治)?(?:县|区|旗|镇|乡|街道|苏木)")
_COUNTY_CITY_STEM = lazy_pattern.compile(r"(\p{Han}{2,4}?)市")
# Characters that make a stem a description, not a name, however the dictionary spells it (两处, 各类, 新老, 该处).
_NOT_NAME_CHARS = frozenset("一二三四五六七八九十两几多数各每某该此这那其本原旧新老古大小等类处座个")
_SHRINES = frozenset("庙寺塔祠观")
# …but the sizes and ages that open many a village's name open a hamlet's too (大箐组, 小湾组), where a numeral opens a
# numbered group (三组), no name.
_GROUP_NOT_FIRST = _NOT_NAME_CHARS - localities.SIZE_AGE
# The kinds of a scenic area (the places extractor grows parks by them too).
SCENIC_KINDS = frozenset(("景区", "风景区", "旅游区", "风景名胜区"))
RARE_WORD = 100  # a stem's word the dictionary counts less often than this is no common word
COMMON = 100  # a word or ending the dictionary counts this often is a common one (大楼, 闸门)
COMMON_STEM = 50  # a name's stem this common (悬空, 将军) needs the list to vouch for it
PLAIN_STEM = 1000  # …or a verb that brings the visitor to it, below this (杜鹃 406, 石门 672; not 文化, 中心)
ENDING_WORD = 20  # a two-character word this common that the ending closes is a kind, not a name (岗亭, 闸门)


def add(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool],
        model_locations: frozenset[tuple[int, int]] = frozenset()) -> None:
    """Add the sites visit clauses list (see the module docstring); ``model_locations``: the spans the NER reads as
    places, which are sites as whole items of a visit's list of three or more beside a place or site (来到山海关古城、
    老龙头和角山长城)."""
    if not text:
        return
    exact = {(m.start, m.end) for p in places.values() for m in p.mentions}
    # (a village written in full opens its site's item too: 走进拉片村|瑶山古寨)
    openers = {m.start: m.end for p in places.values() if p.level in _OPENER_LEVELS
               for m in p.mentions if m.text[-1:] in "省市区县旗镇乡村"}
    _chain_openers(text, places, openers)
    held = model_places.mention_index(places)
    phrases = model_places.phrase_spans(text)  # (察看退塘还湖…: a policy's watchword ends as a lake does)
    stems = division_stems(places)
    found: dict[str, str] = {}  # the names, in reading order, with the rule's evidence
    towns: list[tuple[int, int]] = []
    cues = sorted([*_CUE.finditer(text), *_AT_STOP.finditer(text), *_AT_VERB.finditer(text)], key=lambda c: c.start())
    stops = [(cue, _cue_items(text, cue)) for cue in cues]  # (the stops each cue names, read once for every rule below)
    for cue, raw in stops:
        if text[cue.end() : cue.end() + 1] in _TEAM_CHARS:
            continue  # 视察|组还来到…: a team the verb names (视察组, 考察团), not its visit's list
        items = [_named_part(text, s, e) for s, e in raw]
        shaped = [_site(text, s, e, openers, stems) for s, e in items]
        # (how many of the list's items are sites or places: one beside another vouches for a common stem)
        # (a place that goes on past 的 is no list item of its own: 深入赣州市的企业、农村、革命纪念馆)
        listed = sum(1 for item, x in zip(items, shaped, strict=True)
                     if x or (item in exact and not text.startswith("的", item[1])))
        for (_, raw_end), item, x in zip(raw, items, shaped, strict=True):
            if x is None or in_person(x[0], x[1]) or phrases.overlaps(x[0], x[1]):
                continue
            if text[x[1] : raw_end] in _SITE_SUFFIXES:
                x = (x[0], raw_end, x[2])  # 扁都口|冬季牧场: the season cut off the site's kind (冬季牧场), no tail of it
            if held.overlaps(x[0], x[1]) and not _superseded(places, x[0], x[1], text):
                continue
            # (察看玉皇阁|古建筑群修缮进展: what only a heritage site's item says of it vouches for a common stem; so
            # does a verb that takes the visitor there, for its first stop: 来到石门|峪)
            # (and a sentence a tour's report opens with 在 and the stop: 在|小腮水库，他…)
            moved = item == items[0] and (cue.group().rstrip("了") in _MOVE_CUES or _AT_STOP.owns(cue)
                                          or _AT_VERB.owns(cue)) \
                and _plain_stem(text, x[0], x[1])
            # (察看东升水库|溢洪道: a part of a reservoir or dam looked at there vouches for its stem, a word or not)
            parted = _PART_OF_SITE.match(text, x[1]) is not None
            if x[2] or listed >= 2 or moved or parted or (
                    text.startswith(_HERITAGE_TAIL, x[1]) and not _weak(text, x[0], x[1])):
                found[text[x[0] : x[1]]] = "visited-site"
                if _TOWNSHIP_PREFIX.fullmatch(text, item[0], x[0]) is not None and not _AT_STOP.owns(cue) and \
                        not held.overlaps(item[0], x[0]) and not in_person(item[0], x[0]):
                    # 前往|荆竹乡|小寨天坑: a township no table held opens the site's item (not 在|山西武乡|…纪念馆: a
                    # province and a county's short form)
                    towns.append((item[0], x[0]))
        if (listed >= 2 or (listed and len(items) >= 3)) and all(e - s <= LONGEST_SHORT_ENDING for s, e in raw):
            # (a list of names, no item a phrase: …和当地群众一起在壮美的梯田里庆祝丰收、欢度国庆; not an item shaped as a
            # site whose stem names none, 革命纪念馆)
            for item, x in zip(items, shaped, strict=True):
                if x is None and item in model_locations and not held.overlaps(*item) and not in_person(*item):
                    found.setdefault(text[item[0] : item[1]], "visited-site")
    for lo, hi in towns:
        # (a township the tables hold, named earlier, is that one: 到乔木乡督导 … 在乔木乡|长岭头水库)
        town = model_places.town_named(places, text[lo:hi]) or \
            model_places.named_place(places, text[lo:hi], "town", "visited-site")
        town.mentions.append(Span(text[lo:hi], lo, hi))
    for x in _listed_sites(text, places, openers, {e for _, e in exact}, stems, in_person):
        if not in_person(x[0], x[1]) and not (held.overlaps(x[0], x[1]) and not _superseded(places, x[0], x[1], text)):
            found.setdefault(text[x[0] : x[1]], "listed-site")
    for name in found:
        for i in occurrences(text, name):
            if _superseded(places, i, i + len(name), text):
                model_places.drop_mentions_within(places, i, i + len(name))
    held = model_places.mention_index(places)
    for name in found:
        place = model_places.named_place(places, name, "site", found[name])
        for i in occurrences(text, name):
            if not held.overlaps(i, i + len(name)) and not in_person(i, i + len(name)):
                place.mentions.append(Span(name, i, i + len(name)))
        place.mentions.sort(key=lambda m: m.start)
    _add_stop_villages(text, places, in_person, stops)
    _add_stations(text, places, in_person, stops)


# A village or community a tour stops at, named as an item of the stop's clause (在龙畔村，…; 来到石岩村、青杠社区): a
# name ending so, where the stem names rather than describes (not 农村, 该村, 千年古村, 示范村, 茶园村: a common word, a kind,
# an adjective or a verb before 村 may say what sort of village; the village table holds the real ones of such names,
# which the article's county or township then picks).
_STOP_VILLAGE = lazy_pattern.compile(r"(\p{Han}{2,4}?)(?:村|社区|嘎查)(\p{Han}{2,4}?(?:组|自然村|村民小组))?")
# 在托万克村|万亩棉田察看…: a village, then the fields of it the visitor looked at.
_VILLAGE_BEFORE_FIELD = lazy_pattern.compile(
    r"(\p{Han}{2,4}?)(?:村|社区|嘎查)()(?=[万千百]亩|棉田|麦田|稻田|农田|果园|茶园|大棚|育秧)")
_STEM_NOT_NAME_TAGS = ("a", "v", "r", "d", "m", "q", "p", "c", "u", "t")


# 育才社区, 光明村, 三元社区: communities and villages are named by common words as often as not; where villages of the
# name stand in the table in several counties, the name is one a village bears, not a description of the stop (城市社区,
# 老旧社区: none; the table's 中心村, 街道社区 are the kinds ``village-generic`` lists).
TABLE_VOUCHES = 3


def _named_in_table(name: str, opens_report: bool = False) -> bool:
    """(a sentence of the tour's report that opens 在X社区， names the stop it is at: one village of the name will do)"""
    return name not in localities.GENERIC and len(localities.villages_named(name)) >= (1 if opens_report else TABLE_VOUCHES)


def _add_stop_villages(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool],
                       stops: list[tuple[regex.Match, list[tuple[int, int]]]]) -> None:
    held = model_places.mention_index(places)
    freq, tags = jieba_freq(), tag_table()
    towns = {m.start: m.end for p in places.values() if p.level == "town" for m in p.mentions if m.text == p.name}
    for cue, items in stops:
        if _CUE.owns(cue) and cue.group().rstrip("起了") not in _MOVE_CUES:
            continue  # (察看…: what is looked at is a thing's state, not a stop)
        for s, e in items:
            if (when := text.find("的时候", s, e)) > s:
                e = when  # (记者来到新港村|的时候正赶上周末: when the visit came there, no part of the stop)
            s = _after_locative(text, s, e)
            if (town_end := towns.get(s)) is not None and town_end < e - 2:
                s = town_end  # (在巴仁镇|新梅社区: its township written first)
            m = _STOP_VILLAGE.fullmatch(text, s, e) or _VILLAGE_BEFORE_FIELD.match(text, s, e)
            if m is None or in_person(s, e):
                continue
            e = m.end()
            v_end = m.start(2) if m.group(2) else e  # (来到新塘村|竹山组: the village, then its group)
            if held.overlaps(s, e) and model_places.drop_mentions_where(
                    places, lambda p, x, lo=s, hi=v_end: p.level in ("park", "site") and len(x.text) < len(p.name)
                    and lo <= x.start and x.end <= hi):
                held = model_places.mention_index(places)  # (在巴仁镇|新梅社区: a park's short form, 新梅 of 新梅产业园, is the village's)
            if held.overlaps(s, e) and not _table_tail(text, places, s, v_end, e):
                _add_stop_group(text, places, m)
                continue
            stem = m.group(1)
            name = text[s:v_end]
            table = _named_in_table(name, _AT_STOP.owns(cue))  # (新梅社区: villages of the name in several counties)
            if (stem[0] in _NOT_NAME_CHARS and not tags.get(stem, "").startswith("ns") and not table) \
                    or stem[-1] in _NOT_NAME_CHARS \
                    or freq.get(text[m.end(1) - 1 : e], 0) >= COMMON \
                    or ((freq.get(stem, 0) >= COMMON_STEM or tags.get(stem, "").startswith(_STEM_NOT_NAME_TAGS)
                         or freq.get(text[s:e], 0)) and not table):
                continue  # (城镇|乡村, 社区|农村: a common word ends the item; 社区 itself is the kind; 新塘, a place's
                # word to jieba, opens a name though 新 alone describes)
            model_places.drop_mentions_within(places, s, e)
            held = model_places.mention_index(places)
            model_places.named_place(places, name, "village", "visited-village").mentions.append(Span(name, s, v_end))
            if m.group(2) and m.group(2)[0] not in _GROUP_NOT_FIRST:
                model_places.named_place(places, m.group(2), "village", "villager-group", name).mentions.append(
                    Span(m.group(2), v_end, e))


def _add_stop_group(text: str, places: dict[str, Place], m: regex.Match) -> None:
    """来到梨园村|石板组: a stop that is a village read already, then its villagers' group, is that group, a hamlet
    whatever word names it (石板, 水井: common words; a working team, 工作组, is no stop a tour comes to)."""
    if not m.group(2) or m.group(2)[0] in _GROUP_NOT_FIRST \
            or tag_table().get(m.group(2)[:-1], "").startswith(("v", "vn")):
        return
    village = [p for p in places.values() for x in p.mentions if (x.start, x.end) == (m.start(), m.start(2))]
    inside = [x for p in places.values() for x in p.mentions if x.start < m.end() and m.start() < x.end]
    if len(village) == 1 and len(inside) == 1 and village[0].level == "village":
        model_places.named_place(places, m.group(2), "village", "villager-group", village[0].name).mentions.append(
            Span(m.group(2), m.start(2), m.end(2)))


# A railway or bus station named by the town or city it serves (那曲站, 甘旗卡站, 济南西站, 武汉火车站).
# So is a forest-fire or straw-burning checkpoint, a hydrological, pumping or heat-exchange station named by its place
# (紫溪山森林防火检查站, 湖西秸秆禁烧检查站, 茹河水文站, 北苑换热站; an overload checkpoint, 望洪公路治超检查站; a police
# checkpoint at a border between provinces, 金泽公安检查站; a road checkpoint, 白石公路检查站; a weather or seismic station,
# 拜泉县农业气象站, 芦山县地震监测站).
_STATION_KIND = (r"(?:(?:(?:汽车客运|火车|高铁|客运|汽车)?[东西南北]?|(?:(?:森林草原|森林)?防火|秸秆禁烧|治超|超限|农资|公安|治安|边防"
                 r"|动物防疫|木材|公路(?:治超)?)?检查|水文|提灌|电灌|排涝|抽水|泵|换热|(?:农业)?气象|(?:地震)?监测|翻水)站|(?:汽车)?客运(?:中心|枢纽))")  # (常山县客运中心: a bus terminal by another name)
_STATION = lazy_pattern.compile(_STATION_KIND + "$")
# …and one that what was looked at there follows (察看汉阴站|周边排水设施, 双辽站|粮食集港运输, …检查站|值守情况), the kind
# running into no longer word (站长, 站点, 站台, 站内).
_STATION_BEFORE_WHAT = lazy_pattern.compile(_STATION_KIND + "(?![长点台内务房前区所])")
# (a listed site of the same name, 黄龙 of 黄龙汽车客运站, was read there as the scenic area it names elsewhere; a river or
# mountain the NER read untyped, 茹河 of 茹河水文站)
_STATION_LEVELS = frozenset(("city", "district", "town", "site", None))


def _post_named(stem: str, kind: str) -> bool:
    """Whether a checkpoint's or hydrological station's stem names it (紫溪山|森林防火检查站, 茹河|水文站): a name of two to
    five characters ending as a place's does, the dictionary holding no common word of it (not 县卫生|检查站, 公路|检查站)."""
    if not kind.endswith(_POST_KINDS) or not 2 <= len(stem) <= 5 or _NAME.fullmatch(stem + "站") is None \
            or stem[0] in "县市区镇乡村省州" or (len(stem) == 2 and stem[0] in "沿环临傍靠近"):
        return False  # (沿湖|排涝站: where the station lies, no name)
    words = segment(stem)
    if len(words) >= 2 and len(words[-1]) == 1 and words[-1] in _TOPONYM_LAST and len(stem) >= 3:
        return True  # 樟树|岭|提灌站, 大风|顶|森林防火检查站: the words before a landform's character name the landform
    if len(words) == 1 and len(stem) >= 3 and stem[-1] in _MOUNTAIN_OR_WATER and stem[0] not in _NOT_NAME_CHARS:
        return True  # 笔架山|森林防火检查站: a mountain's or a river's name jieba holds as one common word (笔架山, 凤凰山)
    if len(words) == 2 and len(words[0]) == 1 and len(stem) == 3 and stem[-1] in _MOUNTAIN_OR_WATER \
            and words[0] not in _NOT_NAME_CHARS and words[0] not in _NOT_HEAD_CHARS:
        return True  # 金|钟山|森林防火检查站: a character before a mountain's or river's word names another one
    if len(stem) == 2 and ((stem[0] in _MOUNTAIN_OR_WATER and stem[1] in "东西南北") or (
            stem[0] in "东西南北" and stem[1] in _OLD_TOWN_PARTS)):
        # 湖西|秸秆禁烧检查站, 河东|检查站, 北关|换热站: a locality named by its side of a lake, river or hill, or the
        # quarter by an old town's gate (北关, 南门), however often the dictionary counts the word
        return True
    if len(stem) >= 3 and stem[0] in _ELDER_CHARS and stem[-1] in _TOPONYM_LAST and stem[-1] not in "村寨屯" \
            and jieba_freq().get(stem, 0) < COMMON:
        return True  # 老|界岭|森林防火检查站, 大|青沟|…: 老, 大, 小 open many a ridge's or gully's name (not 小山村)
    if len(stem) == 2 and kind.endswith("检查站") and jieba_freq().get(stem, 0) < COMMON_STEM \
            and stem[1] not in _MEASURES and tag_table().get(stem, "ns").startswith("ns"):
        # 三衢|公路检查站, 东岭|检查站: two characters that make no common word, or only a place's, name the checkpoint
        # (临时, 交通, 县级 are words; 护林, a rarer one, says what the post is for)
        return True
    if stem[0] in _NOT_NAME_CHARS:
        return False
    if len(stem) >= 4 and looks_transliterated(stem):
        return True  # 巴彦乌拉|森林防火检查站: a Mongolian, Tibetan or Uyghur place's name, spelt in sounds
    if words[-1] in _LANDFORM_WORDS and len(words) > 1:
        words = words[:-1]  # 哇尔依|草原|防火检查站: a grassland named by a word no dictionary holds
    elif stem[-1] not in _TOPONYM_LAST:
        return False  # (护林|检查站: what the checkpoint is for, no place's name)
    freq = jieba_freq()
    return not any(len(w) >= 2 and freq.get(w, 0) >= COMMON_STEM for w in words)


# Measure words that count checkpoints after a numeral (三处|检查站, 两道|检查站): no name.
_MEASURES = frozenset("个处道座家所批支级类名")


# Characters that describe before a common word (老|房子, 大|水库) but open a landform's name as often (老界岭, 大青山).
_ELDER_CHARS = frozenset("老大小")
# Characters that are words of a sentence before a name (在, 到, 和, 沿), never its first.
_NOT_HEAD_CHARS = FUNCTION_CHARS | frozenset("沿经")


# Words for a kind of land a checkpoint may be named by after its proper name (哇尔依|草原).
_LANDFORM_WORDS = frozenset(("草原", "林场", "牧场", "湿地", "林区"))


# How a place's name that a checkpoint is named by ends: a mountain, a river, a pond, a pass … (紫溪山, 茹河, 折多塘).
_TOPONYM_LAST = frozenset("山岭峰顶河江溪塘沟口坪湾桥坝村寨屯岗坡洼垭梁峪关湖海岛")
# The parts of an old town a quarter is named by with its side (北关, 南门, 东街).
_OLD_TOWN_PARTS = frozenset("关门街")
# The last characters of a mountain's or a water's name, which a word jieba knows still names (not 出入口, 立交桥).
_MOUNTAIN_OR_WATER = frozenset("山岭峰河江溪湖")
# The kinds of post or station a place's name names (a checkpoint, a hydrological or pumping station).
_POST_KINDS = ("检查站", "水文站", "提灌站", "电灌站", "排涝站", "抽水站", "泵站", "换热站", "气象站", "监测站", "翻水站")


def station_kind_only(name: str) -> bool:
    """Whether ``name`` is a station's kind alone, no name of its own (森林防火检查站, 水文站)."""
    return _STATION.fullmatch(name) is not None


def _add_stations(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool],
                  stops: list[tuple[regex.Match, list[tuple[int, int]]]]) -> None:
    """A stop of a tour that is a division's name, as the article writes it elsewhere or as the stem of a county or
    township it writes in full, then a station's kind (又在…和|那曲站看望…, 在|甘旗卡站，…): the station, a site; a
    mention of the division there becomes the station's."""
    opens = {m.start: (p, m) for p in places.values() if p.level in _STATION_LEVELS for m in p.mentions}
    stems = division_stems(places, county_cities=True)
    for _cue, items in stops:
        for s, e in items:
            kind = _STATION.search(text, s, e) or _STATION_BEFORE_WHAT.search(text, s, e)
            if kind is None or in_person(s, e):
                continue
            e = kind.end()  # (察看汉阴站|周边排水设施: what was looked at there follows the station)
            at = kind.start()
            if (town := opens.get(s)) is not None and town[0].level in ("town", "district") \
                    and town[1].text == town[0].name and town[1].end < at - 1:
                s = town[1].end  # 在西邑镇|马耳山森林防火检查站: the township written in full is where the post lies
            if text[at] in "东西南北" and (opened := opens.get(s)) is not None and opened[1].end == at + 1:
                at += 1  # 苍南|站: the compass character ends the place's name, no 南站 (a south station)
            model_places.drop_untyped_within(places, at, e)  # (涪陵|北站: the NER's untyped read of the kind)
            # (西瓦尔图|森林草原防火检查站: a region the suffix rule read across the stem into the kind is the post's)
            model_places.drop_mentions_where(places, lambda p, m, lo=s, hi=e, k=at: p.level == "region"
                                             and lo <= m.start < k < m.end <= hi)
            if model_places.mention_index(places).overlaps(at, e) or at - s < 2:
                continue
            opened = opens.get(s)
            if opened is not None and opened[1].end == at:
                place, m = opened
                # (杜家村镇|森林防火检查站: a county or township written in full stays a place of its own)
                if not (m.text == place.name and place.level in ("district", "town")):
                    place.mentions.remove(m)
                    model_places.drop_empty(places)
            elif (text[s:at] not in stems and not _road_post(text[s:at], stems)
                  and not _named_post(places, text, s, at, kind.group())) or (
                    model_places.mention_index(places).overlaps(s, e)
                    and not model_places.drop_mentions_within(places, s, e, short_only=True)):
                continue  # (甘旗|卡站: a park's short form read inside the station's name is none)
            name = text[s:e]
            model_places.named_place(places, name, "site", "visited-site").mentions.append(Span(name, s, e))


def _road_post(stem: str, stems: dict[str, int]) -> bool:
    """库尔特|公路|检查站: a checkpoint on a road named by a township the article writes in full (库尔特乡) is named by both;
    so is one at a river's crossing (长兴集|黄河|治超检查站)."""
    return next((stem[: -len(road)] for road in _ROADS if stem.endswith(road)), None) in stems or (
        len(stem) >= 4 and stem[-1] in "河江" and any(stem[: -k] in stems for k in (2, 3)))


# A road a checkpoint stands on, after the place it is named by (库尔特公路, 红旗国道).
_ROADS = ("公路", "国道", "省道")


def _named_post(places: dict[str, Place], text: str, s: int, at: int, kind: str) -> bool:
    """Whether the checkpoint's stem [s, at) names it; the stem's reading as a region of its own (哇尔依草原, by the
    grassland's suffix) is then the checkpoint's."""
    # (冠豸山|站: a scenic area or mountain the lists hold names a station by it)
    if not (_post_named(text[s:at], kind) or _site_stem(places, text[s:at]) or _community_stem(places, text[s:at], kind)
            or (at - s >= 3 and localities.is_site(text[s:at]))):
        return False
    model_places.drop_mentions_where(places, lambda p, m: s <= m.start and m.end <= at and p.level == "region")
    return True


def _community_stem(places: dict[str, Place], stem: str, kind: str) -> bool:
    """兴华社区和|兴华|换热站: a post named by the stem of a community or village the article names (a heat-exchange
    station serves its quarter, a checkpoint stands at its village), whatever its words."""
    return len(stem) >= 2 and kind.endswith(_POST_KINDS) and any(
        p.level == "village" and p.name in (stem + "社区", stem + "村") for p in places.values())


def _site_stem(places: dict[str, Place], stem: str) -> bool:
    """二克山|森林防火检查站 beside 二克山景区: a post named by the stem of a site or park the article names (whatever its
    words: 二 opens no name otherwise) is named by that site."""
    return len(stem) >= 2 and any(p.level in ("site", "park") and p.name != stem and p.name.startswith(stem)
                                  and p.name[len(stem):] in _SITE_KINDS for p in places.values())


# The kinds a site's name ends in after its stem (二克山|景区).
_SITE_KINDS = frozenset(("景区", "风景区", "旅游区", "国家森林公园", "森林公园", "湿地公园", "自然保护区", "林场"))


def _after_locative(text: str, start: int, end: int) -> int:
    """Where a stop's name starts after a common word of two characters or more that says where it lies (县城|富兴社区,
    城区|…): the rest, of three characters or more, is the name."""
    words = segment(text[start:end])
    if not words:
        return start  # (各方代表陆续抵达。: a cue with no item after it)
    first = words[0]
    if len(first) >= 2 and end - start - len(first) >= 3 and jieba_freq().get(first, 0) >= COMMON and \
            tag_table().get(first, "") in ("s", "n", "ns", "f") and not first.endswith(("村", "社区", "嘎查")):
        # (新塘村|竹山组: a village jieba knows whole, before its group, says no more where the item lies)
        return start + len(first)
    return start


def _table_tail(text: str, places: dict[str, Place], start: int, end: int, item_end: int) -> bool:
    """Whether every mention inside the stop's village [start, end) is a village the table lists that only ends it,
    under no township the article names, and what opens the item before it is no word of its own (和博|王府社区: a
    王府社区 of some other county, not this stop; not 县城|瑞丰社区, where the common word says where the community is).
    The villagers' group after the village, up to ``item_end``, is the group's (走进石|拉哈村|东梁组)."""
    towns = {p.name for p in places.values() if p.level == "town"}
    hits = [(p, m) for p in places.values() for m in p.mentions if m.start < item_end and start < m.end
            and not (m.start >= end and p.evidence == "villager-group")]
    return all(m.end == end and m.start > start and p.level == "village" and p.evidence == "village-table"
               and p.parent not in towns and (m.start - start == 1 or not jieba_freq().get(text[start : m.start]))
               for p, m in hits)


def _listed_sites(text: str, places: dict[str, Place], openers: dict[int, int], ends: set[int], stems: dict[str, int],
                  in_person: Callable[[int, int], bool]) -> list[tuple[int, int, bool]]:
    """Sites a list names without a visit verb (统筹九宫山、隐水洞、赤壁古战场; 岳飞庙、道口古镇和文峰塔、袁林等):
    an item after the first that is shaped as a site, where at least two other items of the list end in a place
    or site found already or are so shaped themselves, one at least found already. The first item is not read
    (what opens the clause runs into it: 统筹九宫山). A list of which two items are people's names is a list of people
    (…贺国强、刘云山、张高丽…: a name ends in 山 or 峰 as a hill does)."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    while (two := _TWO_COMMAS.search(text, pos)) is not None:  # (only clauses with two 、 hold such a list)
        lo = two.start()
        while lo > 0 and text[lo - 1] not in _CLAUSE_CHARS:
            lo -= 1
        stop = _CLAUSE_END.search(text, two.end())
        pos = stop.end() if stop else len(text)
        items = [(s, _trimmed(text, s, e)) for s, e in _items(text, lo)]
        if len(items) < 3 or not any(text[e - 1] in _ENDING_LAST for s, e in items[1:] if e > s) \
                or sum(1 for s, e in items if e > s and in_person(s, e)) >= 2:
            continue
        shaped = [None, *(_site(text, s, e, openers, stems) for s, e in items[1:])]
        support = sum(1 for (_s, e), x in zip(items, shaped, strict=True) if x or e in ends)
        # (a list of shaped items alone may be of abstract nouns: 国家观、文化观、民族观; 证据关、起诉关)
        if support >= 3 and any(e in ends for _s, e in items):
            # (…、龙岩都建有机场, 天津至大兴国际机场: an airport is a stop a visit names, not a list's item)
            out.extend(x for x in shaped if x is not None and not text.endswith("机场", x[0], x[1]))
    return out


def _superseded(places: dict[str, Place], start: int, end: int, text: str) -> bool:
    """Whether every mention the site [start, end) overlaps lies inside it and is a part of its name: a place no
    division stands for (a river or a mountain the NER found untyped: 辽河|老街; a site it found short:
    自贡|恐龙博物馆), or a division's short form right after its full name (珠玑镇|珠玑古巷: the site is named after
    its township), or a county's or township's short form (金牛|古道: two characters of a site's name are no
    reference to 金牛区). A division's full name, and a city's or province's short form, keep their own place
    (扬州|东关街 stays two), and a site the item only qualifies keeps its name (北庭故城|遗址 is 北庭故城). A hall
    named for a theme (纪念馆, 博物馆) takes the province's or city's short form into its name (西藏|百万农奴解放纪念馆):
    such a name is written whole, the place before the theme; so is a pass's fortress (嘉峪关|关城)."""
    # (拉萨|贡嘎国际机场: an airport is named with its city's, as a themed hall is)
    hall = (text.endswith(_HALL_ENDINGS, start, end) and end - start >= HALL_NAME) or text.endswith("机场", start, end)
    # (吉林|台|水库: a state's or city's short form and one more character before a kind of two characters or more name
    # the site, not the state; not 安徽|南陵, 重庆|璧山: a county's short form after the province's, ending as a site does)
    kind = _ending(text, start, end)
    glued = end - len(kind) - 1 if len(kind) >= 2 else -1
    # (广东|第一峰景区: a superlative after the province's short form names the site whole, as 天下|第一峰 does)
    # (嘉峪关|关城: a pass's fortress is named by the pass, whatever city or district took the pass's name)
    fortress = text.endswith("关城", start, end)
    for p in places.values():
        ends = {m.end for m in p.mentions}
        for m in p.mentions:
            if m.end <= start or end <= m.start:
                continue
            if m.start < start or end < m.end or (m.start, m.end) == (start, end):
                return False
            if p.level in _DIVISION_LEVELS or p.level == "country":
                short = m.text != p.name
                if not (short and (m.start in ends or p.level in _LOW_DIVISIONS or (
                        m.start == start and (hall or m.end == glued or text.startswith("第一", m.end))))) and \
                        not (fortress and m.start == start and m.text.endswith("关") and m.end == end - 2):
                    return False
            elif p.level is not None and (m.start == start or (m.end == end and p.evidence == "site-list")) \
                    and not (p.level == "site" and len(m.text) < len(p.name)):
                # (延庆|八达岭长城: a listed site is named whole; what opens the item is where it is; 克孜尔水库's short
                # form 克孜尔 opening 克孜尔千佛洞 is the other site's)
                return False
    return True


def _cue_items(text: str, cue: regex.Match) -> list[tuple[int, int]]:
    """The stops a cue names: the one name of 又在…察看, else the items of the clause after it, up to a visit verb that
    follows a move with no comma between (来到鹤立站|了解…: what is looked into there is no stop), and without the part
    of a reservoir looked at there."""
    if _AT_VERB.owns(cue):
        return list_items(text, *cue.span(1))
    items = _items(text, cue.end())
    if items and _FIRMS_LISTED.search(text, items[-1][0], items[-1][1]):
        return []  # 来到东风、比亚迪、…、小鹏等品牌展区: a list its 等 closes as brands or firms names no stops
    if items and _CUE.owns(cue) and cue.group().rstrip("起了") in _MOVE_CUES:
        # (来到…桥墩段及|苍南站|察看河道…和…: a later item may end in the verb too; what follows it is no stop)
        verb = next((v for s, e in items if (v := _VERB_AFTER_STOP.search(text, s + 2, e)) is not None), None)
        if verb is not None:
            return list_items(text, items[0][0], verb.start())
    return [(s, part.start() if (part := _PART_OF_SITE.search(text, s, e)) is not None and part.end() == e else e)
            for s, e in items]


# What closes a list of firms, brands or bodies after 等 (…小鹏|等品牌展区, …等企业, …等高校).
_FIRMS_LISTED = lazy_pattern.compile(r"等(?:\p{Han}{0,4}?)(?:品牌|企业|公司|车企|厂商|展台|展位|单位|机构|高校|院校|银行|集团)")


# A part of a reservoir or dam looked at there, after its name (察看|羊窝子水库|溢洪道和坝体安全): the stop is the
# reservoir.
_PART_OF_SITE = lazy_pattern.compile(r"(?<=水库|水电站|枢纽|大坝)(?:溢洪道|泄洪闸|泄洪洞|坝体|坝顶|主坝|副坝|闸门|库区|大坝)")


# A verb of what was done at a stop, which ends the stop's name where no comma does (来到鹤立站|了解, 来到…水库|察看).
_VERB_AFTER_STOP = lazy_pattern.compile(_STOP_VERBS + "|查看|详细")


def _items(text: str, pos: int) -> list[tuple[int, int]]:
    """The list items of the clause from ``pos``: what 、 和 与 及 separate, up to the clause's end; an item that names an
    area and then a site inside it by the same stem (通天寨景区|通天寨森林防火检查站) is two."""
    stop = _CLAUSE_END.search(text, pos)
    return [part for s, e in list_items(text, pos, stop.start() if stop else len(text)) for part in _area_then_site(text, s, e)]


# The kinds of area a site inside is written right after, named by the area's own stem (通天寨景区|通天寨…检查站).
_AREA_KINDS = lazy_pattern.compile(r"风景名胜区|风景区|景区|林场|自然保护区|保护区|度假区")


def _area_then_site(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """[s, e) cut after an area's kind where what follows opens with the area's first two characters, else whole."""
    for m in _AREA_KINDS.finditer(text, s + 2, e):
        if m.end() + 2 < e and text[m.end() : m.end() + 2] == text[s : s + 2]:
            return [(s, m.end()), (m.end(), e)]
    return [(s, e)]


def _ending(text: str, start: int, end: int) -> str:
    """The longest site ending [start, end) ends in ("" for none)."""
    return next((k for k in _ENDINGS if text.endswith(k, start, end)), "")


def _weak(text: str, start: int, end: int) -> bool:
    """Whether the site's name ends in a weak ending (风雨廊|桥|修缮: what is repaired may be a kind of bridge)."""
    return _ending(text, start, end) in _WEAK_ENDINGS


def _plain_stem(text: str, start: int, end: int) -> bool:
    """Whether the site's stem is a noun the dictionary knows but not a very common one (石门|峪, 杜鹃|坪; not 得胜|口, a
    verb, nor 中心|广场: a weak ending after a common word is a kind, nor a word the dictionary holds whole: 步行街)."""
    ending = _ending(text, start, end)
    stem = text[start : end - len(ending)]
    freq = jieba_freq()
    common = freq.get(stem, 0) >= PLAIN_STEM and ending not in _ANY_WORD_NAMES
    return ending not in _WEAK_ENDINGS and not common and freq.get(text[start:end], 0) == 0 and (
        ending in _VIRTUE_NAMES or not _verbs_only(stem))


# Temples are named by a virtue or a deed as often as by a place (感恩寺, 报恩寺, 兴教寺): a verb is a name there.
_VIRTUE_NAMES = frozenset(("寺", "庙", "祠"))
# Kinds a place is named by with any word, however common (红旗|水库, 胜利|水库, 上游|水库; 感恩|寺, 报恩|寺): the one a
# move goes to is a name.
_ANY_WORD_NAMES = frozenset(("水库",)) | _VIRTUE_NAMES


def _verbs_only(stem: str) -> bool:
    """得胜|口, 防火|瞭望|塔: a stem of verbs says what the thing is for, a kind, no name."""
    tags = tag_table()
    return all(tags.get(w, "").startswith("v") for w in segment(stem))


def _named_part(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of a list item that may name a site: after a village or township and 的 that say where it lies
    (举水乡月山村的|如龙桥), before a tail (周边, 等)."""
    if (owner := _OWNED.match(text, start, end)) is not None:
        start = owner.end()
    return start, _trimmed(text, start, end)


def _trimmed(text: str, start: int, end: int) -> int:
    """Where the item's name ends: before a tail (周边, 等) that follows it."""
    tail = _TAIL.search(text, start, end)
    return tail.start() if tail else end


_SITE_SUFFIXES = frozenset(_WORDS["site-suffix"])


# A word's tags that make it a plain word, not a name or an abbreviation (八大 is j).
_PLAIN_TAGS = frozenset(("n", "vn", "an", "a", "ad", "b", "v", "d"))


def _common_end(name: str, ending: str) -> bool:
    """Whether a word of the dictionary, not a name, ends ``name`` with its ending: a kind of building or
    monument (实训|教学楼, 革命烈士|纪念碑, 值班|岗亭, 溢洪道|闸门) or a verb (中欧班列|通关). A name's ending stands
    alone after its stem (大散|关, 好太王|碑, 朱家|花园), or makes a rare word with the stem's last character
    (医圣|祠: 圣祠, 荣国|府: 国府)."""
    freq = jieba_freq()
    short, long = name[-len(ending) - 1 :], name[-len(ending) - 2 :]  # the ending with one, two of the stem's
    if len(ending) == 1 and short[0] in "大古" and ending in _SHRINES and tag_table().get(name[: -len(short)], "") == "ns":
        return False  # 南岳|大庙, …|古寺: a shrine the place before names, not the common word for a big temple
    if len(name) - len(long) >= 3 and name[: -len(long)] in gazetteer.load().surfaces:
        return False  # (喀喇沁|亲王府: a division's name of three characters or more before the common word names one)
    if len(long) < len(name) and freq.get(long, 0) > 0:
        return True
    head = name[: -len(short)]
    if len(head) >= 2 and freq.get(short, 0) > 0 and freq.get(head, 0) >= COMMON_STEM \
            and tag_table().get(head, "") in _PLAIN_TAGS:
        return True  # 智能|卡口: a common word, no name, before a word the ending makes (北京|西站, 八大|公山 are names)
    tag = tag_table().get(short, "")
    # (三|苏园: in a name of three, a word the dictionary holds as a place's name is no kind of building)
    return (freq.get(short, 0) >= ENDING_WORD and not (tag == "ns" and len(name) == 3)) or tag.startswith("v")


def division_stems(places: dict[str, Place], county_cities: bool = False) -> dict[str, int]:
    """The stems of the counties and townships written in full (名山镇 → 名山, 可乐彝族苗族乡 → 可乐), each with where
    it is first written; with ``county_cities``, a county-level city's too (大理市 → 大理: a station is named so, 大理站,
    where a site's name the city's stem opens is as often the city's own, 大理古城)."""
    out: dict[str, int] = {}
    for p in places.values():
        if p.level in _LOW_DIVISIONS:
            for m in p.mentions:
                stem = _DIVISION_STEM.fullmatch(m.text) or (_COUNTY_CITY_STEM.fullmatch(m.text) if county_cities else None)
                if stem is not None and out.get(stem.group(1), m.start + 1) > m.start:
                    out[stem.group(1)] = m.start
    return out


def _chain_openers(text: str, places: dict[str, Place], openers: dict[int, int]) -> None:
    """A province's or city's short form before a division written in full, or before another such short form, opens
    the item too (河南|安阳|林州市红旗渠纪念馆, 上海|奉贤区博物馆): the places written before a body's name say where it is,
    and the site is named after them. Not before a short form alone (江西南昌新四军军部旧址陈列馆, 贵州雷山千户苗寨: the
    short form may open the site's own name)."""
    surfaces = gazetteer.load().surfaces
    chain = sorted((m.start, m.end) for p in places.values() if p.level in ("province", "city") for m in p.mentions
                   if m.start not in openers)
    provinces = {m.start for p in places.values() if p.level == "province" for m in p.mentions}
    held = {m.start: m.end for p in places.values() if p.level in _OPENER_LEVELS for m in p.mentions}
    for start, end in reversed(chain):  # (the later link first: 河南's follower 安阳 is an opener by then)
        nxt = _DIVISION_PREFIX.match(text, end)
        if end in held and end not in openers and held[end] < len(text) \
                and _NAME.match(text, held[end]) is not None:
            # 辽宁|抚顺|平顶山惨案纪念馆, 山西|临汾|洪洞|大槐树景区: a province or city and a short form a place holds
            # all say where the site is (the first locates the body; the body named after the next keeps it a place)
            openers[end] = held[end]
        if end in openers or (nxt is not None and nxt.group() in surfaces) or (start in provinces and end not in held
                                                                               and any(text[end : end + n] in surfaces for n in (2, 3))):
            # (河南|安阳红旗渠纪念馆: a short form the body's name holds opens the site after the province)
            openers[start] = end


def _site(text: str, start: int, end: int, openers: dict[int, int], stems: dict[str, int]) -> tuple[int, int, bool] | None:
    """(start, end, named by an uncommon word) of the site the (trimmed) item names, or None."""
    before, in_town = "", False
    # (湖南省立|第一师范学校旧址: 省立, 市立 say who ran it; the division is part of the site's name)
    while openers.get(start, end) < end and text[openers[start] : openers[start] + 1] != "立":
        before = text[start : openers[start] - 1]  # the division's short form (珠玑镇 → 珠玑)
        in_town = text[openers[start] - 1] in "镇乡村"
        start = openers[start]  # 万荣县|荣河镇|后土祠: each division written in full is a place of its own
    if end <= start or text[end - 1] not in _ENDING_LAST:
        return None
    name = text[start:end]
    if _NAME.fullmatch(name) is None or (name.startswith(_NOT_FIRST) and not _paddy_name(name)) or "的" in name \
            or "某" in name:
        return None  # (空军某机场: a site the news leaves unnamed)
    ending = _ending(name, 0, len(name)) or None
    if ending is None or jieba_freq().get(name, 0) >= COMMON or (len(name) > LONG_NAME and len(ending) < 2):
        return None
    if len(name) > LONGEST_SHORT_ENDING and len(ending) < 3:
        return None
    if _common_end(name, ending):
        return None
    if (prefix := _DIVISION_PREFIX.match(name)) and len(name) - prefix.end() >= len(ending) + 2:
        # 眉县|扶眉战役纪念馆, 马坝镇|南华寺: a county or township the gazetteer missed opens the item
        before, start = prefix.group()[:-1], start + prefix.end()
        name = text[start:end]
    elif ending == "机场" and (state := next((k for k in range(2, 6) if countries().get(name[:k]) == name[:k]), 0)) and \
            len(name) - state >= len(ending) + 2:
        start += state  # 韩国|仁川机场, 比利时|列日机场: the state is a place of its own, the airport named by its town
        name = text[start:end]
    stem = name[: -len(ending)]
    if len(stem) < 2 or stem in _GENERIC_STEMS:
        return None  # (古闸|遗址: a kind of relic, whatever the list beside it)
    if ending in SCENIC_KINDS and _opens_with_verb(name) and name[:2] not in gazetteer.load().surfaces:
        # 来到石台县|看|天鹅湖景区: the verb says what the visit did there (the park rule reads 望|天洞景区). Only
        # before a scenic area's kind, which follows any phrase: a verb opens many a lake's or peak's name (落|雁湖); not
        # where the first characters are a place's name the tables hold (错那|湖景区: 错那 is a county's)
        return None
    if ending == "口" and stem.endswith(("河", "江")):
        return None  # (辽河|口: a river's mouth is a region of the river, not a site)
    if ending == "大院" and stem.endswith(("委", "政府", "机关")):
        return None  # (老村委|大院, 县委|大院: a body's compound, not a family's courtyard house such as 乔家大院)
    # A site named after the township or county just written before it (珠玑镇|珠玑古巷) is named, common stem or not,
    # and so is one a township written in full opens (街子镇|骆驼泉: where it lies, so a name, however common its words).
    # So is one named after a county or township written in full earlier (萝北县名山镇，登上|名山岛; 来到可乐彝族苗族乡，察看
    # 可乐遗址): the stem is that division's, however common a word it is.
    placed = in_town or text.endswith(_OWNER_ENDS, 0, start)
    if ending in _WEAK_ENDINGS:
        # 园, 寨, 桥 end kinds as often as names (脐橙园, 彝家新寨, 风雨廊桥): only a township or village that opens the
        # item (茨芭镇|三苏园, 月山村的|如龙桥) or the list beside it (千户藏寨和…) says it is a name; so does the stem of a
        # county or township written in full before that opens it (来到色尔古镇，走进|色尔古|藏寨: the township's)
        return start, end, (placed or _opened_by_stem(stem, stems, start)) and len(name) <= LONGEST_SHORT_ENDING
    named = _named(stem, ending, len(name) > LONGEST_SHORT_ENDING) or (len(before) >= 2 and stem.startswith(before)) \
        or (placed and len(name) <= LONGEST_SHORT_ENDING) or stems.get(stem, end) < start
    return start, end, named


# 那 opens a demonstrative (那座水库, 那片林场) before a measure word or a locative, and a Zhuang or Dai place's name
# (那汉水库, 那坡, 那曲: "paddy field") before any other character.
_DEMONSTRATIVE_NEXT = frozenset("个些里边座条片处种样时位家所块栋道")


def _paddy_name(name: str) -> bool:
    return name[0] == "那" and name[1] not in _DEMONSTRATIVE_NEXT


def _opened_by_stem(stem: str, stems: dict[str, int], start: int) -> bool:
    """Whether a division's stem written in full before ``start`` opens ``stem`` and leaves a word after it."""
    return any(len(x) >= 2 and len(stem) > len(x) and stem.startswith(x) and at < start for x, at in stems.items())


def _opens_with_verb(name: str) -> bool:
    """Whether a one-character verb is the name's first word (看|天鹅湖景区)."""
    first = segment(name)[0]
    return len(first) == 1 and tag_table().get(first, "") == "v"


def _named(stem: str, ending: str, long: bool = False) -> bool:
    """Whether the stem names the site by itself. An ending of its own kind (纪念馆, 遗址) closes descriptions
    too (抗战|交通|遗址, 红色|教育|纪念馆), so there a word of the stem must be a place's or a body's (南湖|革命,
    新四军|军部) or rare (三湾|改编, 马坝人); under a one-character ending a stem no common word spells will do.
    A ``long`` stem holds some rare word by chance (新时代|党员干部|红色教育): only a place's or a body's names it."""
    freq = jieba_freq()
    if len(ending) < 2:
        return freq.get(stem, 0) < COMMON_STEM and not _verbs_only(stem)
    tags = tag_table()
    words = segment(stem)
    if not long and len(words) > 1 and all(len(w) == 1 for w in words) and freq.get(stem, 0) == 0 \
            and not any(c in _NOT_NAME_CHARS for c in stem):
        return True  # 钧|官|窑址: a stem the dictionary spells with no word of two characters is a name it lacks
    return any(tags.get(w, "") in _PROPER_TAGS or (not long and freq.get(w, 0) < RARE_WORD) for w in words)
