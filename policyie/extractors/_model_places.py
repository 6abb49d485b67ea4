"""Places only the statistical NER finds: villages, townships, sites, regions and zones that no table
lists, and named places whose kind the text does not say.

The model's LOC spans (`Analysis.ner`) become places in four ways, each with evidence ``ner``:

* typed by their ending (``lexicons/ner_words.tsv`` place-level: 村 → village, 湿地公园 → site,
  都市圈 → region …);
* extended over a zone suffix that follows at once (西哈努克港|经济特区 → a zone);
* cut after a township the model read together with the village that follows it
  (吾斯塘博依街道艾提尕尔社区 → the township and the village);
* untyped (level null) where a second, independent signal agrees that the span is a place: the lexicon
  pipeline marks the very same span LOC (jieba's dictionary or a place list), or a country the article
  names stands right before it (喀麦隆|雅温得, its parent). A foreign city or a sea has no level that its
  name shows, and a made-up one would mislead a reader filtering by level.

An ORG span ending in an org-site word (书院) right after a verb of visiting is read as a site the same way
(来到中和镇|东坡书院): an academy of old is visited as a place.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import regex

from policyie import lazy_pattern, lexicons
from policyie.extractors import _localities as localities
from policyie.extractors._foreign import countries, is_body, known_names
from policyie.extractors._people import STATE_POSTS, is_common_word, jieba_freq, looks_transliterated, posts
from policyie.extractors._spans import SpanIndex, in_work_title, occurrences
from policyie.name_runs import TYPICAL_TRANSLIT, translit_odds
from policyie.nlp import Analysis, Entity, Token, tag_table
from policyie.records import Place, Span

EVIDENCE = "ner"
MIN_LEN, MAX_LEN = 3, 12
UNTYPED_MAX = 8
# A word the dictionary counts this often before a village's ending is a common one (基层, 住房, 扎根), not a name.
COMMON_VILLAGE_STEM = 80
# Prepositions of place: after one, what a person does may follow a place (在中南海|会见), not only a person.
_PLACE_PREPOSITIONS = frozenset("在于赴到从自沿经往向至")
# One-character forms of states before a place of theirs (俄库尔斯克州), and the words after a foreign region.
_DIVISION_AFTER = lazy_pattern.compile(r"地区|州|省|市(?![场长民委])")
# The kinds of a foreign state's first-level divisions that follow their name as a word of their own.
_FOREIGN_DIVISION = lazy_pattern.compile(r"大区|边疆区")
_FOREIGN_SHORT = {"俄": "俄罗斯", "乌": "乌克兰", "美": "美国", "日": "日本", "韩": "韩国", "英": "英国", "法": "法国",
                  "德": "德国", "以": "以色列", "叙": "叙利亚"}
DIVISION_LEVELS = frozenset({"country", "province", "city", "district"})
# Those and the other states a news item writes as one character after 中 (中沙, 中马, 中新, 中越, 中巴).
FOREIGN_SHORT_CHARS = frozenset(_FOREIGN_SHORT) | frozenset("沙马新越巴泰印朝蒙哈塔吉土伊埃澳加墨欧非")
# And the states only a two-character span safely reads so (智利, 老挝, 柬埔寨, 缅甸, 菲律宾, 匈牙利, 意大利, 葡萄牙, 希腊, 秘鲁:
# 中老年 elsewhere).
PARTNER_CHARS = FOREIGN_SHORT_CHARS | frozenset("智老柬缅菲匈意葡希秘")
# A span all of whose characters are these names states together (中菲, 意中; 中苏 and 中波 of the Soviet Union's days).
_STATE_CHARS = PARTNER_CHARS | frozenset("中苏波")
# What follows states named together (韩美|举行, 美韩|关系, 欧俄|之间).
_TOGETHER = lazy_pattern.compile(r"关系|合作|联合|举行|联演|军演|贸易|友好|峰会|会谈|对话|同盟|之间|两国|双方|三国|间")


@functools.cache
def _words() -> dict[str, dict[str, str]]:
    return lexicons.tables("ner_words.tsv")


@functools.cache
def _epithet_next() -> tuple[str, ...]:
    """Words after which an untyped name is an adjective use (ner_words.tsv epithet-next)."""
    return tuple(_words()["epithet-next"])


@functools.cache
def _person_next() -> regex.Pattern:
    """What follows a person's name, never a mountain's (ner_words.tsv person-next)."""
    return regex.compile("|".join(map(regex.escape, _words()["person-next"])))


def han_only(name: str) -> bool:
    """Whether every character of ``name`` is a common Han one (U+4E00–U+9FFF)."""
    return all("\u4e00" <= c <= "\u9fff" for c in name)


# A verb's result character (守好, 管住, 筑牢), which jieba glues onto an unknown name after the verb as often as it
# keeps it with the verb.
VERB_RESULTS = frozenset("好住牢")


def verb_result_glued(text: str, an: Analysis, start: int) -> bool:
    """守护|好天|华山, 守护|好蒲|河: the character at ``start`` is a verb's result that jieba glued onto the name after
    the verb, a token that ends right before it."""
    prev = an.token_at(start - 1) if start else None
    return text[start : start + 1] in VERB_RESULTS and prev is not None and prev.end == start and prev.pos.startswith("v")


@functools.cache
def _not_site_endings() -> tuple[str, ...]:
    return tuple(_words()["not-site-ending"])


@functools.cache
def _works_words() -> tuple[str, ...]:
    """How a kind of works ends that a division before it names (松江|特大桥, 万安|水电站, 北京|机场)."""
    return (*_words()["works-after"], "机场")


def level_of(name: str, any_first: bool = False) -> str | None:
    """The SPEC level that ``name``'s ending gives it, or None; ``any_first``: whatever its first character (a
    village right after its township may open with 其, 新 or 原, which elsewhere refer rather than name)."""
    words = _words()
    if not MIN_LEN <= len(name) <= MAX_LEN or (name[0] in words["not-first"] and not any_first) or not han_only(name):
        return None
    if name in localities.GENERIC or name.endswith(localities.COMMON_VILLAGE_WORDS):
        return None
    if name.endswith(_not_site_endings()):
        return None  # 福岛县厅大楼, 陕西东大门: an office building (optional by SPEC.md) or a figure of speech (gateway)
    for ending, level in words["place-level"].items():
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            # (古城|景区, 研学|基地: a kind of place after a generic stem names none)
            return None if name[: -len(ending)] in generic_stems() else level
    return None


@functools.cache
def generic_stems() -> frozenset[str]:
    """Stems that name a kind, not a place (古城, 研学, 古闸): one set for every rule that reads them."""
    return frozenset(lexicons.lists("place_words.tsv")["generic-stem"])


def _zone_end(text: str, end: int) -> int | None:
    """Where a zone suffix that follows ``end`` at once ends (西哈努克港|经济特区), if one does."""
    for suffix in sorted(_words()["zone-suffix"], key=len, reverse=True):
        if text.startswith(suffix, end):
            return end + len(suffix)
    return None


def _short_village(name: str) -> bool:
    """余村: one character and 村, a village's name only where its township stands right before it."""
    return len(name) == 2 and name.endswith("村") and name[0] not in _words()["not-first"] and han_only(name)


def _common_ending_village(name: str) -> bool:
    """团山村, 神山村: a name ending in a common village word (山村) that holds more than the word."""
    return 3 <= len(name) <= 6 and name.endswith(("村", "社区")) and name.endswith(localities.COMMON_VILLAGE_WORDS) \
        and name not in localities.COMMON_VILLAGE_WORDS and name[0] not in _words()["not-first"] and han_only(name)


def _common_word_village(name: str) -> bool:
    """基层社区, 住房社区, 扎根社区: a common word of the dictionary with a village's ending, which the village table
    holds nowhere (团结村, 光明社区 it holds: those are names, however common the word)."""
    stem = name.removesuffix("社区").removesuffix("村")
    return len(stem) >= 2 and jieba_freq().get(stem, 0) >= COMMON_VILLAGE_STEM and not localities.villages_named(name)


def _slogan_village(name: str) -> bool:
    """强村|带弱村, 富村|帮穷村: a verb and an adjective before 村 say which villages a policy pairs, where the village
    table holds no village of the name (建新村, 立新村 it holds)."""
    stem = name.removesuffix("村")
    tags = tag_table()
    return len(stem) == 2 and name.endswith("村") and tags.get(stem[0], "").startswith("v") \
        and tags.get(stem[1], "").startswith("a") and stem not in tags and not localities.villages_named(name)


def _split_town(name: str, level: str = "village") -> int | None:
    """Where the village (or the site, ``level``) starts in a span that runs a township into it (…街道|艾提尕尔社区,
    …镇|宝泉景区), if it does."""
    best = None
    for town_end in _words()["town-end"]:
        i = name.rfind(town_end, 2, len(name) - 2)
        if i > 0:
            cut = i + len(town_end)
            village = name[cut:]
            # (a village of one character and 村 after its township: 天荒坪镇|余村)
            if (level_of(village, any_first=level == "village") == level or (level == "village" and _short_village(village))) and \
                    (best is None or cut > best):
                best = cut
    return best


def _town_before_kind(name: str) -> int | None:
    """Where the township ends in a span that runs it into the word 社区, no name (如城街道|社区养老服务中心), if it does
    (not 村: 城乡|村, 镇|村 are words of their own; nor 城乡社区, 最美城乡社区: urban and rural communities)."""
    if "城乡" in name:
        return None
    for town_end in _words()["town-end"]:
        i = name.rfind(town_end, 2)
        if i > 0 and name[i + len(town_end) :] == "社区":
            return i + len(town_end)
    return None


# jieba tags of words that are never (part of) a place's name: verbs, adjectives, adverbs, function words.
FUNCTION_TAGS = frozenset("vadpcurmq")
# Conjunctions the model takes into the place after them (灵峰街道及|余村).
_LEADING_JOINERS = frozenset("及、")
# Characters that, before a common word the model read with them as a township, open no name.
_FUNCTION_FIRST = frozenset("和与及前在对从向把被将为好")
_SETTLEMENT_CHARS = frozenset("镇乡村寨屯")


def _function_word(pos: str) -> bool:
    """A verb, adverb, particle … by jieba's tag; ``un`` (a word jieba does not know) is none, though it
    starts with u (马滴|达镇: an unknown name's part)."""
    return pos[:1] in FUNCTION_TAGS and pos != "un"


@dataclass
class _Around:
    """What the article already holds around the model's spans."""

    lexicon_loc: set[tuple[int, int]]  # spans the lexicon pipeline marks LOC (jieba's dictionary, lists)
    country_end: dict[int, str]  # where a country's mention ends → its name
    division_at: dict[int, int]  # where a province, city or district mention starts → where it ends
    mention_ends: set[int]  # where any place mention ends
    named_ends: set[int]  # where a mention ends that is no township's short form (北塔 of 北塔镇 is a weak one)
    tokens_in: Callable[[int, int], list]


_PLENUM_ORDINAL = lazy_pattern.compile(r"[一二三四五六七八九十]{1,2}中")


def _relation_or_session(text: str, e: Entity) -> bool:
    """中德, 中越, 美韩: two states' one-character forms name a relation (中德合作), not a place; 三中|全会,
    四中|全会: a plenum's ordinal."""
    if len(e.text) == 2 and e.text[0] in "中美" and e.text[1] in FOREIGN_SHORT_CHARS and e.text[1] != e.text[0]:
        return True
    return text.startswith("全会", e.end) or _PLENUM_ORDINAL.fullmatch(e.text) is not None  # 二中、三中、四中全会


# A township of a people (俄罗斯族民族乡, 鄂温克民族乡) is named by its place first: the people's name alone is none.
_PEOPLES_TOWNSHIP = lazy_pattern.compile(r"\p{Han}{1,5}(?:族|民族)乡")


def _ethnic_township_start(text: str, start: int, end: int, around: _Around) -> int:
    """Where a people's township the model read without its place name (室韦|俄罗斯族民族乡) starts: the name-like
    word right before it, where there is one."""
    if not _PEOPLES_TOWNSHIP.fullmatch(text, start, end):
        return start
    if start in around.mention_ends and text[start - 1] in "县市区旗州盟":
        return start  # 绥宁县|黄桑坪苗族乡: the word before is the county it lies in, named in full (白银|哈尔 is no city)
    before = around.tokens_in(max(0, start - 4), start)
    if before and before[-1].end == start and 2 <= len(before[-1].text) <= 4 and han_only(before[-1].text) \
            and not _function_word(before[-1].pos) and not before[-1].pos.startswith(("t", "f", "m")):
        return before[-1].start
    return start


# Landform characters a name ends in that also end idioms and other words (万水千山, 西起|中山): a span ending in
# one must start where a word does, and be no idiom.
_BARE_LANDFORMS = ("山", "塔", "岭", "湾", "城", "桥", "滩", "门", "楼", "碑")
# A village's kind written before its name (布依族村寨|纳灰村, 传统村落|…村).
_VILLAGE_KIND = lazy_pattern.compile(r"\p{Han}{0,6}?(?:村寨|村落)")
# 万水千山, 三山五岳: a four-character idiom of two numerals, each before a noun
_NUMERAL_IDIOM = lazy_pattern.compile(r"[一二三四五六七八九十百千万][\p{Han}][一二三四五六七八九十百千万][\p{Han}]")


_TEMPLE_ENDS = ("寺", "庙")


def _lone_char_token(around: _Around, start: int) -> Token | None:
    """The one-character Han word jieba left alone right before ``start``, when it is no function word, number or
    punctuation (努|鲁儿虎山, 强|巴林寺); None otherwise."""
    before = [t for t in around.tokens_in(max(0, start - 1), start) if t.end == start]
    if before and len(before[0].text) == 1 and han_only(before[0].text) and before[0].pos[:1] not in "pcuvfdrmqx":
        return before[0]
    return None


def _lone_char_before(text: str, start: int, around: _Around) -> int | None:
    """Where such a lone character opens a temple's name (强|巴林寺), unless a place's mention ends there."""
    if _lone_char_token(around, start) is not None and start - 1 not in around.mention_ends:
        return start - 1
    return None


_SCENIC_ENDS = ("景区", "风景区", "旅游区")


def _compass_before(start: int, around: _Around) -> int | None:
    """Where a compass point jieba left alone opens a scenic area's name (加强|西|泰山景区, 来到|东|湖景区): after a verb,
    a preposition or punctuation, unless a place's mention ends there."""
    lone = [t for t in around.tokens_in(max(0, start - 1), start) if t.end == start]
    if not lone or lone[0].text not in ("东", "西", "南", "北") or start - 1 in around.mention_ends:
        return None
    before = [t for t in around.tokens_in(max(0, start - 6), start - 1) if t.end == start - 1]
    return start - 1 if not before or before[0].pos[:1] in "vp" or not han_only(before[0].text) else None


def _word_opened_before(around: _Around, start: int) -> int | None:
    """Where a village's name starts when the model's span opens on the second character of a two-character word
    of jieba's that follows a place's mention or a verb (金庭镇|明月|湾古村, 观摩|明月|湾古村), or None; not where
    that word is a division's mention (山西|乡宁|塔尔移民村: the county, then the village)."""
    near = around.tokens_in(max(0, start - 3), start + 1)
    word = next((t for t in near if t.start == start - 1 and t.end == start + 1), None)
    if word is None or not han_only(word.text) or word.pos[:1] in "pcuvfdrmqx" or start - 1 in around.division_at:
        return None
    after_verb = any(t.end == start - 1 and t.pos.startswith("v") and t.end - t.start >= 2 for t in near)
    return start - 1 if start - 1 in around.mention_ends or after_verb else None


# A township's name opening an organisation-like span, with a name of three characters or more after it.
_TOWNSHIP_HEAD = lazy_pattern.compile(r"\p{Han}{1,4}?(?:镇|乡)(?=\p{Han}{3})")


def _visited(analysis: Analysis, start: int) -> bool:
    """Whether a verb (来到, 察看了; 参观, which jieba tags a noun) or a preposition of place (在) stands right before
    ``start``: an academy visited is a site, one listed among programmes (北大燕京学堂、清华苏世民书院) an institution."""
    tok = analysis.token_at(start - 1) if start > 0 else None
    return tok is not None and tok.end == start and (tok.pos.startswith(("v", "ul")) or tok.text in ("在", "到", "赴", "参观"))


def _holder_name(name: str) -> bool:
    """A span before a head's post that names a person: a name the foreign-name list holds or a transliteration, and
    no state's name."""
    return name not in countries() and (name in known_names() or looks_transliterated(name))


def phrase_spans(text: str) -> SpanIndex:
    """Where the set phrases and watchwords whose pieces the model reads as places stand (ner_words.tsv
    not-place-phrase)."""
    found = [(m.start(), m.end()) for m in _not_place_phrases().finditer(text)]
    return SpanIndex(found)


@functools.cache
def _not_place_phrases() -> regex.Pattern:
    return regex.compile("|".join(map(regex.escape, sorted(_words()["not-place-phrase"], key=len, reverse=True))))


def _landform_read_as_person(text: str, e: Entity, ends: tuple[str, ...]) -> Entity | None:
    """到|米堆冰川, 到|吴朗溶|洞: a name the model reads as a person's (a surname opens it) that ends in a landform no
    person's name ends in (冰川, 溶洞), or runs into one, is the landform's name."""
    for w in ends:
        at = text.find(w, max(e.start + 2, e.end - len(w)), e.end + len(w))
        if at >= 0 and at <= e.end and han_only(text[e.start : at + len(w)]):
            return Entity(text[e.start : at + len(w)], e.start, at + len(w), "LOC")
    return None


def _org_site(text: str, e: Entity) -> Entity:
    """The site an organisation-like span names, without the township that opens it (中和镇|东坡书院) or what a
    conjunction joins before it (南桥村瓷艺民宿群和|渌江书院)."""
    head = _TOWNSHIP_HEAD.match(e.text)
    start = e.start + head.end() if head is not None else e.start
    joined = max(text.rfind(c, start, e.end - 2) for c in "和与及、")
    start = joined + 1 if joined >= 0 else start
    return Entity(text[start : e.end], start, e.end, "LOC")


def _common_town_word(name: str, start: int, end: int, around: _Around) -> bool:
    """Whether a name ending in 城 ends in a common word for a town or market (县城, 商城, 航天城) that jieba knows, or
    is a division's name and 城 (北京|城): a walled town or fort is named 城 alone (五女山|城) or in a word jieba does
    not know (鸡鸣|驿城)."""
    if name.endswith(("古城", "故城")):
        return False
    last = [t for t in around.tokens_in(max(0, end - 4), end) if t.end == end]
    if around.division_at.get(start) == end - 1 or (last and last[0].start == start and last[0].pos == "ns"):
        return True  # (北京城: jieba's place word for the city; its dictionary, not the ending, may vouch for it)
    return bool(last) and len(last[0].text) >= 2 and last[0].pos not in ("un", "ns", "nz")


# A lake's shore: the model runs a lake's name that ends without 湖 (色林错, a Tibetan lake; 滇池) into the shore's
# 湖 (色林错|湖畔); a name that needs its 湖 (大明|湖畔) keeps it, and so does 青海|湖畔 (青海 is the province).
LAKE_SHORE_WORDS = frozenset(("湖畔", "湖岸", "湖边"))  # (the river rules read a lake before them too)
_LAKE_LAST = frozenset("错池")


def _site_around(text: str, e: Entity, around: _Around) -> Entity:
    """The site a LOC span names with what jieba cut off it: the works' word after it (灞陵|桥, 恒山|水库), and a
    name's first character that jieba glued onto the division before it (澄江市帽|天山: 市帽 is one word of its,
    帽天山 the hill). ``e`` itself when neither makes a site's name."""
    start, end = e.start, e.end
    glued = [t for t in around.tokens_in(max(0, start - 4), start) if t.end == start]
    if glued and _glued_to_division(text, glued[0], around):
        start = glued[0].start + 1
    own = level_of(e.text)
    after = [t for t in around.tokens_in(end, end + 1) if t.start == end]
    if after and after[0].text in _words()["works-after"] and own is None and e.text[-1] != "区":
        end = after[0].end  # (洪安古镇|码头, 三都澳港区|码头: a site's or an area's own dock is no site of its name)
    crossing = [t for t in around.tokens_in(max(0, end - 4), end) if t.start > start and t.start < end < t.end]
    shore = bool(crossing) and crossing[0].text in LAKE_SHORE_WORDS and text[crossing[0].start - 1] in _LAKE_LAST
    if crossing and ((own is None and level_of(text[start : crossing[0].start]) == "site") or shore):
        end = crossing[0].start  # 拉加寺|周边, 色林错|湖畔: the model ran into the word after the site
    if (start, end) == (e.start, e.end) or (level_of(text[start:end]) != "site" and not shore):
        return e
    return Entity(text[start:end], start, end, "LOC")


def _one_word(around: _Around, start: int, end: int) -> bool:
    """Whether jieba read [start, end) as one word."""
    return any(t.start == start and t.end == end for t in around.tokens_in(start, start + 1))


def _idiom_or_glued(text: str, e: Entity, around: _Around) -> bool:
    """Whether the model's span is one idiom or phrase of jieba's (万水千山), ends inside a word for a kind of
    settlement (柯尔克孜族村|落), or, ending in a bare landform character, starts or ends inside a word (西起|中山: 起
    is the verb's) or holds a preposition, conjunction or particle."""
    if _NUMERAL_IDIOM.fullmatch(e.text):
        return True
    tokens = around.tokens_in(max(0, e.start - 4), e.end)
    if any(t.start <= e.start and t.end >= e.end and t.pos[:1] in "il" for t in tokens):
        return True
    after = [t for t in tokens if t.start < e.end < t.end]
    if after and after[0].start == e.end - 1 and after[0].text in _words()["settlement-kind"]:
        return True  # 柯尔克孜族村|落, 城|乡村: the ending is the first character of a kind of place
    opened = next((t for t in tokens if t.start < e.start < t.end), None)
    if opened is not None and opened.pos.startswith("v") and _one_word(around, opened.end, e.end) and \
            (is_common_word(text[opened.end : e.end]) or is_common_word(opened.text)):
        # 观|摩海岛: a verb's last character and the common word after it (海岛) name nothing; nor do a common verb's
        # last character and any word after it (破|坏古村风貌: 破坏 is the sentence's verb)
        return True
    if _verb_glued_before(text, e, around):
        return True
    first = next((t for t in tokens if t.start == e.start), None)
    if first is not None and len(first.text) == 1 and first.pos[:1] in "pv" and \
            (is_common_word(e.text[1:]) or e.text[1:] in generic_stems()):
        return True  # 让|古村, 把|村落: a verb or a preposition and its common object (or a kind: 古村), no name
    if not e.text.endswith(_BARE_LANDFORMS):
        return False
    if _person_next().match(text, e.end):
        return True  # 邝文山|驱车前往: what a person does follows, so the name is a person's (李宝山, 王金山)
    if after and not (after[0].start == e.end - 1 and after[0].text in _words()["slope-word"]):
        return True  # 友谊|比山高: the span ends inside a word (白云|山麓 is a mountain's foot)
    if _lone_char_token(around, e.start) is not None:
        return True  # 努|鲁儿虎山: a character jieba left alone before the span may be the name's first
    # (友谊|比|山高, 吴|为|山: a function word of one character inside, a comparison or a person's name)
    return any((t.start < e.start < t.end and not _glued_to_division(text, t, around))
               or (e.start <= t.start and t.end < e.end and t.pos[:1] in "pcu" and t.pos != "un") for t in tokens)


def _verb_glued_before(text: str, e: Entity, around: _Around) -> bool:
    """补|齐山区: a one-character verb jieba cut off before the span makes a word with the span's first character
    (补齐, a word of the dictionary however rare), and the rest of the span is a common word (山区): the span is that
    verb's object, no name (jieba's own dictionary lists some such strings as places)."""
    verb = next((t for t in around.tokens_in(max(0, e.start - 1), e.start) if t.end == e.start), None)
    if verb is None or len(verb.text) != 1 or not verb.pos.startswith("v") or len(e.text) < 3:
        return False
    return jieba_freq().get(verb.text + e.text[0], 0) > 0 and is_common_word(e.text[1:])


def _glued_to_division(text: str, t: Token, around: _Around) -> bool:
    """Whether ``t`` is an unknown word of jieba's that a division's last character opens (澄江市|帽: 市帽)."""
    return t.pos == "un" and t.end - t.start >= 2 and t.start + 1 in around.mention_ends and text[t.start] in "市县区镇乡"


# 一湖清水, 一江春水, 一河两岸: a body of water counted right after its name is no part of the name; nor is the way
# round or along it (柳叶湖|环湖步道, 埃法特岛|环岛公路, 滨江|沿江 …).
_COUNTED_WATER = lazy_pattern.compile(r"(?<=\p{Han}[湖江河海岛])(?:一[湖江河海]|环湖|环岛|沿[湖江河海岸])$")


_GROUPED_KINDS = ("瀑布", "古墓", "墓", "石窟", "古建筑", "土楼", "溶洞")


def _mended_span(text: str, e: Entity) -> Entity:
    """The span without a body of water counted after it (东江湖|一湖清水, 长江|一江春水) or the way round it (柳叶湖|环湖),
    with a group of its kind (九龙瀑布|群), or with the 村 of a village named 东村 (东村|村; not 东村|村民)."""
    if (tail := _COUNTED_WATER.search(e.text)) is not None:
        e = Entity(e.text[: tail.start()], e.start, e.start + tail.start(), e.label)
    if text.startswith("群", e.end) and e.text.endswith(_GROUPED_KINDS):
        e = Entity(e.text + "群", e.start, e.end + 1, e.label)  # 九龙瀑布|群: a group of its kind is one site
    if e.text.endswith("村") and text.startswith("村", e.end) and text[e.end + 1 : e.end + 2] not in _words()["village-word-next"]:
        e = Entity(e.text + "村", e.start, e.end + 1, e.label)
    if len(e.text) >= 5 and e.text.endswith(_VILLAGE_DUTY_ENDS) and e.text[-3] == "村":
        e = Entity(e.text[:-2], e.start, e.end - 2, e.label)  # 白岩村|驻村|第一书记: the village's duty is no part of it
    if len(e.text) >= 4 and e.text[0] == "好" and text[e.start - 1 : e.start] in _VERBS_TAKING_HAO:
        e = Entity(e.text[1:], e.start + 1, e.end, e.label)  # 用好|克松社区…: 好 completes the verb before it
    if len(e.text) >= 4 and e.text[0] == "年" and text.endswith(_YEARS_BEFORE, 0, e.start):
        e = Entity(e.text[1:], e.start + 1, e.end, e.label)  # 这些|年嘎拉村: 年 ends the time before the name
    return e


# What 年 completes into a time before a name (这些年, 近年, 多年, 每年, 当年, 今年): it opens no place after them.
_YEARS_BEFORE = ("这些", "那些", "近", "多", "每", "当", "今", "去", "明", "前", "历")


# Verbs of one character whose result 好 ("well") follows them (用好, 建好, 守好): it opens no place after them.
_VERBS_TAKING_HAO = frozenset("用做建管守抓办讲护搞种看走干")


# Words of village work that end in 村 after a village's name (驻村第一书记, 包村干部).
_VILLAGE_DUTY_ENDS = ("驻村", "包村", "联村", "进村", "入村")


_OLD_TOWN_ENDS = ("古镇", "古城", "古村")
# Verbs of making and function characters that open no old town's one-character stem (双创|让|古镇…).
_NOT_STEM_CHARS = frozenset("让使把被将给叫令在为到和与及对从向于是有")


# A memorial's or museum's last word: such a site is named after an event or campaign (抗美援朝纪念馆, 四渡赤水纪念馆).
_MEMORIAL_ENDS = ("纪念馆", "博物馆", "纪念碑", "陈列馆", "纪念园")


def _whole_name_opened(e: Entity, around: _Around) -> Entity:
    """奥|卡万戈三角洲 → 奥卡万戈三角洲: a span the model opens inside a transliterated name of jieba's dictionary
    (奥卡万戈, nrt) that ends inside the span starts where the name does; 豆沙|关|古镇 → 豆沙关古镇: an old town of one
    character's stem (关, a verb to jieba) takes the noun glued before it (no old town is named by one character). So
    does a span opened inside an abbreviation or another proper word of three characters or more (抗美援朝|纪念馆)."""
    if len(e.text) == 3 and e.text.endswith(_OLD_TOWN_ENDS) and e.text[0] not in _NOT_STEM_CHARS:
        before = next((t for t in around.tokens_in(max(0, e.start - 3), e.start) if t.end == e.start), None)
        if before is not None and before.end - before.start == 2 and before.pos in ("n", "nz", "un") \
                and han_only(before.text):
            return Entity(before.text + e.text, before.start, e.end, e.label)
    word = next((t for t in around.tokens_in(max(0, e.start - 4), e.start + 1) if t.start < e.start < t.end < e.end), None)
    if word is None or word.end - word.start < 3 or not (word.pos in ("nrt", "nrfg") or (
            word.pos in ("j", "nz") and e.text.endswith(_MEMORIAL_ENDS))):
        return e  # (抗|美援朝纪念馆: a campaign's short name, j, opens the memorial named after it)
    lead = e.start - word.start
    return Entity(word.text[:lead] + e.text, word.start, e.end, e.label)


def _start_after_divisions(text: str, e: Entity, around: _Around, start: int) -> int:
    """Where the name of the model's span starts past the divisions that open it (海口|秀英港), unless a division's short
    form is part of the name itself."""
    while (nxt := around.division_at.get(start)) is not None and nxt < e.end - 1:
        if e.end - nxt == 2 and text[e.end - 1] in "塔寺" and level_of(text[start : e.end]) is not None:
            break  # 朝阳|北塔, 辽阳|白塔: a tower or temple its city names with one character more is the city's
        if e.end - nxt == 1 and _one_word(around, start, e.end):
            break  # 岳麓山: one word of jieba's, which a district's short form (岳麓) only opens
        if any(t.start < nxt < t.end for t in around.tokens_in(max(0, nxt - 4), nxt)):
            break  # 京|九铁路桥, 辽宁|号特大桥: the division's name ends inside a word (京九, 辽宁号) that opens the name
        if any(t.start == nxt and t.end == nxt + 1 and t.pos == "ng" for t in around.tokens_in(nxt, nxt + 1)):
            break  # 北海|子|公园: a noun morpheme glued to the division's short form makes them one name (北海子, a lake;
            # not 哈密|淖|毛湖, where a rare character opens the next name)
        if text[nxt : e.end] in _words()["not-place"] and text.endswith(_works_words(), nxt, e.end):
            break  # 上海|松江|特大桥: the works are named by the last division, which opens their name (浙江|河湖 is none)
        start = nxt  # 海口|秀英港: the city before the name says where it is, and is a place of its own
    return start


_DASHED_SITE = lazy_pattern.compile(r"\p{Han}{2,6}[—–－-]{1,2}(?P<last>\p{Han}{3,12})")


def _pieces(text: str, e: Entity, around: _Around):
    """(start, end, level, parent) of the places one model span stands for."""
    if e.text in _words()["not-place"] or e.text.endswith("之乡"):
        return  # 太阳, 惠及, 打造…桥头堡, 山塘水库: no place in running text, whatever its ending; nor an epithet's
        # 之乡 (石牌坊之乡, 鱼米之乡: "the home of"), whose 乡 is no township
    e = _whole_name_opened(_mended_span(text, e), around)
    if (dashed := _DASHED_SITE.fullmatch(e.text)) and level_of(dashed["last"]) == "site":
        yield e.start, e.end, "site", None  # 鼓城山—七里峡景区: two sites one scenic area joins with a dash
        return
    zone = _zone_end(text, e.end)
    if zone is not None and len(e.text) >= 2 and han_only(e.text) and e.text[0] not in _words()["not-first"]:
        yield e.start, zone, "zone", None
        return
    division = _FOREIGN_DIVISION.match(text, e.end)
    if division and len(e.text) >= 3 and looks_transliterated(e.text) and han_only(e.text):
        # 安托法加斯塔|大区: a state's first-level division named with its kind, whatever its last character (塔)
        yield e.start, division.end(), "province", around.country_end.get(e.start)
        return
    # 灵峰街道|及余村: 及 right after another place's mention joins the two and opens no name (和 may: 和平社区)
    joined = e.text[:1] in _LEADING_JOINERS and len(e.text) >= 3 and e.start in around.mention_ends
    start = e.start + 1 if joined else e.start
    start = _start_after_divisions(text, e, around, start)
    start = _ethnic_township_start(text, start, e.end, around)
    name = text[start : e.end]
    level = level_of(name)
    if name.endswith(_BARE_LANDFORMS) and around.country_end.get(e.end - 1) and (e.end - 1) - start <= 4 \
            and around.division_at.get(start) == e.end - 1:
        return  # 中国路、中国|桥: a country's name and a landform's character make a figure of speech, no site
    if name.endswith("山") and around.division_at.get(start) == e.end - 1 and not _one_word(around, start, e.end) \
            and han_only(text[e.end : e.end + 1]) and text[e.end : e.end + 1] not in _LEADING_JOINERS | {"和", "与"}:
        return  # 阜平|山|高沟深: a county's hills, not a mountain of that name (登上青原|山，: a mountain the district
        # is named after)
    if level == "site" and name.endswith("山") and text.startswith("脉", e.end):
        yield start, e.end + 1, "region", None  # 戴云山|脉: the range the mountain's name opens
        return
    after_township = start in around.mention_ends and text[start - 1] in "镇乡道木"
    if level is None and after_township and (_short_village(name) or _common_ending_village(name)):
        level = "village"  # 天荒坪镇|余村, 西庄镇|团山村: right after its township, even a village whose
        # name is short or ends like a common word (山村) is a village
    elif level is None and _common_ending_village(name) and localities.villages_named(name):
        level = "village"  # 来到碧|山村: the village table holds the name the model read, a second signal
    if level is not None and e.end in (around.named_ends if level == "site" else around.mention_ends):
        return  # 江西萍乡: the ending (乡) belongs to a known name (萍乡), not to a township (but 朝阳|北塔 is a
        # tower, whatever township 北塔镇 the gazetteer knows elsewhere)
    if (name.endswith("山区") and around.division_at.get(start) == e.end - 2) or (
            level == "village" and not after_township and (_common_word_village(name) or _slogan_village(name))):
        return  # 婺源|山区村民: a county's mountain areas, no named region; 基层|社区: a common word, no village
    if level == "village" and (kind := _VILLAGE_KIND.match(name)) is not None and level_of(name[kind.end() :]):
        start += kind.end()  # 布依族村寨|纳灰村: the kind of village before its name is no part of it
        name = text[start : e.end]
    if level == "village" and (first := _word_opened_before(around, start)) is not None:
        start, name = first, text[first : e.end]  # 金庭镇|明|月湾古村: after a place or a verb, it starts where a word does
    if level == "village" and (cut := _town_before_kind(name)) is not None:
        yield start, start + cut, "town", None  # 如城街道|社区养老服务中心: the township's, and a kind of place after it
        return
    if level in ("village", "site") and (cut := _split_town(name, level)) is not None:
        yield start, start + cut, "town", None  # (薄壁镇|宝泉景区: a site is named after its township as a village is)
        yield start + cut, e.end, level, name[:cut]
        return
    if level == "site" and name.endswith(_TEMPLE_ENDS) and (lone := _lone_char_before(text, start, around)):
        start, name = lone, text[lone : e.end]  # 强|巴林寺: a character jieba left alone opens a temple's name
    elif level == "site" and name.endswith(_SCENIC_ENDS) and (lone := _compass_before(start, around)) is not None:
        start, name = lone, text[lone : e.end]  # 加强|西|泰山景区: a compass point left alone after a verb opens the name
    if level == "site" and name.endswith("城") and _common_town_word(name, start, e.end, around):
        level = None  # 丰宁|县城, 古|商城, 北京|城: a county's seat, a market or the city itself, not a walled site
    if level is not None and _idiom_or_glued(text, e, around):
        level = None  # its ending says nothing then: only a second signal (below) makes it a place
    if level is not None:
        if not _kind_names_none(e, around, start, name, level, after_township):
            yield start, e.end, level, None
        return
    yield from _untyped_pieces(text, e, around)


def _kind_names_none(e: Entity, around: _Around, start: int, name: str, level: str, after_township: bool) -> bool:
    """Whether the span's ending, read as its kind, names no place for what stands before it or after it."""
    # 提升社区, 城乡社区: a verb or a kind of area before the ending names no village or site.
    # (Words of two characters or more: jieba cuts a transliterated name into single characters that
    # it tags as anything, 托|格拉|克.)
    stem = [t for t in around.tokens_in(start, e.end) if t.end <= e.end - 1 and t.end - t.start >= 2]
    if "城乡" in name or (any(_function_word(t.pos) for t in stem) and not (level == "village" and after_township)):
        return True  # (畹町镇|回环村, 红柳湾镇|团结社区: right after its township a village may be named by any word)
    if level == "town" and name[:-1] in _words()["town-kind"]:
        return True  # 金海湖镇、大华山镇等|山区镇: a kind of township, no township's name
    if (level == "village" and _kind_opens_settlements(e, around)) or (
            level == "town" and _ends_in_settlements(e, around)):
        return True  # 沿河|村组, 沿河|村镇: a word for villages or townships in general ends the span, no kind of one
    # 年底|前城镇, 保护|和古镇: a function character before a common word names no town; 景区|和镇村: nor one before the
    # words of settlements alone a village
    return level in ("town", "village") and name[0] in _FUNCTION_FIRST and _common_or_settlements(name[1:])


def _kind_opens_settlements(e: Entity, around: _Around) -> bool:
    """Whether the span's last character, its kind, opens a word for villages in general that runs on past it."""
    toks = around.tokens_in(e.end - 1, e.end + 2)
    return bool(toks) and toks[0].start == e.end - 1 and toks[0].text in localities.SETTLEMENT_WORDS


def _ends_in_settlements(e: Entity, around: _Around) -> bool:
    """Whether the span's last word is one for townships and villages in general after a word of two characters or
    more (沿河|村镇, 沿线|乡镇; not 黔|城镇, a town whose one-character name jieba read apart)."""
    toks = around.tokens_in(e.start, e.end)
    return len(toks) >= 2 and toks[-1].end == e.end and toks[-1].text in ("村镇", "乡镇", "城镇") and \
        toks[-2].end - toks[-2].start >= 2


def _common_or_settlements(rest: str) -> bool:
    return jieba_freq().get(rest, 0) >= 100 or all(c in _SETTLEMENT_CHARS for c in rest)


_PLUS = ("+", "＋")


def _untyped_pieces(text: str, e: Entity, around: _Around):
    """(start, end, level, parent) of the place a model span with no place's ending stands for, where a second
    signal says it is one: a foreign division's kind after it, jieba's dictionary, a country before it, or the
    characters of a transliteration."""
    if not 2 <= len(e.text) <= UNTYPED_MAX or not han_only(e.text) or e.text[0] in _words()["not-first"]:
        return
    if e.text in _words()["place-level"] or e.text in localities.GENERIC:
        return  # 三角洲, 走廊: a kind of place, not one
    if is_body(e.text):
        return  # 阿盟|中止了…: an international body's short name (jieba's dictionary holds it as a place: 阿拉善盟)
    if _named_after_post(text, e.text):
        return  # 哈马斯领导人|哈尼亚 … 暗杀哈尼亚的…: right after a post, anywhere in the article, stands its holder's name
    if _relation_or_session(text, e):
        return
    if len(e.text) <= 3 and all(c in _STATE_CHARS for c in e.text) and ("中" in e.text or _TOGETHER.match(text, e.end)):
        return  # 中菲|关系, 韩美|举行…联演, 中日韩: two or three states' one-character forms are the states together
        # (not 哈马, 加沙: towns whose names are spelt with such characters)
    toks = around.tokens_in(e.start, e.end)
    if len(toks) == 1 and (toks[0].start, toks[0].end) == (e.start, e.end) and toks[0].pos.startswith("nt"):
        return  # 佛得角|国民议会: a word jieba's dictionary holds as an organisation's name is no place
    if any(_function_word(t.pos) and t.end - t.start >= 2 for t in toks):
        return  # 惠及: a verb the place lists happen to hold
    if _verb_glued_before(text, e, around):
        return  # 补|齐山区
    if _ends_inside_word(e, around):
        return  # 巴拿马|国民大|会主席: the model cut a word of the dictionary (国民大会), so its span names nothing
    if (opened := _word_opening_inside(e, around)) is not None:
        if not looks_transliterated(text[opened : e.end]) or translit_odds(text[opened : e.start]) < TYPICAL_TRANSLIT:
            return  # (a word the model cut names nothing; nor does one a verb opens, 称|奥密克…)
        e = Entity(text[opened : e.end], opened, e.end, e.label)  # 卢|甘斯克: the word the segmenter read, from its start
    if text.startswith(_epithet_next(), e.end):
        return  # 庐陵|文化, 滨海|旅游: an adjective use
    if text[e.end : e.end + 1] in _PLUS or text[e.start - 1 : e.start] in _PLUS:
        return  # “淮山+茶叶+瑶族风情游”: a product of a formula of trades (a place the tables know is read by them)
    if len(e.text) == 2 and e.text[0] in "东西南北" and e.text[1] in "坡麓" and text[e.start - 1 : e.start] in ("山", "岭", "峰"):
        return  # 高黎贡山|西坡: a mountain's side, not the place jieba's dictionary names so
    if e.start in around.country_end and e.text in STATE_POSTS:
        return  # 文莱|苏丹: a monarch's post under his state, not a second state
    division = _FOREIGN_DIVISION.match(text, e.end)
    if division and (e.start in around.country_end or looks_transliterated(e.text)):
        # 意大利托斯卡纳|大区, 滨海|边疆区: a state's first-level division, named with its kind
        yield e.start, division.end(), "province", around.country_end.get(e.start)
        return
    listed = e.start >= 2 and text[e.start - 1] in "和与及、" and e.start - 1 in around.mention_ends
    if (e.start, e.end) in around.lexicon_loc and _person_next().match(text, e.end) \
            and text[e.start - 1 : e.start] not in _PLACE_PREPOSITIONS and e.start not in around.mention_ends \
            and not listed:
        return  # 普京|表示: jieba's dictionary holds some persons' names as places; what follows says a person
        # (在中南海|会见, 在中南海瀛台|会见, 到调关镇和天鹅洲|察看: after a preposition or a place, or joined to a
        # place, a place)
    if (e.start, e.end) in around.lexicon_loc or e.start in around.country_end:
        yield e.start, e.end, None, around.country_end.get(e.start)
        return
    # 俄库尔斯克州, 顿涅茨克|地区: a transliterated name the model reads as a place, after a country's one-character
    # form or before a division's word, is a foreign place (the characters, not the model alone, say foreign)
    lead = _FOREIGN_SHORT.get(e.text[0]) if len(e.text) >= 4 else None
    start = e.start + 1 if lead else e.start
    core = text[start : e.end].removesuffix("州").removesuffix("省")
    if looks_transliterated(core) and len(core) >= 3 and (lead or _DIVISION_AFTER.match(text, e.end) or
                                                          text[start:e.end] != core):
        yield start, e.end, None, lead


def _named_after_post(text: str, name: str) -> bool:
    """Whether ``name`` stands right after a post somewhere in ``text`` (领导人|哈尼亚, 总统|普京)."""
    return any(text[max(0, at - k) : at] in posts() for at in occurrences(text, name) for k in (2, 3))


def _word_opening_inside(e: Entity, around: _Around) -> int | None:
    """Where a word of three characters or more opens that the segmenter read across the span's start (卢甘斯克 of
    the model's 甘斯克): the model cut a name short; None where the span starts a word."""
    return next((t.start for t in around.tokens_in(max(0, e.start - 6), e.start)
                 if t.start < e.start < t.end and t.end - t.start >= 3), None)


def _ends_inside_word(e: Entity, around: _Around) -> bool:
    """Whether a word of jieba's dictionary that starts inside the span runs on past its end."""
    toks = around.tokens_in(e.start, e.end)
    return bool(toks) and toks[-1].end > e.end and jieba_freq().get(toks[-1].text, 0) > 0


def mention_index(places: dict[str, Place]) -> SpanIndex:
    """The spans of every place mention found so far."""
    return SpanIndex((m.start, m.end) for p in places.values() for m in p.mentions)


def named_place(places: dict[str, Place], name: str, level: str | None, evidence: str,
                parent: str | None = None) -> Place:
    """The place of ``level`` called ``name`` that no gazetteer entry stands for, added on first sight: keyed
    ``level:name``, so every rule that finds the same one adds to it."""
    return places.setdefault(f"{level}:{name}", Place(name=name, level=level, parent=parent, evidence=evidence))


def add_bare_mentions(text: str, places: dict[str, Place], place: Place, surface: str,
                      fits: Callable[[int, int], bool]) -> None:
    """Every occurrence of ``surface`` that no mention holds yet and ``fits`` (the caller's test of a word of its
    own, not a piece of a longer name or a person's) becomes a mention of ``place``, kept in text order: a place
    named once in full and again bare (者米乡 of a list … 来到者米乡, 台马科技板块 … 台马, 欧登塞市 … 访问欧登塞)."""
    held = mention_index(places)
    for m in regex.finditer(regex.escape(surface), text):
        if not held.overlaps(m.start(), m.end()) and fits(m.start(), m.end()):
            place.mentions.append(Span(surface, m.start(), m.end()))
    place.mentions.sort(key=lambda s: s.start)


def settle_levels(places: dict[str, Place]) -> None:
    """The level a place's name shows, for the places no rule typed (the last step: the rules before read an untyped
    place as a weaker reading, 美利|渠 or 沿古乡湖, and must see it so): a quarter of the country or of the world
    (华北, 东南亚), a river, lake or sea (长江, 黑海), a foreign province (伊德利卜省), a foreign town under its state."""
    names, ends = _words()["name-level"], _end_levels()
    # (a state of the country list or a foreign province the article names; a town read by its sounds is foreign
    # whatever its parent: 尤瓦尔迪市 of 得克萨斯州)
    foreign = set(countries()) | {p.name for p in places.values() if p.level == "province" and p.code is None}
    foreign.discard("中国")
    for p in places.values():
        if p.level is not None:
            continue
        p.level = names.get(p.name) or next(
            (level for end, level in ends if p.name.endswith(end) and len(p.name) > len(end)), None)
        if p.level is None and (p.parent in foreign or p.parent is not None and p.evidence == "translit"):
            p.level = next((level for end, level in _words()["foreign-end-level"].items() if p.name.endswith(end)),
                           "city")


@functools.cache
def _end_levels() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_words()["end-level"].items(), key=lambda kv: -len(kv[0])))


def move_mention(places: dict[str, Place], text: str, owner: Place, m: Span, end: int, level: str, evidence: str,
                 parent: str | None = None) -> None:
    """Take ``m`` from ``owner`` into the place of ``level`` its words run on to, up to ``end`` (保山|坝 is the flat,
    桃坪|羌寨 the village, not the division the short form stood for)."""
    owner.mentions.remove(m)
    name = text[m.start : end]
    named_place(places, name, level, evidence, parent).mentions.append(Span(name, m.start, end))


def absorb(into: Place, other: Place) -> None:
    """Move every mention of ``other`` into ``into``, in text order: one place written two ways (a span both read, by
    two rules under two keys, is one mention)."""
    spans = {(m.start, m.end) for m in into.mentions}
    into.mentions = sorted(into.mentions + [m for m in other.mentions if (m.start, m.end) not in spans],
                           key=lambda m: m.start)
    other.mentions = []


def drop_empty(places: dict[str, Place]) -> None:
    """Remove the places left without a mention."""
    for key in [k for k, p in places.items() if not p.mentions]:
        del places[key]


def _drop_mentions(places: dict[str, Place], gone: Callable[[Place, Span], bool]) -> bool:
    """Remove the mentions ``gone`` picks, and places left without any; whether any went."""
    dropped = False
    for key, place in list(places.items()):
        keep = [m for m in place.mentions if not gone(place, m)]
        if len(keep) != len(place.mentions):
            dropped = True
            place.mentions = keep
            if not keep:
                del places[key]
    return dropped


def drop_mentions_within(places: dict[str, Place], start: int, end: int, short_only: bool = False) -> bool:
    """Remove the mentions lying inside [start, end) (with ``short_only``, those shorter than the span that
    name their place by a short form), and places left without any; whether any went."""
    return _drop_mentions(places, lambda place, m: start <= m.start and m.end <= end and (
        not short_only or (m.end - m.start < end - start and m.text != place.name)))


def drop_mentions_where(places: dict[str, Place], gone: Callable[[Place, Span], bool]) -> bool:
    """Remove the mentions ``gone`` picks, and places left without any; whether any went."""
    return _drop_mentions(places, gone)


def drop_untyped_within(places: dict[str, Place], start: int, end: int) -> bool:
    """Remove the mentions inside [start, end) of places of no level and of sites (readings of a name's stem, 美利|渠,
    or of the name with a preposition glued on, 沿古乡湖); whether any went."""
    return _drop_mentions(places, lambda place, m: start <= m.start and m.end <= end and place.level in (None, "site"))


def _drop_foreign_city_within(places: dict[str, Place], start: int, end: int) -> bool:
    """达累斯萨拉姆|港, 鹿特丹|港: a foreign city's mention that a site's name opens is the site's (the port is named by
    its city), and so is a foreign state's name a site's holds inside (强|巴林|寺 is a temple in Tibet, not Bahrain's);
    whether any went."""
    return _drop_mentions(places, lambda place, m: start <= m.start and m.end < end and (
        (place.level == "city" and place.code is None)
        or (place.level == "country" and start < m.start and place.name != "中华人民共和国")))


# Places a village or township may be named after (广州新城|社区, 豫园|街道): not the divisions, whose name before
# a township's ending is the township's own short form or the place it lies in.
_NAMESAKE_LEVELS = frozenset({"site", "zone", "park", "region", None})


def _drop_namesake_within(text: str, places: dict[str, Place], start: int, end: int, level: str) -> bool:
    """广州新城|社区, 豫园|街道, 五女山|城, 官厅水库|特大桥: the mention of a site or zone that a village's or township's
    ending alone follows, or a short site's ending, is that name's, not a visit to the site it names (西柏坡|本村人 is
    no village); whether any went."""
    endings = _words()["place-level"]

    def named_after(place: Place, m: Span) -> bool:
        rest = text[m.end : end]
        if m.start != start or place.level not in _NAMESAKE_LEVELS:
            return False
        if level == "site":  # (a site's only: 加勒比|岛国, 中东|海湾地区 are the region's)
            return place.level == "site" and len(rest) <= 3 and any(rest.endswith(k) for k, v in endings.items() if v == "site")
        return endings.get(rest) in ("village", "town")

    return _drop_mentions(places, named_after)


def _glue_first_character(spans: list[Entity], known: Callable[[str], bool]) -> list[Entity]:
    """司|莫拉佤族村: a place of one character the model read right before a village is the village's first
    character (no village, township or county is named by one character alone); the village runs from it. Not
    where the character and the next make a known place (黄|山西递村 is 黄山|西递村)."""
    out: list[Entity] = []
    for e in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label == e.label == "LOC" and prev.end == e.start and len(prev.text) == 1 \
                and han_only(prev.text) and e.text.endswith(("村", "社区")) and not known(prev.text + e.text[0]):
            out[-1] = Entity(prev.text + e.text, prev.start, e.end, "LOC")
            continue
        out.append(e)
    return out


def _named_park(name: str, endings: tuple[str, ...]) -> bool:
    """桃花冲|国家森林公园: a park's kind with a name of two characters or more before it (not the kind alone:
    我国第一个|国家森林公园)."""
    kind = max((k for k in endings if name.endswith(k)), key=len, default=None)
    return kind is not None and len(name) - len(kind) >= 2


def _after_verb_tail(analysis: Analysis, e: Entity) -> Entity:
    """察|看边境村: a span the model opened on a two-character verb's last character starts after the verb."""
    tok = analysis.token_at(e.start)
    if tok is None or not tok.start < e.start < tok.end or not tok.pos.startswith("v") or tok.end - tok.start != 2 \
            or e.end - tok.end < 2:
        return e
    rest = e.text[tok.end - e.start :]
    if is_common_word(rest) or rest[0] in "省市县区镇乡村":
        return e  # (放|宽城镇, 涵|盖县镇村: what is left is a common word or a list of levels, which the span's rules drop)
    return Entity(rest, tok.end, e.end, e.label)


def _without_port_word(text: str, e: Entity) -> Entity:
    """班珠尔|港口改造: a span the model ended on the first character of 港口 names the city whose port it is, not a
    port called X港."""
    if e.text.endswith("港") and len(e.text) >= 3 and text.startswith("口", e.end):
        return Entity(e.text[:-1], e.start, e.end - 1, e.label)
    return e


BOUND_ZG_FREQ = 2000  # 玄 1220; 件 6482, 往 16974


def _with_bound_morpheme(analysis: Analysis, e: Entity) -> Entity:
    """溱|潼古镇, 溱|湖, 玄|天湖: a rare character the segmenter cut off as a bound morpheme (its tag ``g`` or ``zg``)
    right before the model's span opens the name; the model, reading the word's features, started after it."""
    tok = analysis.token_at(e.start - 1) if e.start else None
    # (zg also tags common characters the segmenter leaves alone, 文物|件|阿富汗…, 往|秦皇岛港: only a rare one opens a name)
    bound = tok is not None and (tok.pos == "g" or (tok.pos == "zg" and jieba_freq().get(tok.text, 0) < BOUND_ZG_FREQ))
    if bound and tok.end == e.start and len(tok.text) == 1 and han_only(tok.text):
        return Entity(tok.text + e.text, tok.start, e.end, e.label)
    return e


# What may stand before a name's first syllable that the segmenter read as a verb: a particle, a joiner, a mark, a
# locative (北部的|提|贝斯提山), never a noun or a pronoun it could be the verb of (他们|提|…).
_BEFORE_NAME_TAGS = ("uj", "x", "c", "f")


def syllable_opens_name(char: str, name: str, prior_pos: str | None) -> bool:
    """Whether the lone character ``char`` is the first syllable of the transliterated ``name`` after it (的|扎|库马,
    的|提|贝斯提): the character a name's syllable, the name and the two together read as sounds, and what stands before
    it (``prior_pos``, jieba's tag; None at the text's start) nothing the character could be the verb of. The park rule's
    stem walk and the model's spans both ask it."""
    return translit_odds(char) > 0 and translit_odds(name) >= TYPICAL_TRANSLIT \
        and translit_odds(char + name) >= TYPICAL_TRANSLIT and (prior_pos is None or prior_pos.startswith(_BEFORE_NAME_TAGS))


def _with_translit_syllable(analysis: Analysis, e: Entity) -> Entity:
    """的|提|贝斯提山: a transliterated name's first syllable the segmenter read as a verb of its own (提, 扎) right before
    the model's span, which its first word, a transliteration, opens; the model started after the verb."""
    tok = analysis.token_at(e.start - 1) if e.start else None
    if tok is None or tok.end != e.start or len(tok.text) != 1 or tok.pos != "v":
        return e
    first = analysis.token_at(e.start)
    prior = analysis.token_at(tok.start - 1) if tok.start else None
    if first is None or first.start != e.start or first.pos[:2] not in ("nr", "ns") or len(first.text) < 2 \
            or not syllable_opens_name(tok.text, first.text, prior.pos if prior is not None else None):
        return e
    return Entity(tok.text + e.text, tok.start, e.end, e.label)


def _with_translit_word(analysis: Analysis, e: Entity, held: SpanIndex) -> Entity:
    """推进|法奥|大港|建设: a word jieba reads as a transliterated name (nrt) glued right before the model's span opens the
    place's name, a foreign port or town named partly in translation (法奥大港, not 大港); not a place read there
    already (拉萨|八廓街: the city, then its street)."""
    tok = analysis.token_at(e.start - 1) if e.start else None
    if tok is None or tok.end != e.start or tok.pos != "nrt" or len(tok.text) < 2 \
            or translit_odds(tok.text) < TYPICAL_TRANSLIT or held.overlaps(tok.start, tok.end):
        return e
    return Entity(tok.text + e.text, tok.start, e.end, e.label)


_ALONG_WATER = lazy_pattern.compile(r"沿[河江湖海溪]")


@functools.cache
def _kind_words() -> frozenset[str]:
    """The words of two characters or more that make a name a landform's or a region's (峡湾, 高原, 盆地); not the
    sites' kinds, some of which a site's short form is (恭城武庙 … 武庙)."""
    words = lexicons.lists("place_words.tsv")
    return frozenset(w for key in ("foreign-landform", "region-suffix") for w in words[key] if len(w) >= 2)


def _bilateral_short(name: str, states: list[str]) -> bool:
    """中西, 中格, 中几比: 中 and the first characters of a foreign state the article names abbreviate the pair (中西关系,
    中格两国), no place."""
    rest = name[1:]
    return name[:1] == "中" and 1 <= len(rest) <= 2 and any(s.startswith(rest) for s in states)


def add(
    text: str,
    analysis: Analysis,
    places: dict[str, Place],
    in_person: Callable[[int, int], bool],
    inside_org: Callable[[int], bool],
    known: Callable[[str], bool],
) -> None:
    """Add the places the model's LOC spans (and ORG spans of visited academies) stand for that no place, person or
    organisation covers."""
    org_sites, org_parks = tuple(_words()["org-site"]), tuple(_words()["org-park"])
    landform_ends = tuple(_words()["landform-end"])
    # (中和镇东坡书院: an old academy the model reads as an organisation is a site, after its township; 和|桃花冲国家
    # 森林公园: a park's name is one wherever it stands)
    spans = [e if e.label == "LOC" else _org_site(text, e) for e in analysis.ner
             if e.label == "LOC" or (e.label == "ORG" and han_only(e.text) and (
                 _named_park(e.text, org_parks) or (e.text.endswith(org_sites) and _visited(analysis, e.start))))]
    spans += [f for e in analysis.ner if e.label == "PER" and (f := _landform_read_as_person(text, e, landform_ends))]
    spans.sort(key=lambda e: e.start)
    if not spans:
        return
    spans = _glue_first_character(spans, known)
    held = mention_index(places)
    spans = [_without_port_word(text, _with_translit_word(analysis, _with_translit_syllable(analysis, _with_bound_morpheme(
        analysis, _after_verb_tail(analysis, e))), held)) for e in spans]
    towns = {m.end: p.name for p in places.values() if p.level == "town" for m in p.mentions}
    around = _Around(
        lexicon_loc={(f.start, f.end) for f in analysis.lexicon if f.label == "LOC"},
        country_end={m.end: p.name for p in places.values() if p.level == "country" for m in p.mentions},
        division_at={m.start: m.end for p in places.values() if p.level in DIVISION_LEVELS for m in p.mentions},
        mention_ends={m.end for p in places.values() for m in p.mentions},
        named_ends={m.end for p in places.values() for m in p.mentions if p.level != "town" or m.text == p.name},
        tokens_in=analysis.tokens_in,
    )
    phrases = phrase_spans(text)
    holder_posts = tuple(_words()["head-of-state-post"])
    states = [p.name for p in places.values() if p.level == "country" and p.name != "中国"]
    for e in spans:
        if phrases.overlaps(e.start, e.end) or (text.startswith(holder_posts, e.end) and _holder_name(e.text)) \
                or text.startswith("之乡", e.end) or (_ALONG_WATER.fullmatch(e.text) and not text.startswith("县", e.end)) \
                or e.text in _kind_words() or _bilateral_short(e.text, states):
            continue  # 保家卫国, 山水|林田湖|草沙: a set phrase's piece; 同|普京|总统: the post's holder (刚果(布)|总统: a state's);
            # 长寿|之乡, 鱼米|之乡: what a land is famed for; 沿河|各镇, 沿河|将回补: along the river (沿河县 is a county);
            # 松恩|峡湾: a kind of landform alone names none; 中西|关系: China and a partner the article names
        if e.label == "LOC":
            e = _site_around(text, e, around)  # (before the gazetteer's say: 天山, 恒山 are known, 帽天山 is not)
        if known(e.text):
            continue  # the gazetteer had its say on this name (中关村 of 中关村论坛 is none): its word stands
        for start, end, level, parent in _pieces(text, e, around):
            # The longer name wins over a hit on its suffix alone (西哈努克港|经济特区 is no 深圳经济特区) and
            # over a township's short form inside a village's name (托格拉克|社区 is no 托格拉克乡).
            lo = e.end if level == "zone" else start
            if held.contains(start, end):
                continue  # 青海湖 is on the site list already: its place stands, and so does 青海省
            if level is not None and drop_mentions_within(places, lo, end, short_only=level != "zone"):
                held = mention_index(places)
            if level == "site" and _drop_foreign_city_within(places, start, end):
                held = mention_index(places)
            if level in ("village", "town", "site") and _drop_namesake_within(text, places, start, end, level):
                held = mention_index(places)
            if held.overlaps(start, end) or in_person(start, end) or inside_org(end) or in_work_title(text, start):
                continue
            if level == "village" and localities.VILLAGE_ORG.match(text, end):
                continue
            name = text[start:end]
            if level is None and (town := _township_cut_short(text, places, start, end)) is not None:
                town.mentions.append(Span(town.name, start, start + len(town.name)))  # 香山|乡长…: the township's
                continue
            if level == "village" and parent is None:
                parent = towns.get(start)
            # (北美 read here, 北美洲 the list's name for it: one region under the list's name)
            canon = localities.region_canonical(name) if level in (None, "region") else None
            place = named_place(places, canon or name, "region" if canon else level, EVIDENCE, parent)
            place.mentions.append(Span(name, start, end))
            around.mention_ends.add(end)  # (a village the model reads next may follow it: 茅坪乡|神山村)
            around.named_ends.add(end)
            if level == "town":
                towns[end] = name
    _join_village_short_forms(places)


def _township_cut_short(text: str, places: dict[str, Place], start: int, end: int) -> Place | None:
    """The township the article names whose name a model span misses only its 乡 or 镇 by, which the segmenter glued to
    the next character (香山|乡长|山头水库: 乡长 is a post), or None."""
    if text[end : end + 2] not in ("乡长", "镇长"):
        return None
    town = town_named(places, text[start : end + 1])
    return town if town is not None and town.mentions else None


def town_named(places: dict[str, Place], name: str) -> Place | None:
    """The township called ``name`` that the article's places hold, whichever rule found it."""
    return next((p for p in places.values() if p.level == "town" and p.name == name), None)


def _join_village_short_forms(places: dict[str, Place]) -> None:
    """东村|古村落 after 东村村: an untyped place the model read whose name and 村 are a village's of the article is
    that village, named without its second 村."""
    for key, place in list(places.items()):
        village = places.get(f"village:{place.name}村")
        if place.level is None and place.evidence == EVIDENCE and village is not None:
            village.mentions = sorted(village.mentions + place.mentions, key=lambda m: m.start)
            del places[key]
