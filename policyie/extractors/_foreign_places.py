"""Foreign places that no table lists, read from the characters after the country they are in.

A news item puts a foreign city right after its country, and the two after a word of place or motion:
在丹麦|霍森斯举行, 抵达尼泊尔|勒利德布尔市, 在俄亥俄州|克利夫兰市. No list holds every such town, and the
statistical NER often reads the transliteration as a person (奇姆肯特) or stops a character short (特罗姆|瑟).
Three signals together make the run a place, each of which alone would not: the leading word (在, 抵达 …),
the state mentioned right before, and characters typical of transliterated names (`name_runs.translit_odds`)
up to a word that is no part of a name (举行, 召开, 隆重, 拉开). Evidence ``translit``.

A foreign state's or body's longer name (lexicons/countries.tsv) holds no place of its own: 西非|国家经济共同体 and
海湾|阿拉伯国家合作委员会 name bodies, whatever region the first words are (`inside_foreign_name`).
"""

from __future__ import annotations

from collections.abc import Callable, Container
from functools import cache

import regex

from policyie import gazetteer, lazy_pattern, lexicons
from policyie.extractors._foreign import HOME_STATE, countries
from policyie.extractors._literals import Literals
from policyie.extractors._localities import is_site
from policyie.extractors._model_places import (
    add_bare_mentions,
    drop_mentions_where,
    drop_mentions_within,
    drop_untyped_within,
    han_only,
    mention_index,
    named_place,
)
from policyie.extractors._people import looks_transliterated
from policyie.extractors._spans import SpanIndex, occurrences
from policyie.name_runs import TYPICAL_TRANSLIT, translit_odds
from policyie.nlp import Analysis, Token, tag_table, word_freq
from policyie.records import Place, Span

EVIDENCE = "translit"
_WORDS = lexicons.lists("place_words.tsv")
# A word of place or motion right before the state: the run after the state is where something is or goes.
_LEAD = lazy_pattern.compile("(?:" + "|".join(map(regex.escape, _WORDS["foreign-lead"])) + ")$")
# What may stand between the state and its town.
# (喀麦隆|南部港口城市|克里比: a compass part of the state may come first)
_BETWEEN = lazy_pattern.compile(
    "(?:[东南西北中]{1,2}部)?(?:" + "|".join(map(regex.escape, sorted(_WORDS["foreign-between"], key=len, reverse=True))) + ")")
_NOT_AFTER = frozenset(_WORDS["foreign-not-after"])
_FACILITY_AFTER = tuple(_WORDS["foreign-facility-after"])
# A character whose odds are above this may continue a run (兰|开|斯特); the run as a whole must average
# MIN_MEAN (typical syllables score 2–5; Han words' characters below 0), a two-character one more.
_CHAR_FLOOR = -2.5
_MIN_MEAN, _MIN_MEAN_2 = TYPICAL_TRANSLIT, 3.0
_MIN_MEAN_JOINED = 1.0
_MAX_LEN = 8
# A division word right after the run belongs to the town's name (勒利德布尔市, 哈塔伊省, 杜伊斯堡港).
_SUFFIX = "市县省州郡港"
# A division word whose own office or council follows names the town or province before it (欧登塞市|市长, 凯里乔郡|郡长).
_DIVISIONS = "市省州郡"
# jieba tags of words that are no part of a name: the run stops before such a word that it runs into
# (霍森斯|隆重举行).
_NOT_NAME_TAGS = frozenset("vadpcuf")


# What joins a second town to the first (在米兰和科尔蒂纳丹佩佐).
_JOINERS = "和、及与"


def foreign_states(places: dict[str, Place]) -> list[Place]:
    """The states other than China the article's places hold."""
    return [p for p in places.values() if p.level == "country" and p.name not in HOME_STATE]


def _state_mention_ending_at(places: dict[str, Place], end: int) -> tuple[Place, Span] | None:
    """The foreign state and its mention that end at ``end`` (荷兰|泽兰省, 毛里求斯|岛), or None."""
    return next(((p, m) for p in foreign_states(places) for m in p.mentions if m.end == end), None)


def _right_after_state(places: dict[str, Place], start: int) -> bool:
    return _state_mention_ending_at(places, start) is not None


def _anchors(text: str, analysis: Analysis, places: dict[str, Place]) -> list[tuple[int, str | None, bool]]:
    """(end, state, led) of each mention of a state, or of a foreign state's province (俄亥俄州): led where a word
    of place or motion leads it (a state alone is an anchor only for a run its division word closes)."""
    found = [(m.start, m.end, p.name) for p in foreign_states(places) for m in p.mentions]
    # (a foreign province from jieba's words or the model's spans: the merged entities may hold a longer span)
    spans = {(e.start, e.end) for e in (*analysis.lexicon, *analysis.ner) if e.label == "LOC" and text[e.end - 1] in "州省"}
    coded = SpanIndex([(m.start, m.end) for p in places.values() if p.code for m in p.mentions]).overlaps
    found += [(s, e, text[s:e]) for s, e in spans if _typical(text[s : e - 1]) or looks_transliterated(text[s : e - 1])
              or (e - s == 3 and translit_odds(text[s : e - 1]) >= TYPICAL_TRANSLIT and not coded(s, e))]
    # (and a foreign province a rule read, after its state or before its seat: 威斯康星州|麦迪逊市, 新泽西州|首府|特伦顿市)
    found += [(m.start, m.end, p.name) for p in places.values() if p.level == "province" and p.code is None
              and p.evidence == "after-state" for m in p.mentions if (m.start, m.end, p.name) not in found]
    # (圣菲|省: a stem of two syllables reads as sounds at the ordinary odds, where no place of China's is read there)
    led = [(start, end, state) for start, end, state in found if _LEAD.search(text, max(0, start - 2), start)]
    # 在米兰和|科尔蒂纳丹佩佐举行: a foreign town joined to one the lead word placed is a town too (its state
    # unsaid); a foreign town is one the tables list without a Chinese code.
    towns = [(m.start, m.end) for p in places.values() if p.level == "city" and p.code is None for m in p.mentions]
    led += [(start, end, None) for start, end in towns if _LEAD.search(text, max(0, start - 2), start)]
    anchors = [(end, state, True) for _, end, state in led]
    anchors += _role_anchors(text, places, found)
    anchors += [(end + 1, None, True) for _, end, _ in led if text[end : end + 1] in _JOINERS]
    anchors += [(end, state, False) for start, end, state in found if state and (start, end, state) not in led]
    return anchors


# How far back the state a town's role word (首府, 第二大城市) speaks of may stand, within its paragraph.
_ROLE_REACH = 150


def _role_anchors(text: str, places: dict[str, Place], found: list[tuple[int, int, str]]) -> list[tuple[int, str, bool]]:
    """(start, state, True) of a town's role word (首都, 首府, 第二大城市, 北部城市) no state stands right before, where the
    state or foreign province the article spoke of last in the paragraph is a foreign one (塔斯马尼亚州拥有…，首府|霍巴特和
    北部城市|朗塞斯顿): the word vouches for a town and the state is its parent. Not after a place of China's named since
    (the text has moved home); a bare 城市 describes too much to vouch for anything."""
    if not found:
        return []
    ends = {end for _, end, _ in found}
    home = sorted(m.end for p in places.values() if p.code is not None and p.level != "country" for m in p.mentions)
    out = []
    for m in _BETWEEN.finditer(text):
        if m.group() == "城市" or m.start() in ends or (m.start() and text[m.start() - 1] in "的个座"):
            continue  # (中国|的|首都, 一座|港口城市: no town's name follows a description)
        prior = max(((end, state) for _, end, state in found if end <= m.start()), default=None)
        if prior is None or m.start() - prior[0] > _ROLE_REACH or "\n" in text[prior[0] : m.start()]:
            continue
        if any(prior[0] < end <= m.start() for end in home):
            continue
        out.append((m.start(), prior[1], True))
    return out


def _joined_anchors(text: str, places: dict[str, Place]) -> list[tuple[int, str]]:
    """(start, state) of what follows a joiner after a listed foreign town no word of place leads (为多哈和|卢赛尔的…):
    a town there is one of the same state, where the list or the clause ends right after it (`_AFTER_JOINED`)."""
    return [(m.end + 1, p.parent) for p in places.values() if p.level == "city" and p.code is None and p.parent
            for m in p.mentions if text[m.end : m.end + 1] in _JOINERS + _ROUTE_JOINERS
            and not _LEAD.search(text, max(0, m.start - 2), m.start)]


# What joins a route's two ends (德黑兰|至|伊斯法罕|铁路, 雅加达—万隆高铁): the town after it is the route's other end.
_ROUTE_JOINERS = "至—"


# What may follow a town joined so: the list or clause goes on or ends (卢赛尔|的, 达尔文|之后, 萨马尔|两地) or the route
# the two towns end names (伊斯法罕|铁路), never more
# syllables (纳沃|伊, 科尔|蒂纳…: the run stopped short of the name's end).
_AFTER_JOINED = lazy_pattern.compile(r"[的等、和与及，,。；;]|两地|之后|之间|(?:高速)?铁路|高铁|公路|高速公路|航线|班列|(?:输油|输气)?管道")


# What an event did where it was held (论坛在|克萨尔特南戈|成功举办): the words before it after 在 name the venue's town.
_VENUE_RUN = lazy_pattern.compile(r"\p{Han}{2,8}?(?=(?:成功|隆重|顺利)?(?:举行|举办|召开|开幕|闭幕))")


def _venue_anchors(text: str, analysis: Analysis, places: dict[str, Place]) -> list[tuple[int, str]]:
    """(start, state) of the words between 在 and the verb of an event held there, in an article about one foreign
    state (第三届…论坛在|克萨尔特南戈|成功举办): a town there, though no state is written before it, is that state's, where
    the syllables run right up to the verb (not 在|威斯敏斯特|大教堂|举行, 在|达沃斯|论坛|举行: a building or an event)."""
    state = _only_state(foreign_states(places))
    if state is None or "在" not in text:
        return []
    return [(at + 1, state) for at in occurrences(text, "在")
            if (m := _VENUE_RUN.match(text, at + 1)) is not None and _run_end(text, analysis, at + 1) == m.end()]


# The last characters of a name that is no town's though events are held there as in towns: a water's or a landform's
# (在黑海|举行), a building's (在爱丽舍宫|举行), a division's above a town (在南达科他州|举行).
_NOT_TOWN_LAST = frozenset("海湖江河山岛湾洋峡宫馆厅堂府院楼场寺庙州省郡邦")
# The verb of an event held somewhere, right after the venue (在碧瑶|举办的…论坛).
_HELD = lazy_pattern.compile(r"(?:成功|隆重|顺利)?(?:举行|举办|召开|开幕|闭幕)")


def _venue_words(text: str, analysis: Analysis, places: dict[str, Place]) -> None:
    """在|碧瑶|举办的…论坛, 在|戴维|举办的…: in an article about one foreign state, a word jieba tags as a name (a person's
    to it: 戴维 is David, 碧瑶 a woman's name) that alone stands between 在 and the verb of an event held there is a town
    of that state, whatever its syllables read like: an event is held at a place, not at a person. A place of China's
    or a state the tables know is read by them (在北京|举办)."""
    state = _only_state(foreign_states(places))
    if state is None or "在" not in text:
        return
    surfaces = gazetteer.load().surfaces
    for at in occurrences(text, "在"):
        tok = analysis.token_at(at + 1)
        if tok is None or tok.start != at + 1 or len(tok.text) < 2 or not _name_word(tok) or not han_only(tok.text) \
                or tok.text in surfaces or tok.text in countries() or is_site(tok.text) or tok.text[-1] in _NOT_TOWN_LAST \
                or not _HELD.match(text, tok.end) or mention_index(places).overlaps(tok.start, tok.end):
            # (在黑海|举行演习: a sea, a palace, a state or a listed site is a venue of its own kind)
            continue
        named_place(places, tok.text, None, EVIDENCE, state).mentions.append(Span(tok.text, tok.start, tok.end))


def _name_word(tok: Token) -> bool:
    """Whether jieba's word is a name's: tagged so, or unknown to it and made of a transliteration's syllables (戴维)."""
    return tok.pos[:2] in ("nr", "ns", "nz") or (tok.pos == "un" and translit_odds(tok.text) >= TYPICAL_TRANSLIT)


def _done_there(analysis: Analysis, end: int) -> bool:
    """Whether a verb of two characters or more opens right at ``end`` (罗萨里奥|考察): what was done in the town, so
    the run of its syllables ended with the name."""
    tok = analysis.token_at(end)
    return tok is not None and tok.start == end and tok.end - tok.start >= 2 and tok.pos.startswith("v")


def _run_end(text: str, analysis: Analysis, start: int) -> int:
    """Where the transliterated run from ``start`` ends, before a word that is no part of a name."""
    end = start
    while end < len(text) and end - start < _MAX_LEN and translit_odds(text[end]) > _CHAR_FLOOR:
        end += 1
    # Back off over a word the run ran into whose tag says it names nothing, or that reaches past the run
    # (贝伦|拉开序幕: a word, not the name's last syllables).
    # A name jieba knows whole runs to its end (萨拉热窝: 窝 is no typical syllable).
    toks = analysis.tokens_in(start, end)
    for tok in reversed(toks):
        if tok.end == end + 1 and text[end] in _DIVISIONS:
            continue  # 凯里|乔郡|郡长: jieba glued the last syllable to the division word, which ends the name
        if tok.start > start and (tok.end > end or tok.end - tok.start >= 2 and (
                _names_nothing(tok.pos) or _common_noun(tok))):
            end = tok.start
    if toks and toks[0].start == start and toks[0].end > end and toks[0].pos[:2] in ("ns", "nr", "nz"):
        end = toks[0].end
    return end


# How often jieba's dictionary must count a noun for it to end a run as a word of its own (伊斯法罕|铁路: 铁路 is no
# syllable pair of a name).
_COMMON_NOUN_FREQ = 1000


def _common_noun(tok: Token) -> bool:
    return tok.pos == "n" and word_freq().get(tok.text, 0) >= _COMMON_NOUN_FREQ


def _names_nothing(pos: str) -> bool:
    # (``un``, a word jieba does not know, starts with u but is no particle: 科尔|蒂纳)
    return pos[:1] in _NOT_NAME_TAGS and pos != "un"


def _typical(name: str) -> bool:
    return len(name) >= 2 and translit_odds(name) >= (_MIN_MEAN_2 if len(name) == 2 else _MIN_MEAN)


# 新华社科托努5月24日电: an agency's dateline names the town the story was filed from.
_DATELINE = lazy_pattern.compile(r"(?:新华社|中新社|中国新闻社|人民日报|光明日报|经济日报|央视网?|总台|央广|本报|本台)"
                          r"(?P<town>\p{Han}{2,8}?)(?=\d{1,2}月\d{1,2}日电)")


def _dateline_towns(text: str, analysis: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """A dateline's town that no table lists and whose characters read as a transliteration (科托努) is a foreign town,
    named so wherever else the article writes it as a word of its own (瓦达尼在科托努会见…); an organisation's seat
    (新华社联合国…电) does not read as one."""
    for m in _DATELINE.finditer(text):
        start, end = m.span("town")
        if not _typical(m["town"]) or mention_index(places).overlaps(start, end) or in_person(start, end):
            continue
        place = named_place(places, m["town"], None, EVIDENCE, None)
        place.mentions.append(Span(m["town"], start, end))
        # (科托努|港 is the town's port, a place of its own)
        add_bare_mentions(text, places, place, m["town"], lambda lo, hi, after=end: lo >= after and not in_person(
            lo, hi) and analysis.is_token_boundary(lo) and translit_odds(text[hi : hi + 1]) <= _CHAR_FLOOR
            and text[hi : hi + 1] not in _SUFFIX + "湾岛区")


def _islands_over_states(text: str, places: dict[str, Place]) -> None:
    """拉罗|汤加|岛: a state's name inside a run of transliteration syllables that 岛 closes is no mention of the state
    but a piece of the island's name; the island is a site."""
    for p in [p for p in places.values() if p.level == "country"]:
        for m in list(p.mentions):
            if text[m.end : m.end + 1] != "岛":
                continue
            start = m.start
            while start > 0 and m.start - start < 4 and translit_odds(text[start - 1]) > _MIN_MEAN \
                    and text[start - 1] not in _NOT_NAME_FIRST:
                start -= 1
            if start == m.start or not _typical(text[start : m.end]):
                continue
            p.mentions.remove(m)
            name = text[start : m.end + 1]
            named_place(places, name, "site", EVIDENCE, None).mentions.append(Span(name, start, m.end + 1))


def _lakes_named_by_states(text: str, places: dict[str, Place]) -> None:
    """多哥|湖, 马拉维|湖, 乍得|湖: a foreign state's name right before 湖 names the lake (a site), not the state there."""
    for p in [p for p in places.values() if p.level == "country" and p.name not in HOME_STATE]:
        for m in list(p.mentions):
            if _STATE_LAKE.match(text, m.end) is None:
                continue
            p.mentions.remove(m)
            name = m.text + "湖"
            named_place(places, name, "site", EVIDENCE, p.name).mentions.append(Span(name, m.start, m.end + 1))


_STATE_LAKE = lazy_pattern.compile(r"湖(?![泊区畔边岸南北人])")


# (and a lake or a bay so named: 阿梅莉|亚湖, jieba's words across the name's end; 哈马马特湾)
# (and an island: 萨列马岛, 埃法特岛; no Chinese island's name reads as syllables, 涠洲岛 and 湄洲岛 score far below)
_PORT_OR_LAKE = lazy_pattern.compile(r"港(?!口|人|澳|股|元|币|商|资)|湖(?![泊区边岸南北])|湾(?![区仔])|岛(?![屿国链礁])|水库")
_STEM_MAX = 6
_LANDFORMS = lexicons.tables("place_words.tsv")["foreign-landform"]
_LANDFORM = lazy_pattern.compile("|".join(map(regex.escape, sorted(_LANDFORMS, key=len, reverse=True))))
_ORGAN_AFTER = tuple(_WORDS["organ-suffix"])
# What follows a landform of one character that makes it open another word (山区, 河南, 峰会).
_LONE_NOT_NEXT = frozenset("区东西南北村寨庄镇乡口谷道流会值底")
# Verbs whose object a landform of one character is (隔河, 跨河, 过河, 翻山, 依山).
_LONE_NOT_AFTER = frozenset("隔跨过渡越翻依傍临背靠爬登进出上下")
# A stem ending in a place's own word is that place (拉帕尔马岛|火山: the island's volcano, read as the island).
_NOT_STEM_LAST = frozenset("岛山湖河江海湾峰州省市县港")
# Prepositions and particles that open no port's or landform's name (扣留在|伊兹梅尔港).
_NOT_NAME_FIRST = frozenset("在于从到向往对把被将和与及的是为以由自经沿赴至")


def _foreign_ports(text: str, analysis: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """杜库姆港, 苏哈尔港, 汉班托塔港: a port named by a run of transliteration syllables (no Chinese port's name reads
    so) is a site, its state unsaid; the longest such run the segmenter opens a word at, no joiner inside it (姆迪纳|和|戈佐岛).
    So is a lake (阿梅莉亚湖), a bay (哈马马特湾) or a reservoir (布罗科蓬多水库)."""
    # (in an article about a foreign state a port's name of two syllables passes at the ordinary odds: 依托|特马港)
    abroad = bool(foreign_states(places))
    for m in _PORT_OR_LAKE.finditer(text):
        if m.group() == "水库" and not abroad:
            continue  # (推动森林水库、钱库…: at home a reservoir's syllables are China's, and figures are common)
        k = m.start()
        if _state_island(text, analysis, places, k, m.end()):
            continue
        for n in range(min(_STEM_MAX, k), 1, -1):
            stem = text[k - n : k]
            typical = _typical(stem) or (abroad and n == 2 and translit_odds(stem) >= TYPICAL_TRANSLIT) or (
                abroad and n >= 3 and _whole_name_word(analysis, k - n, k) and translit_odds(stem) >= _MIN_MEAN_WORD)
            # (普图马约省|莱吉萨莫港: a division's word before the port closes its province's name, opens no port's)
            if stem[0] in _NOT_NAME_FIRST or stem[0] in _DIVISIONS or any(c in _JOINERS for c in stem[1:]) or not typical \
                    or not han_only(stem) \
                    or _locative_first(text, places, k - n) \
                    or not (
                    analysis.is_token_boundary(k - n) or _glued_lead(text, analysis, k - n)
                    or _glued_division(text, analysis, k - n)) or \
                    (k - n > 0 and translit_odds(text[k - n - 1]) > _MIN_MEAN and analysis.token_at(k - n - 1) is not None
                     and analysis.token_at(k - n - 1).end > k - n) or _opens_with_verb(analysis, k - n, k):
                continue
            start = _dotted_head(text, analysis, places, k - n)  # (沙希德·|拉贾伊港: a port named after a person, dotted name and all)
            # (杜库姆|港: the zone's short form 杜库姆 read there is the port's name)
            drop_mentions_within(places, start, m.end(), short_only=True)
            drop_untyped_within(places, start + 1, m.end())  # (萨列|马岛: the NER read the name's tail, 马岛, as a place)
            if mention_index(places).overlaps(start, m.end()) or in_person(k - n, k):
                break
            name = text[start : m.end()]
            named_place(places, name, "site", EVIDENCE, None).mentions.append(Span(name, start, m.end()))
            break


def _state_island(text: str, analysis: Analysis, places: dict[str, Place], k: int, end: int) -> bool:
    """毛里求斯岛, 乍得湖: an island or lake named by a foreign state read right before it is a site, the state's mention
    the site's (岛国, the island state, is the state and left to it; 日本|岛根县: a word the character opens is a
    prefecture's); a qualifier of size glued before the state opens the site's name (大巴哈马岛, Grand Bahama)."""
    tok = analysis.token_at(k)
    if text[k:end] not in ("岛", "湖") or mention_index(places).overlaps(k, end) or (tok is not None and tok.end > end):
        return False
    state = _state_mention_ending_at(places, k)
    if state is None:
        return False
    place, mention = state
    drop_mentions_where(places, lambda _p, x: x is mention)
    start = mention.start - (text[mention.start - 1 : mention.start] in _SIZE_FIRST)
    name = text[start:end]
    named_place(places, name, "site", EVIDENCE, place.name).mentions.append(Span(name, start, end))
    return True


# Qualifiers of size or age that open an island's name before its state's (大巴哈马岛, 小安的列斯).
_SIZE_FIRST = frozenset("大小新")


def _glued_division(text: str, analysis: Analysis, start: int) -> bool:
    """普图马约|省莱|吉萨莫港: the segmenter glued the province's 省 to the port's first syllable, one word across
    ``start``."""
    tok = analysis.token_at(start)
    return tok is not None and tok.start == start - 1 and text[start - 1] in _DIVISIONS


# Locative characters that close a word of time or place before a name (24小时|内, 境|内, 岛|上).
_LOCATIVES = "内外中上下"


def _locative_first(text: str, places: dict[str, Place], start: int) -> bool:
    """过去24小时内|圣托里尼岛: a locative right after a Han character closes the words before it, not opens the name;
    after a state or place read there it may open one (菲律宾|内格罗斯岛)."""
    return text[start : start + 1] in _LOCATIVES and start > 0 and han_only(text[start - 1]) \
        and not any(m.end == start for p in places.values() for m in p.mentions)


# How typical a port's name of three syllables or more must be in an article about a foreign state where jieba reads the
# name as one person's-name word (奥文多|港 1.67: 文 is a common character).
_MIN_MEAN_WORD = 1.5


def _whole_name_word(analysis: Analysis, start: int, end: int) -> bool:
    """Whether jieba reads text[start:end] as one word it tags a name (nr, nrt)."""
    tok = analysis.token_at(start)
    return tok is not None and tok.start == start and tok.end == end and tok.pos.startswith("nr")


def _opens_name(analysis: Analysis, at: int) -> bool:
    """A word the segmenter starts at ``at`` whose tag does not say it names nothing (用|好|沙希德: 好 does)."""
    tok = analysis.token_at(at)
    return tok is not None and tok.start == at and not _names_nothing(tok.pos)


def _dotted_head(text: str, analysis: Analysis, places: dict[str, Place], start: int) -> int:
    """Where a name starting at ``start`` starts with the transliterated parts a middle dot joins before it (the
    dot vouches for a part less typical: 伊玛目; from a word's start: 用好|沙希德; not over a place read there:
    伊朗|沙希德·…)."""
    held = mention_index(places)
    while text[start - 1 : start] in ("·", "•", "・"):
        head = next((start - 1 - n for n in range(min(_STEM_MAX, start - 1), 1, -1)
                     if han_only(text[start - 1 - n : start - 1]) and translit_odds(text[start - 1 - n : start - 1]) >= 0.0
                     and _opens_name(analysis, start - 1 - n) and not held.overlaps(start - 1 - n, start - 1)), None)
        if head is None:
            break
        start = head
    return start


def _landforms(text: str, analysis: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """默拉皮火山, 马里亚纳海沟, 波波卡特佩特火山: a run of transliteration syllables before a landform's word names the
    landform (no Chinese name reads so); a foreign town or state of the same name read inside it is the landform's
    (意大利|埃特纳火山: 埃特纳 is no town there)."""
    abroad = bool(foreign_states(places))
    for m in _LANDFORM.finditer(text):
        k, lone = m.start(), len(m.group()) == 1
        if text[k - 1 : k] in _NOT_STEM_LAST or text.startswith(_ORGAN_AFTER, m.end()):
            continue  # (卡塔尔半岛|电视台: a body's name)
        if lone and (not abroad or (text[m.end() : m.end() + 1] in _LONE_NOT_NEXT and not text.startswith(_FLOWS, m.end()))
                     or text[k - 1 : k] in _LONE_NOT_AFTER):
            continue  # (…山区, …河南, …河底隧道: a word the character opens, not 格洛马河|流域 nor 马加特河|流经; 顿涅茨克|隔河: a
            # verb's object)
        for n in range(min(_STEM_MAX, k), 1, -1):
            stem = text[k - n : k]
            if lone and n == 2 and not _after_foreign_division(text, places, k - n):
                continue  # (胡齐斯坦省|卡伦河: right after a foreign province or state, two syllables may name one)
            # (圣多美|峰, 巴拿马|运河, 新加坡|河: named after a foreign town or state read there, however its name reads;
            # not a state's hills, 玻利维亚|山|地)
            after = _foreign_place_at(places, k - n, k)
            if after is not None and m.group() in ("山", "峰") and after.level == "country":
                break
            # (in an article about a foreign state, two syllables before a landform word of two characters pass at the
            # ordinary odds, as a port's do, where a verb, particle or punctuation ends the word before them: 加强|松恩|峡湾,
            # not 勒沃|托比|火山, the tail of a name the segmenter cut)
            typical = _typical(stem) or (abroad and not lone and n == 2 and translit_odds(stem) >= TYPICAL_TRANSLIT
                                         and _after_function_word(analysis, k - n)) \
                or (n >= 3 and translit_odds(stem) >= _MIN_MEAN_JOINED and _joined_to_landform(text, places, k - n, m.group()))
            # (约旦|河谷, 刚果|盆地: a region named by a state the segmenter did not read there, jieba's 约旦河 over it)
            state = not lone and _LANDFORMS[m.group()] == "region" and stem in countries()
            if stem[0] in _NOT_NAME_FIRST or not (typical or after or state) or not han_only(stem) \
                    or _division_inside(stem) or not analysis.is_token_boundary(k - n) \
                    or _opens_with_verb(analysis, k - n, k) or _particle_first(analysis, k - n, k) \
                    or _inside_place(places, k - n, k):
                continue
            _drop_foreign_towns_within(places, k - n, k, after)
            if state:  # (the NER's read of the river, 约旦河, is the region's)
                _drop_model_reads_within(places, k - n, m.end())
            if mention_index(places).overlaps(k - n, m.end()) or in_person(k - n, k):
                break
            name = text[k - n : m.end()]
            named_place(places, name, _LANDFORMS[m.group()], EVIDENCE, None).mentions.append(Span(name, k - n, m.end()))
            break


def _drop_model_reads_within(places: dict[str, Place], start: int, end: int) -> None:
    drop_mentions_where(places, lambda p, x: start <= x.start and x.end <= end and p.evidence == "ner")


def _joined_to_landform(text: str, places: dict[str, Place], at: int, landform: str) -> bool:
    """苏里南河和|马罗韦讷河: a run joined right after a foreign landform of the same word read already names one too, at
    the odds a joined town's name passes (讷 is rare in names the tables hold)."""
    return text[at - 1 : at] in _JOINERS and any(
        m.end == at - 1 and p.evidence == EVIDENCE and p.name.endswith(landform) for p in places.values() for m in p.mentions)


# What a river's 河 may run into that is no word it opens: its basin, or a verb of flowing (马加特|河流|经: jieba's 河流).
_FLOWS = ("流域", "流经", "流入", "流过", "流向")


def _after_function_word(analysis: Analysis, at: int) -> bool:
    """Whether the word ending at ``at`` is a verb, preposition, conjunction, adverb, particle or punctuation."""
    tok = analysis.token_at(at - 1) if at else None
    return tok is None or (tok.end == at and tok.pos[:1] in "vpcdux" and tok.pos != "un")  # (un: a word jieba does not know)


def _after_foreign_division(text: str, places: dict[str, Place], at: int) -> bool:
    """Whether a foreign state's mention, or a province's whose name reads as a transliteration, ends at ``at``
    (胡齐斯坦省|…; the NER's provinces are not read yet)."""
    if text[at - 1 : at] in ("省", "州", "邦") and any(
            _typical(text[at - 1 - n : at - 1]) for n in range(2, min(_STEM_MAX, at - 1) + 1)):
        return True
    return _right_after_state(places, at)


def _foreign_place_at(places: dict[str, Place], start: int, end: int) -> Place | None:
    """The foreign town or state whose mention is exactly [start, end), if any."""
    return next((p for p in places.values() if p.level in ("city", "country") and p.name not in HOME_STATE
                 and (p.code is None or p.level == "country") for m in p.mentions if (m.start, m.end) == (start, end)),
                None)


def _division_inside(stem: str) -> bool:
    """帕拉州|莫茹: a division's word inside the run ends one name and opens another."""
    return any(c in "州省市县" for c in stem[1:])


def _particle_first(analysis: Analysis, start: int, end: int) -> bool:
    """因|埃特纳火山: a word of one character that jieba reads as a conjunction, preposition or adverb opens the run,
    not the name."""
    tok = analysis.token_at(start)
    if tok is None or tok.start != start or tok.end != start + 1 or tok.end >= end or tok.pos[:1] not in "cpd":
        return False
    prev = analysis.token_at(start - 1) if start else None
    # (背靠|特罗多斯山: an "adverb" right after a verb of two characters, before its object, is the name's first syllable)
    return not (tok.pos[:1] == "d" and prev is not None and prev.end == start and len(prev.text) >= 2
                and prev.pos[:1] == "v")


def _inside_place(places: dict[str, Place], start: int, end: int) -> bool:
    """斯里兰卡|汉班托塔, 布达佩斯|多瑙, 帕拉州|莫茹: a run that opens inside a state's or a known place's mention, or holds
    one ending before the landform's word, names two places, not one landform (an untyped name the NER read may open
    it: 尼亚|巴隆戈河)."""
    return any((m.start < start < m.end) or (start <= m.start and m.end < end and (p.level is not None or p.code))
               for p in places.values() for m in p.mentions if m.start < end and m.end > start)


def _drop_foreign_towns_within(places: dict[str, Place], start: int, end: int, named_after: Place | None) -> None:
    """A town no table lists, or an untyped place the NER read, inside a landform's name is the landform's (尼亚 of
    尼亚巴隆戈河), and so is the mention of the town or state it is named after (巴拿马 of 巴拿马运河)."""
    drop_mentions_where(places, lambda place, m: start <= m.start and m.end <= end and (
        (place.code is None and place.level in ("city", None)) or (place is named_after and (m.start, m.end) == (start, end))))


def _glued_lead(text: str, analysis: Analysis, start: int) -> bool:
    """到戈|伊戈尔湖, 到诺西|贝岛: jieba glued a preposition to the name's first syllable or two, one word across
    ``start``; or a locative closing the words before to its first syllables (24小时|内圣托|里尼岛)."""
    tok = analysis.token_at(start)
    return tok is not None and tok.start == start - 1 and (
        (tok.end <= start + 2 and text[start - 1] in _NOT_NAME_FIRST) or (tok.end > start and text[start - 1] in _LOCATIVES))


def _opens_with_verb(analysis: Analysis, start: int, end: int) -> bool:
    """依托|特马港: a verb, adverb, preposition or conjunction of two characters or more opens the run, not the name."""
    tok = analysis.token_at(start)
    return tok is not None and tok.start == start and tok.end - tok.start >= 2 and tok.end < end \
        and tok.pos[:1] in "vdpc"


_COMPASS_PROVINCE = lazy_pattern.compile(r"(?:[东西南北]方|中央|[东西南北中]部|东北|西北|东南|西南)[省州](?![份长委府])")


# A division right after its state or province, then the division's own head or council (都东区|区长, 文冬县|县议会).
_HEADED_DIVISION = lazy_pattern.compile(r"(\p{Han}{2,4}?([区县郡]))(?=\2长|副\2长|议会|\2议会)")


def _headed_division(text: str, places: dict[str, Place], at: int, parent: str, level: str) -> bool:
    """文莱|都东区|区长, 彭亨州|文冬县|县议会主席: a division whose own head or council follows it, right after a foreign
    state (a province of it) or a foreign province (a town of it), no table of China's holding its name; whether one
    was added."""
    headed = _HEADED_DIVISION.match(text, at)
    if headed is None or mention_index(places).overlaps(headed.start(1), headed.end(1)):
        return False
    name = headed.group(1)
    surfaces = gazetteer.load().surfaces
    if name in surfaces or name[:-1] in surfaces:
        return False
    named_place(places, name, level, "after-state", parent).mentions.append(Span(name, headed.start(1), headed.end(1)))
    return True


def _foreign_province_towns(text: str, places: dict[str, Place]) -> None:
    """彭亨州|文冬县|县议会主席: the headed division after a foreign province is a town of it."""
    for p in [p for p in places.values() if p.level == "province" and p.evidence == "after-state"]:
        for m in list(p.mentions):
            _headed_division(text, places, m.end, p.name, "city")


def _state_provinces(text: str, analysis: Analysis, places: dict[str, Place]) -> None:
    """蒙古国|东戈壁省|副省长: a place's word of jieba's dictionary ending in 省 or 州 right after a foreign state's
    mention is a province of that state, though its name is translated, not transliterated (东戈壁: East Gobi); so is
    the state's name between 上 or 下 and 州 (上奥地利州)."""
    for state in foreign_states(places):
        for m in list(state.mentions):
            if text[m.start - 1 : m.start] in ("上", "下") and text.startswith("州", m.end) and m.start >= 1:
                # 上|奥地利|州: a state named by its part of the country (Upper Austria), the country's name inside it
                name = text[m.start - 1 : m.end + 1]
                state.mentions.remove(m)
                named_place(places, name, "province", "after-state", state.name).mentions.append(
                    Span(name, m.start - 1, m.end + 1))
                continue
            if _headed_division(text, places, m.end, state.name, "province"):
                continue
            if (compass := _COMPASS_PROVINCE.match(text, m.end)) is not None \
                    and not mention_index(places).overlaps(compass.start(), compass.end()):
                # 卢旺达|西方省, 赞比亚|中央省: a province named by its part of the state
                place = named_place(places, compass.group(), "province", "after-state", state.name)
                place.mentions.append(Span(compass.group(), compass.start(), compass.end()))
                continue
            tok = analysis.token_at(m.end)
            if tok is not None and tok.start == m.end and (glued := _glued_after_state(text, analysis, tok)
                                                           or _locative_read_province(text, analysis, tok)) is not None:
                tok = glued  # 柬埔寨|磅|同省|省长: a syllable alone, then the name's last glued to 省 (同省: "one province")
            if tok is None or tok.start != m.end or not tok.pos.startswith("ns") or len(tok.text) < 3 \
                    or tok.text[-1] not in "省州" or mention_index(places).overlaps(tok.start, tok.end):
                continue
            place = named_place(places, tok.text, "province", "after-state", state.name)
            place.mentions.append(Span(tok.text, tok.start, tok.end))
            if tok.text[-2:-1] == "里":  # (…丰沙里省与江城县: its other mentions, which the NER read short, are its own)
                for at in occurrences(text, tok.text):
                    if at != tok.start:
                        drop_mentions_within(places, at, at + len(tok.text))
                        place.mentions.append(Span(tok.text, at, at + len(tok.text)))


def after_ner(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """What reads the NER's places too: provinces by their seats, provinces listed beside one."""
    seats_by_province(text, places, in_person)
    listed_provinces(text, places, in_person)


def listed_provinces(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """明尼苏达州、|蒙大拿州、威斯康星州: a run of typical syllables and 州 or 省, listed with 、 right before a foreign
    province found already (by the NER too: run after it), is a province too, of the same state (the list's first, which
    its state did not lead)."""
    found = True
    while found:
        found = False
        held = mention_index(places)
        for p in [p for p in places.values() if p.evidence != "gazetteer" and p.parent not in HOME_STATE and (
                p.level == "province" or (p.level is None and p.name.endswith("州")))]:
            for m in list(p.mentions):
                e = m.start - 1
                if text[e : e + 1] != "、":
                    continue
                s = e
                while s > 0 and e - s < _LONGEST_LISTED and han_only(text[s - 1]) and text[s - 1] not in _NOT_IN_LISTED:
                    s -= 1
                name = text[s:e]
                if 3 <= len(name) <= _LONGEST_LISTED and name[-1] in "州省" and name not in places and \
                        translit_odds(name[:-1]) >= _LISTED_ODDS and not held.overlaps(s, e) and not in_person(s, e):
                    named_place(places, name, "province", EVIDENCE, p.parent).mentions.append(Span(name, s, e))
                    found = True
                    break
            if found:
                break


_LONGEST_LISTED = 8
_LISTED_ODDS = 1.0  # (the list vouches for the run, as a listed town's does: 明尼苏达 1.7)
_NOT_IN_LISTED = frozenset("、和与及的在是了")


# What a province's own name is followed by where its governor or its organs are meant (磅同省|省长, …省|政府).
_PROVINCE_ORGAN = lazy_pattern.compile(r"(?:副?省长|省委|省政府|省议会|副?州长|州政府|州议会)")
# Characters that point at or count provinces, opening no name (该省, 各省, 全省, 两省).
_NOT_PROVINCE_FIRST = frozenset("该各全本每这那其此两三几多诸邻")


def _glued_after_state(text: str, analysis: Analysis, tok: Token) -> Token | None:
    """柬埔寨|磅|同省|省长: right after a foreign state, a character alone and a word of two whose last is 省 or 州 are one
    province's name (tagged ``ns``) where its governor or an organ of it follows, or the name is written again; None
    otherwise."""
    nxt = analysis.token_at(tok.end)
    if len(tok.text) != 1 or not han_only(tok.text) or tok.text in _NOT_PROVINCE_FIRST or tok.text in "东西南北中" \
            or nxt is None or nxt.start != tok.end or len(nxt.text) != 2 or nxt.text[-1] not in "省州":
        return None
    name = text[tok.start : nxt.end]
    return Token(name, tok.start, nxt.end, "ns") if _province_vouched(text, name, nxt.end) else None


def _locative_read_province(text: str, analysis: Analysis, tok: Token) -> Token | None:
    """老挝|丰沙|里|省|副省长: a place's word, then 里 the segmenter reads as "in", then 省 or 州 alone, right after a foreign
    state: one province's name (Phongsaly), where its governor or an organ of it follows, or the name is written again."""
    loc = analysis.token_at(tok.end)
    kind = analysis.token_at(tok.end + 1)
    if not tok.pos.startswith("ns") or len(tok.text) < 2 or loc is None or loc.text != "里" or kind is None \
            or kind.start != tok.end + 1 or kind.text not in ("省", "州"):
        return None
    name = text[tok.start : kind.end]
    return Token(name, tok.start, kind.end, "ns") if _province_vouched(text, name, kind.end) else None


def _province_vouched(text: str, name: str, end: int) -> bool:
    """A province's name read from pieces the segmenter cut is one where its governor or an organ of it follows (磅同省|省长)
    or the text writes it again."""
    return _PROVINCE_ORGAN.match(text, end) is not None or text.count(name) >= 2


# Tags of words that open no region's name before 大区 (的, 在, 和, 个, 三, 其他, 中部 …).
_NOT_REGION_TAGS = frozenset("pcurmqfdv")
_REGION_KIND = "大区"
_NAME_HYPHENS = "-－‐"
# China's own macro-regions, which firms and armies name their regions by (华南大区, 西北大区): no foreign region.
_HOME_REGIONS = frozenset(("华东", "华南", "华北", "华中", "西南", "西北", "东北", "东南", "中南"))


def _region_stem(text: str, analysis: Analysis, ends: set[int], at: int) -> tuple[int, bool]:
    """Where the name before 大区 at ``at`` starts (``at`` for none), and whether it is made of common words only
    (高原, 销售): up to three words back, stopped by a function word, a compass part (智利中部|马乌莱大区) or a
    place's mention other than the NER's (``ends``: 巴黎|大区 is the city's, which `_city_named_places` reads)."""
    lo, common, words = at, True, 0
    glued = analysis.token_at(at - 1) if at else None
    if glued is not None and glued.start < at < glued.end:
        # 极|北大|区: jieba read the name's last character with the 大 of 大区; a place's word of its dictionary that ends
        # right before 大区 (极北) is the name
        k = next((k for k in (4, 3, 2) if at - k >= 0 and tag_table().get(text[at - k : at], "").startswith("ns")), None)
        if k is None:
            return at, True
        lo, common, words = at - k, False, 1
    while words < 3:
        if lo in ends or lo == 0:
            break
        tok = analysis.token_at(lo - 1)
        if tok is None or tok.end != lo or not han_only(tok.text) or tok.text.endswith(_ORGAN_AFTER):
            break  # (中建科工集团|华南大区: a firm's sales region)
        if tok.pos[:1] in _NOT_REGION_TAGS and tok.pos != "un" and not _syllable_of_name(analysis, tok):
            break
        common = common and word_freq().get(tok.text, 0) >= _COMMON_NOUN_FREQ
        lo, words = tok.start, words + 1
        if lo >= 3 and text[lo - 1] in _NAME_HYPHENS and han_only(text[lo - 3 : lo - 1]):
            lo, words = lo - 1, 0  # 艾米利亚-|罗马涅大区: a hyphen joins two names into one, each of up to three words
    return lo + (text[lo] in _NAME_HYPHENS), common


def _syllable_of_name(analysis: Analysis, tok: Token) -> bool:
    """莫利|塞: a character jieba tags a verb that ends a transliteration with the word before it."""
    prev = analysis.token_at(tok.start - 1) if tok.start else None
    return len(tok.text) == 1 and prev is not None and prev.end == tok.start and han_only(prev.text) \
        and translit_odds(prev.text + tok.text) >= TYPICAL_TRANSLIT


def _state_regions(text: str, analysis: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """意大利中部的莫利塞大区, 智利…纽夫莱大区和比奥比奥大区, 多哥…滨海大区和高原大区: in an article that names a foreign
    state, a name before 大区 (a French, Italian, Chilean or West African region) is a first-level region of it; a
    common word so (高原) only joined to another such region. Not 重大区域, 三大区域, 各大区, 农业生产大区 (a common
    word alone), 巴黎大区 (the city's: `_city_named_places`)."""
    states = foreign_states(places)
    if not states or _REGION_KIND not in text:
        return
    found: list[tuple[int, int, bool]] = []
    ends = {m.end for p in places.values() if p.evidence != "ner" for m in p.mentions}
    for at in occurrences(text, _REGION_KIND):
        if text.startswith("域", at + 2):
            continue
        lo, common = _region_stem(text, analysis, ends, at)
        if at - lo >= 2 and not in_person(lo, at + 2) and text[lo:at] not in _HOME_REGIONS:
            found.append((lo, at + 2, common))
    proper = {(lo, hi) for lo, hi, common in found if not common}
    for lo, hi, common in found:
        joined = any(text[b : lo] in _JOINERS or text[hi : a] in _JOINERS for a, b in proper)
        if common and not joined:
            continue
        if any(not (lo <= m.start and m.end <= hi) or p.code or p.level == "country"
               for p in places.values() for m in p.mentions if m.start < hi and lo < m.end):
            continue  # (a listed or coded place overlaps it: no region read here)
        drop_mentions_within(places, lo, hi)
        named_place(places, text[lo:hi], "province", "after-state", _only_state(states)).mentions.append(
            Span(text[lo:hi], lo, hi))


# A region's name right after a word of destination or location (到上盆地大区, 是南丹麦大区, 位于…): two to four
# characters, none of a function word, a numeral or a measure.
_SLOT_REGION = lazy_pattern.compile(r"(?<=[到在是于])(\p{Han}{2,4}?)大区(?!域)")
_NOT_IN_REGION = frozenset("的了和与及在是到于各个每一二三两四五六七八九十多几重主要等该本我其这那全大较最")


def _regions_in_place_slot(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """到上盆地大区投资, 罗托鲁瓦是丰盛湾大区…, 欧登塞是南丹麦大区…: in an article about one foreign state, a name right
    after 到, 在, 是 or 于 and before 大区 is a region of that state, though its words are common ones (上盆地, Hauts-Bassins;
    丰盛湾, Bay of Plenty) or hold the state's name; not 各大区, 三大区, China's macro-regions (西北大区)."""
    state = _only_state(foreign_states(places))
    if state is None or _REGION_KIND not in text:
        return
    for m in _SLOT_REGION.finditer(text):
        lo, hi, stem = m.start(1), m.end(), m.group(1)
        if any(c in _NOT_IN_REGION for c in stem) or stem in _HOME_REGIONS or in_person(lo, hi) or any(
                (x.start < hi and lo < x.end) and not (lo < x.start and x.end <= hi - 2 and p.level == "country")
                for p in places.values() for x in p.mentions):
            continue  # (a place read across it, or one other than the state inside it: 巴黎|大区 is the city's)
        drop_mentions_within(places, lo, hi)
        named_place(places, text[lo:hi], "province", "after-state", state).mentions.append(Span(text[lo:hi], lo, hi))


# A province's or state's seat named right after it (昆都士省|首府, 新泽西州|首府, 基利斯省|省会): what stands before is a
# province, whatever its syllables read like.
_SEAT_AFTER = lazy_pattern.compile(r"[省州区](?=首府|省会)")
# The tags of the words a province's name before its seat is made of (昆都士 nrt, 尼尼微 nr, 新泽西 ns, 北基伍 un).
_STEM_TAGS = frozenset(("nr", "nrt", "ns", "nz", "un", "j"))
_MAX_STEM = 8


# A province named by its part of the state alone, the state unwritten before it (北方省, 中央省; not 北方省份, 南方省区).
_FAR_COMPASS_PROVINCE = lazy_pattern.compile(r"(?:(?<!\p{Han})|(?<=[至在和、与及到]))(?:[东西南北]方|中央)省(?![份区长委府市])")


def _provinces_of_the_state(text: str, analysis: Analysis, places: dict[str, Place],
                            in_person: Callable[[int, int], bool]) -> None:
    """危地马拉从高原到海岸物产丰富，佩滕省的热带雨林: in an article about one foreign state, a province whose name is
    one word of transliterated syllables (佩滕) that no place of China's holds is that state's, though the state is not
    written right before it; so is a city whose 市 closes a word (弗利辛恩市|副市长, not …市场)."""
    state = _only_state(foreign_states(places))
    if state is None or not any(kind in text for kind in "省州区市"):
        return
    for m in _FAR_COMPASS_PROVINCE.finditer(text):
        # (弗里敦港至|北方省|马克尼: no province of China's is called so; in an article about one foreign state, its own)
        if not mention_index(places).overlaps(m.start(), m.end()) and not in_person(m.start(), m.end()):
            named_place(places, m.group(), "province", "after-state", state).mentions.append(
                Span(m.group(), m.start(), m.end()))
    surfaces = gazetteer.load().surfaces
    districts = [at for at in occurrences(text, "区") if text[at - 1 : at] not in _NOT_DISTRICT_BEFORE
                 and text[at + 1 : at + 2] != "域"]  # (东亚|区域一体化: a region's extent, no district)
    cities = [at for at in occurrences(text, "市") if analysis.is_token_boundary(at + 1)]
    for at in sorted([*occurrences(text, "省"), *occurrences(text, "州"), *districts, *cities]):
        # (伏伊伏丁那|自治省: an autonomous province; 马雷州: a Turkmen or American state's province is a 州)
        kind = "自治省" if text.startswith("自治省", at - 2) else text[at]
        k0 = at + 1 - len(kind)
        tok = analysis.token_at(k0)
        if tok is None or tok.start == k0 or tok.end != at + 1:  # (佩滕省: jieba's word may hold the 省)
            tok = analysis.token_at(k0 - 1)
        glued = _glued_syllable_name(text, analysis, tok, k0, surfaces)
        tok = glued or tok
        if tok is None or tok.end not in (k0, at + 1) or tok.pos[:3] not in _STEM_TAGS and tok.pos[:2] not in _STEM_TAGS:
            continue
        stem = text[tok.start : k0]
        if not stem or stem[-1] in "省州":
            continue  # (纽约州|州长: the 州 of the governor's title, after the state's name already closed)
        prev = analysis.token_at(tok.start - 1) if tok.start else None
        if (opened := _lone_syllable_opening(text, analysis, prev, tok)) is not None:
            tok, prev, stem = opened, analysis.token_at(opened.start - 1), text[opened.start : k0]
        if prev is not None and _compass_opening(text, places, tok.start) < tok.start:
            tok, stem = Token(text[prev.start : tok.end], prev.start, tok.end, "un"), text[prev.start : k0]
            prev = analysis.token_at(tok.start - 1)
        # (港至|博尔古省: a word that ends in a preposition, the segmenter's leftover of a name read before, opens nothing)
        if prev is not None and han_only(prev.text) and not mention_index(places).overlaps(prev.start, prev.end) \
                and prev.text[-1] not in _NOT_NAME_FIRST and (
                prev.pos == "un" or prev.pos[:1] not in "pcuvdrfmq" or (
                len(prev.text) == 1 and prev.text not in _NOT_NAME_FIRST)):
            # (苏赫巴|托尔|省, 潘杰|希尔|省, 哥|打|巴托|省: the word is the last syllables of a longer name, read whole
            # where the words before are all a transliteration's after a function word: 参与|阿里|萨比|州; not where
            # the word before is a place read already: 荷兰|泽兰|省)
            if text.startswith(_POST_AFTER_KIND, at + 1) or (tok := _syllable_words_back(text, analysis, tok)) is None:
                continue  # (，约翰|逊州长说: a governor's post after a person's name)
            prev, stem = analysis.token_at(tok.start - 1) if tok.start else None, text[tok.start : k0]
        if (head := _hyphen_head(text, tok.start)) is not None:
            tok, stem = Token(text[head : at + 1], head, at + 1, "un"), text[head:k0]  # 马海卡-|伯比斯区: two names joined
            if (opening := _compass_opening(text, places, head)) < head:
                tok, stem = Token(text[opening : at + 1], opening, at + 1, "un"), text[opening:k0]
        # (甘达基省, 伏伊伏丁那: a name jieba's dictionary holds as a place's, none of China's, needs only syllables that
        # read as sounds at all)
        sounds = glued is not None or _typical(stem.split("-")[-1] if head is not None else stem) or (
            stem[:1] in ("上", "下") and len(stem) >= 4 and _typical(stem[1:])) or (
            tok.pos.startswith("ns") and translit_odds(stem) >= _MIN_MEAN_PLACE_WORD) or (
            (text.startswith((kind[-1] + "长", "副" + kind[-1] + "长"), at + 1) or _right_after_state(places, tok.start))
            and translit_odds(stem) >= _MIN_MEAN_JOINED)
        # (里什坦区|区长, 泽兰省|副省长: the division's own head after it vouches for syllables less typical, and so
        # does the state written right before it: 荷兰|泽兰省)
        if stem in surfaces or stem + kind in surfaces or not sounds or in_person(tok.start, at + 1) \
                or mention_index(places).overlaps(tok.start, at + 1) or (kind == "市" and (
                    _right_after_state(places, tok.start) or (prev is not None and len(prev.text) == 1 and han_only(prev.text)))):
            # (丹麦|霍森斯市: a town after its state is the towns' rule's, which finds it written short too; a character
            # alone before it may be its first syllable: 芬兰于|韦斯屈莱市)
            continue
        named_place(places, stem + kind, "city" if kind == "市" else "province", "after-state", state).mentions.append(
            Span(stem + kind, tok.start, at + 1))


_MIN_MEAN_PLACE_WORD = 0.0


_COMPASS = "东西南北"


def _compass_opening(text: str, places: dict[str, Place], start: int) -> int:
    """Where a province's name opens that may start with a part of the compass before ``start``, right after the
    state (荷兰|北|布拉班特省, 德国|北|莱茵-威斯特法伦州: North Brabant): there, or ``start``."""
    if start >= 1 and text[start - 1] in _COMPASS and _right_after_state(places, start - 1):
        return start - 1
    return start


def _hyphen_head(text: str, start: int) -> int | None:
    """马海卡-|伯比斯区: where the name a hyphen joins before the one at ``start`` opens (two to five characters of a
    transliteration's syllables), or None."""
    if start < 3 or text[start - 1] not in _NAME_HYPHENS:
        return None
    i = start - 1
    while i > 0 and start - 1 - i < 5 and han_only(text[i - 1]) and translit_odds(text[i - 1]) > _CHAR_FLOOR:
        i -= 1
    return i if start - 1 - i >= 2 and _typical(text[i : start - 1]) else None


# What before 区 makes it a kind of zone or area, no state's district (自贸区, 开发区, 地区, 景区, 城区, 社区, 特区).
_NOT_DISTRICT_BEFORE = frozenset("地园景城社新特贸发校矿灾辖市县港保护宿营片库垦牧山湖")


def _syllable_words_back(text: str, analysis: Analysis, tok: Token) -> Token | None:
    """The name that words of a transliteration's syllables before ``tok`` open with it (阿里|萨比|州, 苏赫巴|托尔|省),
    as one token (tagged ``un``), where a verb, a preposition, a conjunction or a punctuation mark stands before them;
    None where a word that is not one opens the run."""
    start = tok.start
    while (prev := analysis.token_at(start - 1) if start else None) is not None and prev.end == start \
            and han_only(prev.text) and prev.pos[:2] in ("nr", "un", "nz") and tok.end - prev.start <= _SYLLABLE_RUN_MAX \
            and translit_odds(prev.text) >= TYPICAL_TRANSLIT:
        start = prev.start
    if start == tok.start:
        return None
    before = analysis.token_at(start - 1) if start else None
    if before is not None and han_only(before.text) and before.pos[:1] not in "pcv" and before.text not in _LOCATING:
        return None  # (地处|里奥|内格罗|省: jieba tags 地处 a word of place, s; it locates as 位于 does)
    return Token(text[start : tok.end], start, tok.end, "un")


_LOCATING = frozenset(("地处", "位于", "地跨", "毗邻"))


# What makes the province's 省 or 州 a post's first character instead (州长, 省长, 州议员).
_POST_AFTER_KIND = ("长", "议员")
# The most characters a province's name read over several words of syllables holds.
_SYLLABLE_RUN_MAX = 6


def _lone_syllable_opening(text: str, analysis: Analysis, prev: Token | None, tok: Token) -> Token | None:
    """扩大|奇|里基|省: a character the segmenter left alone, typical of transliterations, after a verb or a function
    word, opens the name whose syllables follow it; the name as one token (tagged ``un``), or None."""
    if prev is None or len(prev.text) != 1 or prev.end != tok.start:
        return None
    before = analysis.token_at(prev.start - 1) if prev.start else None
    # (在|派|桑杜省: a character less typical alone opens the name where a preposition stands before it and the whole
    # reads as sounds)
    stem_end = tok.end - 1 if text[tok.end - 1] in "省州区市" else tok.end  # (谢贝利|州: the kind may be a word of its own)
    led = before is not None and before.pos[:1] == "p" and translit_odds(text[prev.start : stem_end]) >= TYPICAL_TRANSLIT
    # (和|下|谢贝利州: Lower or Upper before a name spelt in sounds is part of the province's name)
    part = prev.text in ("上", "下") and translit_odds(text[prev.end : stem_end]) >= TYPICAL_TRANSLIT
    if translit_odds(prev.text) < _SYLLABLE_OPENING and not led and not part:
        return None
    if before is not None and han_only(before.text) and before.pos[:1] not in "pcuvdrfm" \
            and not (part and before.text in countries()):
        return None
    return Token(text[prev.start : tok.end], prev.start, tok.end, "un")


# How typical of transliterations a lone character must be to open a province's name (奇 2.2).
_SYLLABLE_OPENING = 1.5


def _glued_syllable_name(text: str, analysis: Analysis, tok: Token | None, k0: int,
                         surfaces: Container[str]) -> Token | None:
    """甘达|基省: where the segmenter glued a name's last syllable to 省, the name as one token (tagged ``un``): that
    syllable and the word of two or three characters before it, after a function or locative word, where they read as
    transliterated sounds; None where the cut is no such one."""
    if tok is None or tok.start != k0 - 1 or tok.end <= k0:
        return None
    prev = analysis.token_at(tok.start - 1) if tok.start else None
    if prev is None or prev.end != tok.start or not 1 <= len(prev.text) <= 3 or not han_only(prev.text):
        return None
    lead = analysis.token_at(prev.start - 1) if prev.start else None
    stem = text[prev.start : k0]
    if lead is not None and han_only(lead.text) and lead.pos[:1] not in "pcvf":  # (在|南部|达利|阿省)
        # (和|布罗|科蓬|多区: the words before are a transliteration's syllables after a conjunction, the name's first)
        longer = _syllable_words_back(text, analysis, Token(text[prev.start : tok.end], prev.start, tok.end, "un"))
        return longer if longer is not None and _typical(text[longer.start : k0]) \
            and text[longer.start : k0] not in surfaces else None
    # (参与|马|雷州: a lone character before the glued syllable, where the two read as typical sounds; 雷州 alone is
    # China's city, which the lone character before it makes no part of a foreign name otherwise)
    odds = TYPICAL_TRANSLIT if len(prev.text) == 1 else _MIN_MEAN_JOINED
    return Token(text=text[prev.start : tok.end], start=prev.start, end=tok.end, pos="un") \
        if translit_odds(stem) >= odds and stem not in surfaces else None


def _only_state(states: list[Place]) -> str | None:
    """The article's one foreign state, the parent of a province whose own state the text does not write by it."""
    return states[0].name if len(states) == 1 else None


def _provinces_by_seat(text: str, analysis: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """尼尼微省|首府|摩苏尔, 阿富汗北部|昆都士省|首府…, 美国|新泽西州|首府…, 帕福斯区|首府: a province, state or district
    whose seat the text names right after it, made of name words no place of China's holds, is a foreign province; its
    state is the one written right before it, else the article's only foreign state."""
    states = foreign_states(places)
    for m in _SEAT_AFTER.finditer(text):
        start, parent = m.start(), None
        glued = analysis.token_at(start)
        if glued is not None and glued.start < start and glued.end == m.end() and glued.pos[:2] in _STEM_TAGS:
            start = glued.start  # (新泽西州: jieba's word holds the 州)
        for tok in reversed(analysis.tokens_in(max(0, start - _MAX_STEM), start)):
            if tok.end != start or tok.pos[:3] not in _STEM_TAGS and tok.pos[:2] not in _STEM_TAGS \
                    or tok.text.endswith("城市") or _BETWEEN.fullmatch(tok.text):
                break  # (第三|大城市|赫拉特省: the town's role, no part of its name)
            if tok.text in countries():
                parent = countries()[tok.text]  # 美国|新泽西州, 叙|拉塔基亚省, 苏丹|北达尔富尔州: the state names the parent
                break
            if len(tok.text) == 1 and tok.text not in "东西南北中" and translit_odds(tok.text) <= _CHAR_FLOOR:
                break
            start = tok.start
        end = m.end()
        if text[m.start()] == "区" and translit_odds(text[start : m.start()]) < _MIN_MEAN_JOINED:
            continue  # (鄂豫皖苏|区首府: a district's seat only where the name reads as transliterated sounds)
        if end - start < 3 or in_person(start, end):
            continue
        # (帕福斯|区首府: the town the district is named after, read there, is the district's name)
        drop_mentions_where(places, lambda p, s, lo=start, hi=end: p.level == "city" and p.code is None
                            and lo <= s.start and s.end < hi)
        if mention_index(places).overlaps(start, end):
            continue
        place = named_place(places, text[start:end], "province", "after-state", parent or _only_state(states))
        place.mentions.append(Span(text[start:end], start, end))


def seats_by_province(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """马德望省 … 马德望市周边: a foreign province's name with 市 for its kind is the province's seat, a town of the
    province's state (暹粒省 and 暹粒市, 巴士拉省 and 巴士拉市 share their names so). Run after the NER's places, which
    read many such provinces; a province no table codes, in an article that names a foreign state, is foreign."""
    states = foreign_states(places)
    for p in [p for p in places.values() if p.level in ("province", None) and p.code is None and p.parent not in HOME_STATE
              and p.name[-1:] in "省州邦" and len(p.name) >= 3]:
        parent = p.parent or _only_state(states)
        if parent is None:
            continue
        town = p.name[:-1] + "市"
        for start in occurrences(text, town):
            end = start + len(town)
            if not in_person(start, end) and not mention_index(places).overlaps(start, end):
                named_place(places, town, "city", EVIDENCE, parent).mentions.append(Span(town, start, end))


def _new_towns(text: str, places: dict[str, Place]) -> None:
    """圭亚那|新|阿姆斯特丹: 新 between a foreign state and a foreign city the tables know opens another town, named after
    that one (New Amsterdam, in Guyana, not Amsterdam): the town is the state's, its name 新 and the city's."""
    states = {m.end: p.name for p in foreign_states(places) for m in p.mentions}
    for key, p in list(places.items()):
        if p.level != "city" or p.code is not None or p.name.startswith("新"):
            continue
        for m in list(p.mentions):
            state = states.get(m.start - 1)
            if state is None or text[m.start - 1] != "新" or state == p.parent:
                continue
            name = "新" + m.text
            named_place(places, name, "city", EVIDENCE, state).mentions.append(Span(name, m.start - 1, m.end))
            p.mentions.remove(m)
        if not p.mentions:
            del places[key]


def add(text: str, analysis: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Add the foreign towns that follow their state after a word of place or motion, those a dateline names, and
    ports named by transliterations."""
    _new_towns(text, places)
    _dateline_towns(text, analysis, places, in_person)
    _provinces_by_seat(text, analysis, places, in_person)
    _provinces_of_the_state(text, analysis, places, in_person)
    _foreign_ports(text, analysis, places, in_person)
    _landforms(text, analysis, places, in_person)
    _state_provinces(text, analysis, places)
    _foreign_province_towns(text, places)
    _state_regions(text, analysis, places, in_person)
    _regions_in_place_slot(text, places, in_person)
    _islands_over_states(text, places)
    _lakes_named_by_states(text, places)
    anchors = [(anchor, state, led, False) for anchor, state, led in _anchors(text, analysis, places)]
    anchors += [(anchor, state, True, True) for anchor, state in _joined_anchors(text, places)]
    _venue_words(text, analysis, places)
    anchors += [(anchor, state, True, False) for anchor, state in _venue_anchors(text, analysis, places)]
    for anchor, state, led, joined in anchors:
        between = _BETWEEN.match(text, anchor)
        start = between.end() if between else anchor
        end = _run_end(text, analysis, start)
        if joined and ((between and not between.group().endswith(("城市", "首府"))) or not (
                _AFTER_JOINED.match(text, end) or _done_there(analysis, end))):
            continue  # (卢萨卡和|北部城市|恩多拉的: a town joined to a listed one may be described as the state's city)
        if end > start and text[end - 1] == "市" and text[end : end + 1] in ("市", "议"):
            end -= 1  # (jieba's word 欧登塞市 took the run over the town's 市)
        elif (cut := text.find("市", start + 2, end)) > 0:
            end = cut  # (考纳斯|市非|织造布: the run went over the town's 市 into the next word)
        # (a town's role word vouches for a name of two syllables less typical: 第二大城市|蒙杜)
        role = between is not None and between.group() != "城市"
        namesake = _new_namesake(text, places, start) if role else 0
        end = max(end, namesake)
        # (a seat or capital vouches for a longer name whose syllables are less typical: 首府|考波什堡)
        seat = role and between.group().endswith(("首府", "首都")) and end - start >= 3 \
            and translit_odds(text[start:end]) >= _MIN_MEAN_JOINED
        if not (namesake or seat or _typical(text[start:end])
                or (role and end - start == 2 and translit_odds(text[start:end]) >= TYPICAL_TRANSLIT)):
            continue
        # (…至北方省|马克尼|的物流通道: a town of three syllables or more right after a foreign province, the noun phrase
        # closing after it, is that province's)
        in_province = not between and text[anchor - 1 : anchor] in "省州" and end - start >= 3 \
            and _AFTER_JOINED.match(text, end) is not None
        if not (led or role or in_province) and (between or not _own_office(text, end) and (
                text[end : end + 1] != "市" or end - start < 3)):
            continue  # 丹麦|欧登塞|市|市长, …市议员, 肯尼亚|凯里乔|郡|郡长: unled, only a town its own office names, or whose 市 follows a
            # run of three syllables or more right after the state (与立陶宛|考纳斯|市…签约); a role word leads as 在
            # does (叙中部哈马省|首府|哈马市)
        if text[end : end + 1] and text[end] in _SUFFIX:
            end += 1
        after = analysis.token_at(end)
        if after is not None and after.start == end and after.text in _NOT_AFTER:
            continue  # 库尔德|武装: a group, not a town
        if in_person(start, end):
            continue
        # (巴格达|国际机场: the run names the airport, a site)
        facility = next((w for w in _FACILITY_AFTER if text.startswith(w, end)), "")
        # A shorter mention inside the run read a piece of the town as a place of its own (科尔 of 科尔蒂纳).
        drop_mentions_within(places, start, end + len(facility), short_only=True)
        end += len(facility)
        if mention_index(places).overlaps(start, end):
            continue
        name = text[start:end]
        place = named_place(places, name, "site" if facility else None, EVIDENCE, state)
        place.mentions.append(Span(name, start, end))
        if name.endswith("市"):
            _bare_mentions(text, analysis, places, place, in_person)
        if not facility and text[end : end + 1] in _JOINERS:
            anchors.append((end + 1, state, True, True))  # (圣菲省首府圣菲市和|罗萨里奥考察: a town joined to this one)
    _motion_towns(text, analysis, places, in_person)
    _towns_before_kind(text, analysis, places, in_person)
    for start, end in _joined_before(text, analysis, places):
        if not in_person(start, end) and not mention_index(places).overlaps(start, end):
            # (its state unsaid: a visit's towns may lie in two states, 飞赴努尔苏丹、撒马尔罕两地)
            place = named_place(places, text[start:end], None, EVIDENCE, None)
            place.mentions.append(Span(text[start:end], start, end))


def _new_namesake(text: str, places: dict[str, Place], start: int) -> int:
    """尼克里区首府|新尼克里: where a town a role word leads ends that is 新 and the name of a foreign province or town read
    before, its division word left off (New Nickerie, seat of Nickerie; 新 alone reads as no syllable); 0 if none."""
    if text[start : start + 1] != "新":
        return 0
    stems = {p.name[:-1] if p.name[-1] in "区省州市郡" else p.name for p in places.values()
             if p.code is None and p.level in ("province", "city") and any(m.end <= start for m in p.mentions)}
    return max((start + 1 + len(x) for x in stems if len(x) >= 2 and text.startswith(x, start + 1)), default=0)


def _own_office(text: str, end: int) -> bool:
    """欧登塞市|市长, 凯里乔郡|郡长, 马尼卡兰省|副省长, …市|议员: the division word at ``end`` is followed by its own
    office (or its deputy's) or council; or by a division inside it and that one's office (林波波省|莫帕尼区市长: a title
    that names the province first)."""
    return text[end : end + 1] in tuple(_DIVISIONS) and (
        text[end + 1 : end + 2] in (text[end], "议") or text[end + 1 : end + 3] == "副" + text[end]
        or _NESTED_OFFICE.match(text, end + 1) is not None)


# A division of two to five characters inside a province and its office (莫帕尼区|市长, 布拉瓦约市|市长).
_NESTED_OFFICE = lazy_pattern.compile(r"\p{Han}{2,5}?[区市县郡](?:市长|区长|县长|郡长|行政长官|议会|长)")


_MOTION = lazy_pattern.compile("|".join(map(regex.escape, sorted(_WORDS["foreign-motion"], key=len, reverse=True))))
_TOWN_NEXT = tuple(_WORDS["foreign-town-next"])
_JOINER_INSIDE = lazy_pattern.compile("[和与及]")


def _motion_towns(text: str, analysis: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """赴|克拉科夫|和…: in an article that names one foreign state, a run of transliteration syllables a verb of motion
    leads, with no state between, is a town of that state where a joiner, the clause's end or what is done there
    (参加, 举行) follows it; the verb vouches for a place, the syllables for a foreign one."""
    states = {p.name for p in foreign_states(places)}
    if len(states) != 1:
        return  # (two states named: whose town it is, the run does not say)
    state = next(iter(states))
    for m in _MOTION.finditer(text):
        start = m.end()
        if not analysis.is_token_boundary(start):
            continue
        while start < len(text):  # (到贡德尔、|巴赫达尔投资: each town of the list the verb leads)
            held = next((s.end for p in places.values() for s in p.mentions if s.start == start), None)
            if held is not None and text[held : held + 1] in _JOINERS:
                start = held + 1  # (到布莱德湖、|马里博尔等地: a place read already is an item of the list too)
                continue
            end = _run_end(text, analysis, start)
            joiner = _JOINER_INSIDE.search(text, start + 2, end)
            end = joiner.start() if joiner else end  # (别尔斯克|和托伦: the run went on over the joiner)
            if end - start < 3 or not _typical(text[start:end]) or not (
                    text.startswith(_TOWN_NEXT, end) or (_done_there(analysis, end) and not (
                        m.group() == "在" and analysis.token_at(end).pos == "vn"))):
                break  # (在|扎耶德|体育城: after 在, a verbal noun names what stands there, not what is done there)
            if in_person(start, end) or text[start:end] in countries():
                break
            if not mention_index(places).overlaps(start, end):
                place = named_place(places, text[start:end], None, EVIDENCE, state)
                place.mentions.append(Span(text[start:end], start, end))
            if text[end : end + 1] not in _JOINERS:
                break
            start = end + 1


# What closes a list of towns by their kind: the run of syllables before it is a town (基茨比厄尔|等地, 哈马马特|等沿海城市).
_TOWN_KIND = lazy_pattern.compile(r"等(?:地|城市|沿海城市|港口城市|旅游城市|地区)|一带|附近")


def _towns_before_kind(text: str, analysis: Analysis, places: dict[str, Place],
                       in_person: Callable[[int, int], bool]) -> None:
    """基茨比厄尔等地, 哈马马特等沿海城市, 查恩嫩一带: in an article that names one foreign state, a run of transliteration
    syllables, a word of its own, right before 等地, 等…城市, 一带 or 附近 is a town of that state; the kind or the
    area round it vouches for a place, the syllables for a foreign one."""
    states = {p.name for p in foreign_states(places)}
    if len(states) != 1:
        return
    state = next(iter(states))
    for m in _TOWN_KIND.finditer(text):
        end = m.start()
        start = _syllables_back(text, end)
        typical = _typical(text[start:end])
        if start > 1 and text[start - 1] in "东南西北" and text[start - 2] in "、，,和及与到在":
            start -= 1  # 、北|加里曼丹等地: the compass point opens the region's name
        # (州|内博布|鲁伊斯…: after "within" the name starts where jieba glued the locative to its first syllable)
        boundary = analysis.is_token_boundary(start) or _WITHIN.search(text, max(0, start - 2), start) is not None
        if end - start < 3 or not typical or not boundary \
                or in_person(start, end) or text[start:end] in countries() or mention_index(places).overlaps(start, end):
            continue
        place = named_place(places, text[start:end], None, EVIDENCE, state)
        place.mentions.append(Span(text[start:end], start, end))


def _syllables_back(text: str, end: int) -> int:
    """Where a run of transliteration syllables ending at ``end`` starts: back over characters whose odds stay above
    `_CHAR_FLOOR`, at most `_MAX_LEN` of them, stopping at a word of place or motion that leads the run."""
    start = end
    while start > 0 and end - start < _MAX_LEN and translit_odds(text[start - 1]) > _CHAR_FLOOR and \
            not _LEAD.search(text, max(0, start - 2), start) and not _WITHIN.search(text, max(0, start - 2), start):
        start -= 1
    return start


# A division or land and a locative (州内, 境内, 国外): "within it", which ends the words before a town's name (州内|博布鲁伊斯克).
_WITHIN = lazy_pattern.compile(r"[州省市县国境区岛][内外]$")


def _joined_before(text: str, analysis: Analysis, places: dict[str, Place]) -> list[tuple[int, int]]:
    """(start, end) of a run of transliteration syllables that a word of place or motion leads and a joiner ties to a
    listed foreign town after it (到|阿比让|和亚穆苏克罗): a foreign town too."""
    out = []
    for p in places.values():
        if p.level != "city" or p.code is not None:
            continue
        for m in p.mentions:
            end = m.start - 1
            if end < 2 or text[end] not in _JOINERS:
                continue
            start = _syllables_back(text, end)
            # (the lead word and the listed town vouch for the run: its syllables need less typical odds, 阿比让 1.4)
            if end - start >= 2 and _LEAD.search(text, max(0, start - 2), start) and \
                    translit_odds(text[start:end]) >= _MIN_MEAN_JOINED and analysis.is_token_boundary(start):
                out.append((start, end))
            elif (word := _listed_word_before(text, analysis, end)) is not None:
                out.append(word)
    return out


def _listed_word_before(text: str, analysis: Analysis, end: int) -> tuple[int, int] | None:
    """连接|巴士拉|、巴格达: unled, a whole word of jieba's that it reads as a transliterated name, of typical syllables,
    listed right before a foreign town, is a town too (the caller keeps people's names out)."""
    tok = analysis.token_at(end - 1)
    if tok is None or tok.end != end or tok.pos != "nrt" or len(tok.text) < 3 or not _typical(tok.text):
        return None
    return tok.start, tok.end


def _bare_mentions(text: str, analysis: Analysis, places: dict[str, Place], place: Place,
                   in_person: Callable[[int, int], bool]) -> None:
    """丹麦欧登塞市市长… 明年访问欧登塞: the town is named without its 市 elsewhere in the article, where the name stands as
    a word of its own (not inside a longer name, a person's or another place's)."""
    stem = place.name.removesuffix("市")
    if len(stem) < 3:
        return
    def fits(lo: int, hi: int) -> bool:
        if text[hi : hi + 1] in (*_SUFFIX, "区") or in_person(lo, hi):
            return False  # (not the town's own 市, nor the province it is named after: 霍姆斯|省首府霍姆斯市)
        if not (analysis.is_token_boundary(lo) and analysis.is_token_boundary(hi)):
            return False
        # not where the name runs on (欧登塞|罗…)
        return translit_odds(text[hi : hi + 1]) <= _CHAR_FLOOR or text[hi : hi + 1] in "是和与的在、，。"

    add_bare_mentions(text, places, place, stem, fits)


@cache
def _body_literals() -> Literals:
    """The longer forms of lexicons/countries.tsv (西非国家经济共同体, 海湾阿拉伯国家合作委员会, 阿拉伯联合酋长国)."""
    return Literals(f for f in countries() if len(f) >= 4)


def inside_foreign_name(text: str) -> Callable[[int, int], bool]:
    """Whether [start, end) lies strictly inside a foreign state's or body's longer name in ``text``: 西非|国家经济共同体
    and 海湾|阿拉伯国家合作委员会 name a body, not the region or gulf their first words are (the region list and the NER read
    them so); the state's or body's own mention, the whole name, stays."""
    spans = [(m.start(), m.end()) for m in _body_literals().finditer(text)]
    if not spans:
        return lambda start, end: False
    index, whole = SpanIndex(spans), frozenset(spans)
    return lambda start, end: (start, end) not in whole and index.contains(start, end)
