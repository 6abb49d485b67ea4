"""Places: administrative divisions, policy zones, regions and named parks, one Place per real place.

One pass of the gazetteer automaton finds every known name, alias, short form and park suffix.
Then, in order:
  1. name hits are kept when they sit on word boundaries (jieba tokens) and are not part of an
     organisation or event name (北京奔驰汽车有限公司, 中关村论坛) or an adjectival use (中国式);
  2. park suffix hits grow a stem leftwards over name-like tokens (国家网络安全|产业园);
  3. overlapping candidates are settled, longest first, a known full name beating a grown one;
  4. ambiguous names are resolved by what the rest of the document places them in (通州 is
     Beijing's in a Beijing article, 南通's in a Jiangsu one); town short forms need their district;
  5. mentions are grouped per place; a bare stem (张家湾, 台马) joins the named park it heads.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from policyie import lazy_pattern, lexicons
from policyie.extractors import _county_townships as county_townships
from policyie.extractors import _farm_bases as farm_bases
from policyie.extractors import _flats as flats
from policyie.extractors import _foreign_places as foreign_places
from policyie.extractors import _kind_lists as kind_lists
from policyie.extractors import _localities as localities
from policyie.extractors import _model_places as model_places
from policyie.extractors import _river_sections as river_sections
from policyie.extractors import _visited_sites as visited_sites
from policyie.extractors._events import TEAM_VERBS
from policyie.extractors._foreign import HOME_STATE, prefix_country
from policyie.extractors._foreign import countries as foreign_countries
from policyie.extractors._numerals import COUNT_CHARS
from policyie.extractors._people import foreign, is_common_word, jieba_freq, looks_transliterated, orgs, posts
from policyie.extractors._spans import (
    SpanIndex,
    epithet_cue,
    in_work_title,
    occurrences,
    quoted_parallel_items,
    short_quote,
)
from policyie.extractors.base import Context, register
from policyie.gazetteer import (
    ALIAS,
    AREA_SUFFIXES,
    DEICTICS,
    FULL,
    LEVEL_RANK,
    NAME_STOP,
    PARK_SUFFIXES,
    SHORT,
    WEAK,
    WEAK_SUFFIXES,
    Entry,
    Gazetteer,
    Hit,
    load,
)
from policyie.name_runs import TYPICAL_TRANSLIT, translit_odds, translit_table
from policyie.nlp import Analysis, Token, tag_table
from policyie.records import Place, Span

CJK = lazy_pattern.compile(r"[\p{Han}]")
NAMEISH = lazy_pattern.compile(r"[\p{Han}A-Za-z0-9·\-]")

# The curated words of places (organisation suffixes, park stems, stop words): data, in lexicons/place_words.tsv.
_WORDS = lexicons.lists("place_words.tsv")

# What follows a place inside an organisation, company, institution or event name.
ORG_SUFFIXES = list(_WORDS["organ-suffix"])
ORG_SUFFIX_TUPLE = tuple(ORG_SUFFIXES)
# Event venues: after 在/于 the place before one is where the event is (在北京|国家会议中心举行), not part of a name.
VENUE_SUFFIXES = tuple(_WORDS["venue-suffix"])
VENUE_AND_ORG_SUFFIXES = VENUE_SUFFIXES + ORG_SUFFIX_TUPLE
# Words after which a following noun no longer belongs to the place's phrase.
BREAK_WORDS = frozenset(_WORDS["break-word"])
# 中国式现代化, 中国特色社会主义: adjectival, not the place.
ADJECTIVAL = _WORDS["adjectival"]  # 非洲裔: descent, not the place
COUNTRY_ADJECTIVAL = _WORDS["country-adjectival"]  # 中国特色: after a country only (陕南|特色产业 is the region's)
ADJECTIVAL_WORDS = frozenset(_WORDS["adjectival-word"])  # a whole next word (not 制造业); 北京时间 is a time zone
# Place shorts that are also verbs, with what follows them as verbs: 大兴调查研究之风 ("promote").
# 省域副中心城市 is a rank any province gives its second cities, not Beijing's sub-centre.
# 乡镇和县直部门, 市和县级财政: "and the county's …", not 和县 of Anhui.
VERBAL_USES = {"大兴": lazy_pattern.compile(r"[\p{Han}、]{1,10}?之风|土木"), "副中心": lazy_pattern.compile(r"城市"),
               "和县": lazy_pattern.compile(r"直|级|两级|乡")}
WISH_WORDS = frozenset(_WORDS["wish-word"])
_WISH_BEFORE = lazy_pattern.compile("(?:" + "|".join(map(regex.escape, _WORDS["wish-before"])) + ")$")
_WISH_AFTER = lazy_pattern.compile(r"[、，,。；;！!”\s]|万事|如意|快乐")
# 巴中关系, 中巴友好: two one-character country abbreviations, not the city of 巴中.
BILATERAL = lazy_pattern.compile(r"关系|两国|友好|建交|友谊|双边|经贸|合作|人民|战略|全面")
# The rest of a jieba token a place name may end inside: 北京市委, 海淀区委, 湖南籍.
ORGAN_REST = frozenset(_WORDS["organ-rest"])
# One-character words that jieba glues onto an unknown name (向雄安|新区).
GLUE_CHARS = frozenset(_WORDS["glue-char"])
# What opens the rest of a word jieba made of a township's 镇 and what follows: its head, organs and government (镇长,
# 镇党委, 镇政府, 镇人大, 镇委, 镇纪委), after which the name is the organ's.
_TOWNSHIP_ORGAN_FIRST = frozenset("长党政人委纪")

TOWNSHIP_ENDS = ("镇", "乡", "街道", "苏木")
DIVISION_LAST = frozenset("省市区县镇乡旗")
SITE_SUFFIXES = tuple(_WORDS["site-suffix"])
REGION_SUFFIXES = tuple(_WORDS["region-suffix"])
# Suffixes of facilities named by their county-level city alone (满洲里口岸, 霍尔果斯口岸).
BY_DIVISION = frozenset(_WORDS["division-named-suffix"])
CROSSING_MODES = frozenset(_WORDS["crossing-mode"])
EVENT_SITE_WORDS = tuple(_WORDS["event-site"])
DASHES = frozenset("—–-")
DIRECTION_WORDS = frozenset(_WORDS["direction-word"])
# Landform characters that make a toponym of the word before them (月亮湾, 白石山, 太阳岛).
GEO_CHARS = frozenset("湾湖山岛河江峰岭洞谷泉岩滩峡海塘溪坝渡")
ZONE_WORDS = tuple(_WORDS["zone-word"])  # (a tuple: words are looked up in it, and names end with one)
WORKS_ON_SITE = frozenset(_WORDS["works-on-site"])
_WORKS_ENDINGS = tuple(WORKS_ON_SITE)  # (for str.endswith, built once)
RESERVE_SUFFIXES = tuple(_WORDS["reserve-suffix"])
# Park stems: words that end the leftward walk although jieba tags them as nouns.
STEM_STOP = frozenset(_WORDS["stem-stop"])
DEMONSTRATIVES = frozenset(("那个", "那座", "那一", "那片", "那里", "那是", "那些"))
STEM_TAGS_OK = ("n", "vn", "b", "j", "un", "x", "eng", "an", "s", "nz", "ns", "nr", "nt")
# A stem made of these alone (after qualifiers) names no particular place: 经济开发区, 产业园区.
GENERIC_STEMS = model_places.generic_stems()
QUALIFIERS = _WORDS["qualifier"]
PLACEISH_TAGS = ("ns", "nr", "nz", "un", "j", "x")
# 京 standing for Beijing: after 在/来/进/离/抵/赴/返/留/回, not heading another abbreviation or word
# (在京津冀, 在京东方, 来京剧院).
BEIJING_CODE = "110000"
JING = lazy_pattern.compile(r"(?<=[在来进离抵赴返留回])京(?![津冀沪港澳广深张雄郊腔味剧籍东西南北城华韵片昆])")
# The national prefix of pilot zones and parks: 中国（上海）自由贸易试验区.
CN_PREFIX = lazy_pattern.compile(r"中国[（(]\p{Han}{2,6}[）)]$")
# A round number that is part of a name (西江|千户|苗寨, 百里|杜鹃, 万亩|茶园), unlike a count (30多万个, 2018年).
NUMBER_IN_NAME = lazy_pattern.compile(r"[千百万][户里亩山岛]")
COUNTED_STEM = lazy_pattern.compile(r"^[一二三四五六七八九十两几多\d]+[大个类批项处座家所]")
SINGLE_OK = ("n", "ns", "nr", "nz", "un", "x", "j", "zg", "ng", "b")


@dataclass
class Cand:
    start: int
    end: int
    kind: str  # "name" | "park" | "deictic"
    hit: Hit | None = None
    name: str = ""  # park name (canonical form of the surface)
    head: str = ""  # the proper-name head of a park stem (张家湾 of 张家湾设计小镇)
    senses: list[tuple[Entry, str]] = field(default_factory=list)

    @property
    def text_len(self) -> int:
        return self.end - self.start


def _is_cjk(ch: str) -> bool:
    return bool(CJK.match(ch))


class _Doc:
    """Token lookups over one analysis."""

    def __init__(self, text: str, an: Analysis, gz: Gazetteer) -> None:
        self.text = text
        self.gz = gz
        self.an = an
        self._raw = an.tokens
        self.starts = an.token_starts  # computed once per analysis, shared with the other extractors
        self.ends = an.token_ends

    def listed_township_shorts(self) -> frozenset[str]:
        """The items of the lists closed by 等镇, 等乡镇 … (到文市、黄关、洞井等乡镇): townships' short forms (with the
        endings of each, since the first item runs back into the words that open the clause: 到|文市)."""
        found = getattr(self, "_listed_shorts", None)
        if found is None:
            found = self._listed_shorts = frozenset(
                item[k:] for lm in self.township_lists() for item in regex.split("[、和及]", lm.group(1))
                for k in range(len(item) - 1))
        return found

    def township_lists(self) -> list[regex.Match]:
        found = getattr(self, "_township_lists", None)
        if found is None:
            found = self._township_lists = list(_TOWNSHIP_SHORTS.finditer(self.text))
        return found

    def model_locations(self) -> frozenset[tuple[int, int]]:
        """The spans the statistical NER read as places (empty without it)."""
        found = getattr(self, "_model_locs", None)
        if found is None:
            found = self._model_locs = frozenset((e.start, e.end) for e in self.an.ner or () if e.label == "LOC")
        return found

    def _token(self, i: int) -> Token:
        """Token ``i``: its tag is jieba's whatever the engine (`policyie.engines.spacy_engine` maps spaCy's)."""
        return self._raw[i]

    def token_at(self, pos: int) -> Token | None:
        i = bisect_left(self.ends, pos + 1)
        if i < len(self._raw) and self._raw[i].start <= pos < self._raw[i].end:
            return self._token(i)
        return None

    def start_ok(self, pos: int) -> bool:
        if pos == 0 or not NAMEISH.match(self.text[pos - 1]):
            return True
        tok = self.token_at(pos)
        if tok is None or tok.start == pos:
            return True
        # jieba keeps compound places whole (上海浦东新区): a known place may start after another
        if self.major(self.text[tok.start : pos]):
            return True
        # jieba glued a function character onto an unknown name: 向|雄安
        if tok.pos in ("un", "x") and pos - tok.start == 1 and self.text[tok.start] in GLUE_CHARS:
            return True
        # 周宁县|城狮|城镇: the county seat (县城) is the town named after it, and jieba read 城 with its first character
        if pos - tok.start == 1 and self.text[tok.start - 1 : pos] == "县城":
            return True
        # 走|进深|渡镇: the name's first character went into a word with the verb's last one (走进 is the word)
        prev = self.token_at(tok.start - 1) if tok.start > 0 else None
        return pos - tok.start == 1 and prev is not None and prev.end == tok.start and prev.pos.startswith("v") \
            and is_common_word(self.text[prev.start : pos])

    def end_ok(self, pos: int) -> bool:
        if pos >= len(self.text) or not NAMEISH.match(self.text[pos]):
            return True
        tok = self.token_at(pos)
        if tok is None or tok.start == pos:
            return True
        rest = self.text[pos : tok.end]
        return (
            rest in ORGAN_REST
            or self.major(rest)
            or (tok.pos in ("un", "x") and len(rest) == 1 and rest in GLUE_CHARS)
            # 札萨克|镇沙日|塔拉嘎查: jieba glued a township's 镇 onto the name after it (not 镇长, 镇党委: its organs; nor
            # 乡, which ends cities' short names and common words as often: 新|乡贤, 城|乡村)
            or (tok.start == pos - 1 and self.text[pos - 1] == "镇" and rest[0] not in _TOWNSHIP_ORGAN_FIRST)
        )

    def major(self, word: str) -> bool:
        """A province, city or district name (not a township's short form, which is any word)."""
        return any(
            kind != SHORT or e.level != "town"
            for e, kind in ((self.gz.entries[k], kd) for k, kd in self.gz.surfaces.get(word, ()))
        )

    def in_longer_word(self, start: int, end: int) -> bool:
        """True when a dictionary word runs on past ``end`` (长治|久安, 北京|大学, 西昌 in 利西昌斯克)."""
        freq = jieba_freq()
        for k in range(end + 1, min(end + 4, len(self.text)) + 1):
            word = self.text[start:k]
            if freq.get(word, 0) > 0 and word not in self.gz.surfaces and not self.major(self.text[end:k]):
                return True  # (but 广西|南宁 is two places jieba keeps as one word)
        return False

    def tokens_from(self, pos: int, limit: int = 4) -> list[tuple[str, str]]:
        """(text, tag) of the words that follow ``pos`` (a partial token counts as a word)."""
        out: list[tuple[str, str]] = []
        i = bisect_left(self.ends, pos + 1)
        while i < len(self._raw) and len(out) < limit:
            tok = self._token(i)
            text = self.text[max(tok.start, pos) : tok.end]
            out.append((text, tok.pos))
            i += 1
        return out

    def tokens_before(self, pos: int, limit: int = 6) -> list[tuple[int, str, str]]:
        """(start, text, tag) of the words before ``pos``, nearest first (a partial token counts)."""
        out: list[tuple[int, str, str]] = []
        i = bisect_left(self.starts, pos) - 1
        while i >= 0 and len(out) < limit:
            tok = self._token(i)
            text = self.text[tok.start : min(tok.end, pos)]
            if text:
                out.append((tok.start, text, tok.pos))
            i -= 1
        return out


# A park or zone name is often an organisation's name itself (…商务区管委会, …片区): only a company heads it.
COMPANY_SUFFIXES = _WORDS["company-suffix"]


_NATIONAL_FIRM_AHEAD = lazy_pattern.compile(r"中国\p{Han}{2,14}?(?:集团|公司)")
_COMPANY_AHEAD = lazy_pattern.compile(r"\p{Han}{0,10}?(?:有限公司|有限责任公司|股份有限公司|集团有限公司)")


# Company endings that are also sectors (陕西能源 the firm, 延安能源化工产业 the industry).
SECTOR_SUFFIXES = ("能源", "医药", "投资", "航空", "实业", "地产", "证券", "保险")
# …and the words after one that make it the industry (not 投资|银行, 投资|推介会).
SECTOR_GOES_ON = frozenset(("化工", "产业", "产业链", "产业园", "基地", "行业", "领域", "资源", "装备", "汽车", "电池", "材料", "兴业"))


def _inside_org(doc: _Doc, end: int, suffixes: tuple[str, ...] = ORG_SUFFIX_TUPLE) -> bool:
    """True when the words after a place make it part of an organisation or event name."""
    text = doc.text
    if end < len(text) and text.startswith(ADJECTIVAL, end):
        return True
    if _NATIONAL_FIRM_AHEAD.match(text, end):
        return False  # 济南市|中国重型汽车集团有限公司: a national firm named with its own 中国 lies in the place before it
    if text.startswith(COUNTRY_ADJECTIVAL, end) and _country_ends_at(text, end):
        return True
    if text.endswith("中国", 0, end) and any(text[end : end + n] in _state_organs() for n in range(3, 9)):
        return True  # 中国|民用航空局党组书记, 中国|人民银行: the name of one of the state's own organs
    if _COMPANY_AHEAD.match(text, end) or (text[end : end + 1] in "）)" and _COMPANY_AHEAD.match(text, end + 1)):
        return True  # 什刹海|文化旅游发展有限公司: a company's full name, whatever words it holds (三星（中国|）半导体有限公司:
        # a market's name in brackets inside it)
    return _name_run(doc, end, suffixes) is not None


@functools.cache
def _state_organs() -> frozenset[str]:
    """The organs of government, Party, congress and courts the lexicons list (民用航空局, 人民银行), three characters or more;
    not those named 全国… (中国|全国人大愿同…: China's congress, the state named apart, as a foreign one would be)."""
    return frozenset(form for form, kind in orgs().items()
                     if len(form) >= 3 and kind not in ("firm", "city", "province") and not form.startswith("全国"))


def _country_ends_at(text: str, end: int) -> bool:
    """中国|特色, 俄罗斯|特色: a country's name (China's or a foreign full form) ends at ``end``."""
    full, _ = foreign()
    return any(text[max(0, end - k) : end] in full or text[max(0, end - k) : end] == "中国" for k in range(2, 9))


def _name_run(doc: _Doc, end: int, suffixes: tuple[str, ...]) -> str | None:
    """The words after ``end`` (the rest of its word first) up to one ending in ``suffixes``, or None when the
    phrase breaks off before one (上海|合作|组织 → 合作组织; 上海|的 → None)."""
    text = doc.text
    # `tokens_from(end)` walked lazily: most names are settled by their first word, and this runs for every name hit.
    raw, i = doc._raw, bisect_left(doc.ends, end + 1)
    run = ""
    for k in range(i, min(i + 4, len(raw))):
        tok = raw[k]
        word, tag = text[max(tok.start, end) : tok.end], tok.pos
        if k == i and word in ADJECTIVAL_WORDS:
            return word
        if not word or not NAMEISH.match(word[0]) or (k == i and word in _LOOK_VERBS):
            return None  # (汉古尔河镇|察看|镇中心学校: a visit's verb, which no body's name opens)
        if (k > i or tok.start >= end) and _county_in_full_at(doc, tok.start):
            return None  # 吉里于孜镇|伊宁县|第二中学: a county written in full opens the body's name after the place (崇左市|江州|区|第一小学:
            # however the segmenter splits it)
        run += word
        if run.endswith(suffixes):
            nxt = raw[k + 1] if k + 1 < len(raw) else None
            if not (run.endswith(SECTOR_SUFFIXES) and nxt is not None and nxt.start == tok.end
                    and text[nxt.start : nxt.end] in SECTOR_GOES_ON):
                return run
            continue  # 延安|能源|化工产业: a sector a noun goes on from is the place's industry, not a firm
        if word in BREAK_WORDS or (tag[:1] in ("p", "c", "u", "r", "d", "m") and not _ORDINAL_WORD.fullmatch(word)) or (
                tag.startswith("v") and len(word) == 1):
            return None  # (an ordinal may go on to the organ: 阿荣旗|第一|中学, 县|第二|人民医院)
    return None


def _county_in_full_at(doc: _Doc, start: int) -> bool:
    """A county, district or city written in full (…县, …区, …市, …旗) starts at ``start``."""
    text = doc.text
    return any(text[start + n - 1 : start + n] in "县市区旗" and _is_division(doc.gz, text[start : start + n])
               for n in range(3, 13))  # (新平彝族傣族自治县: nine characters)


_ORDINAL_WORD = lazy_pattern.compile(r"第[一二三四五六七八九十\d]{1,3}")
# Verbs of a visit that open no body's name after a place (not 检查, 调研, 督导, 考察: 检查组, 考察团 are teams).
_LOOK_VERBS = frozenset(("察看", "看望", "视察", "慰问", "走访", "查看"))


def _at_venue(doc: _Doc, start: int, end: int) -> bool:
    """在北京|人民大会堂, 在天津|梅江会展中心: after 在/于 a place that a venue's name follows is where an event
    is held, although 北京饭店 is a name like 北京大学 (an organisation suffix reached first still decides)."""
    if start < 1 or doc.text[start - 1] not in "在于":
        return False
    run = _name_run(doc, end, VENUE_AND_ORG_SUFFIXES)
    return run is not None and run.endswith(VENUE_SUFFIXES)


def _nested_pairs(gz: Gazetteer, hits: list[Hit]) -> set[tuple[int, int]]:
    """Spans of adjacent names where the second lies in the first (湖南|岳阳, 广西|南宁): both are
    places, whatever jieba made of them (湖|南岳|阳)."""
    by_start: dict[int, list[Hit]] = defaultdict(list)
    for h in hits:
        if h.senses:
            by_start[h.start].append(h)
    out: set[tuple[int, int]] = set()
    for h in hits:
        outer = {k for k, _ in h.senses}
        if not outer:
            continue
        for nxt in by_start.get(h.end, ()):
            if any(outer & set(gz.ancestors(k)[1:]) for k, _ in nxt.senses):
                out |= {(h.start, h.end), (nxt.start, nxt.end)}
    return out


def _jing(gz: Gazetteer, text: str, model_starts: dict[int, int]) -> list[Cand]:
    """京 after a verb of motion or place (在京举行, 来京, 在京企业) is Beijing, unless the NER reads a longer place that
    it opens (在|京唐港: the port, 深入京唐港 elsewhere); ``model_starts``: where each NER place starts → its end."""
    if BEIJING_CODE not in gz.entries:
        return []
    out = []
    for m in JING.finditer(text):
        if model_starts.get(m.start(), m.end()) > m.end():
            continue
        hit = Hit(m.start(), m.end(), "京", ((BEIJING_CODE, ALIAS),))
        out.append(Cand(m.start(), m.end(), "name", hit, senses=[(gz.entries[BEIJING_CODE], ALIAS)]))
    return out


def _speaks_of_abroad(ctx: Context, gz: Gazetteer, hits: list[Hit]) -> frozenset[str]:
    """The foreign states an article speaks of by names no Chinese division shares (波兰, 保加利亚) or through its
    officials' states (黑山总统米拉托维奇); "*" stands for any when there is one."""
    states = {o.country for o in ctx.doc.officials if o.country and o.country not in _CHINA}
    if any(all(gz.entries[k].level == "country" for k, _ in h.senses) and h.surface not in _CHINA
           for h in hits if h.senses):
        states.add("*")
    return frozenset(states)


def _senses_home_or_abroad(doc: _Doc, h: Hit, senses: list[tuple[Entry, str]],
                           abroad: frozenset[str]) -> list[tuple[Entry, str]]:
    """The senses a name may have by whether the article speaks of abroad."""
    if not abroad and any(e.level == "country" for e, _ in senses) and \
            any(e.level != "country" and e.key.isdigit() for e, _ in senses):
        # 黑山|岩画 in Gansu, 锦州|黑山: a state's name a Chinese county's short form spells is the state's only in an
        # article that speaks of abroad (中国同黑山…, 黑山总统…)
        return [(e, k) for e, k in senses if e.level != "country"]
    if abroad and h.start > 0 and all(e.key.isdigit() and k == SHORT for e, k in senses) and \
            _lone_syllable_before(doc, h.start):
        return []  # 扩至|苏|梅州|和哈尔科夫州: a syllable left alone before a Chinese city's short form opens a foreign name
        # (苏梅州, Sumy), in an article that speaks of abroad
    return senses


def _lone_syllable_before(doc: _Doc, start: int) -> bool:
    """Whether the word right before ``start`` is one character typical of transliterations (苏, 科), no function word."""
    tok = doc.token_at(start - 1)
    return tok is not None and (tok.start, tok.end) == (start - 1, start) and \
        translit_table().get(doc.text[start - 1], UNSEEN_SYLLABLE) >= 1.0


UNSEEN_SYLLABLE = -9.0


def _name_cands(doc: _Doc, gz: Gazetteer, hits: list[Hit], nested: set[tuple[int, int]],
                abroad: frozenset[str] = frozenset()) -> list[Cand]:
    out: list[Cand] = []
    nested_ends = {end for _, end in nested}
    named_starts = {h.start for h in hits if h.senses}
    # (更多|南|苏丹 … 南苏丹总统: a state's name the article writes on its own elsewhere is that state's where a word
    # before it took its first character)
    apart = {h.surface for h in hits if h.senses and doc.start_ok(h.start)}
    for h in hits:
        if not h.senses:
            continue
        if len(h.surface) == 2 and h.surface[0] in "东西南北" and h.surface[1] in "至起" and h.end in named_starts \
                and all(kind in (SHORT, WEAK) for _, kind in h.senses):
            continue  # 西起山西和顺，|东至|河北省邢台: "east to" a place, not 东至县
        senses = _senses_home_or_abroad(doc, h, [(gz.entries[k], kind) for k, kind in h.senses], abroad)
        if not senses:
            continue
        if h.surface in posts() and _state_ends_at(doc, h.start):
            continue  # 文莱|苏丹哈桑纳尔: a state's own post after it (苏丹, the sultan), not Sudan
        if _part_of_longer_foreign_name(doc, h, senses):
            continue
        if ((h.start, h.end) in nested and not (h.start in nested_ends and _water_word(doc, h))) \
                or (_at_venue(doc, h.start, h.end) and doc.major(h.surface)):
            # jieba keeps 北京人民大会堂 and 北京饭店 whole: the word boundaries say nothing here
            out.append(Cand(h.start, h.end, "name", h, senses=senses))
            continue
        loose = len(h.surface) >= 3 and any(kind in (FULL, ALIAS) for _, kind in senses)
        if not doc.start_ok(h.start) and not (len(h.surface) >= 4 and loose) and not (
                loose and all(e.level == "town" for e, _ in senses) and (
                    _written_apart(doc, h) or _after_glued_preposition(doc, h))) and not (
                loose and all(e.level == "country" for e, _ in senses) and h.surface in apart):
            continue  # a long known name (西咸新区) may start inside a glued token (含西咸); so may a township the
            # article writes apart elsewhere (在于|家乡 … 深入于家乡、…: 于家乡 is the township), or one a preposition
            # jieba glued to its first character leads to (在家|发镇)
        if not loose and not doc.end_ok(h.end):
            continue
        if (len(h.surface) == 2 or all(kind in (SHORT, WEAK) for _, kind in senses)) and doc.in_longer_word(
            h.start, h.end
        ):
            continue
        if loose and not doc.end_ok(h.end):
            # a full name may run into an organ (北京市委) but not into another word (通州区委 is fine);
            # a township's name must end a word (快于|城镇居民 holds no 于城镇), unless the segmenter glued its
            # suffix to the village after it (江南|镇江|边村 is 江南镇|江边村)
            glued = _suffix_glued_to_name(doc, h.end)
            senses = [(e, k) for e, k in senses if k in (FULL, ALIAS) and (e.level != "town" or glued)]
            if not senses:
                continue
        if len(h.surface) == 2 and "中" in (h.surface[0], h.surface[1]) and BILATERAL.match(doc.text, h.end):
            continue
        if doc.text.startswith(("村", "社区", "嘎查"), h.end) and all(e.level == "town" and k == SHORT for e, k in senses):
            continue  # 四排赫哲族乡|四排|村: a township's short form opens the village named after it, not the township
        if doc.text[h.end + 1 : h.end + 2] in ("镇", "乡") and _is_cjk(doc.text[h.end : h.end + 1]) \
                and doc.text[h.end] not in "镇乡、和与及" and all(e.level == "town" and k == SHORT for e, k in senses):
            continue  # 北河|店镇: a township's short form that one more character and a township's word run on from
            # opens another township's name (北河店镇), not the township (北河镇)
        if h.surface.endswith("区") and doc.text.startswith("域", h.end) and all(e.level == "district" for e, _ in senses):
            continue  # 在湖滨区域新建…: the 区 is 区域's (an area by the lake), not 湖滨区's (粤港澳大湾区|域内 keeps its region)
        if len(h.surface) == 2 and doc.text[h.end + 1 : h.end + 2] == h.surface[1] and _is_cjk(doc.text[h.end : h.end + 1]) \
                and doc.text[h.end] not in _NUMERALS \
                and all(k in (SHORT, WEAK) for _, k in senses) and (tok := doc.token_at(h.end)) is not None \
                and (tok.start, tok.end) == (h.end, h.end + 2) and not tok.pos.startswith("ns"):
            continue  # 金山|银山, 绿水青山就是金山银山: a short form whose last character the next pair repeats is an idiom's half
            # (not before a counted name, 同江|三江汇流处, nor a place jieba knows: 齐河|黄河大桥)
        verbal = VERBAL_USES.get(h.surface)
        if verbal is not None and verbal.match(doc.text, h.end):
            continue
        if h.surface in WISH_WORDS and _WISH_BEFORE.search(doc.text, max(0, h.start - 2), h.start) \
                and (h.end == len(doc.text) or _WISH_AFTER.match(doc.text, h.end)):
            continue  # 阖家安康, 群众生活安康。: a wish or a state of life, not 安康市
        if h.surface == "首都" and (_foreign_capital(doc.text, h.start, gz) or _names_foreign_town(doc, gz, h.end)
                                  or doc.text.endswith(("新", "行政", "旧", "老"), 0, h.start)):
            continue  # (埃及…在新行政首都举办: a new or administrative capital is a state's own, never Beijing)
        out.append(Cand(h.start, h.end, "name", h, senses=senses))
    return out


_NUMERALS = frozenset("一二三四五六七八九十两百千万")
# The one character after a place's short form that makes jieba's word a water's or a mountain's name (赤水|河).
_WATER_OR_MOUNTAIN = frozenset("河江湖溪渠海山岭峰峡湾")


def _water_word(doc: _Doc, h: Hit) -> bool:
    """贵州|赤水|河: a division's short form after its province, where jieba's word runs one character of water or
    mountain on, names the river, not the county."""
    tok = doc.token_at(h.start)
    return tok is not None and (tok.start, tok.end) == (h.start, h.end + 1) and doc.text[h.end] in _WATER_OR_MOUNTAIN


def _part_of_longer_foreign_name(doc: _Doc, h: Hit, senses: list[tuple[Entry, str]]) -> bool:
    """Whether the hit is no place of its own but a piece of a longer foreign name: a foreign city's name inside a
    longer one (克尔曼沙|阿省, 杜|库姆; not 马德望省, its province) or a route's (本格拉铁路, 基切沃—奥赫里德高速公路); a
    state's name that syllables run on from or lead into (马里|兰州, 努尔|苏丹); a place of China's inside a word that a
    foreign state's name opens (马里|兰州)."""
    foreign = [e for e, _ in senses if e.code is None]
    if len(foreign) == len(senses) and all(e.level == "city" for e in foreign):
        # (多哈|雷港: Doraleh, a port named by one more syllable, is no mention of Doha)
        return _inside_longer_name(doc, h) or doc.text.startswith(_ROUTES, h.end) or _one_syllable_more(doc, h.end)
    if len(foreign) == len(senses) and all(e.level == "country" for e in foreign):
        return _syllable_runs_on(doc, h.end) or _syllables_lead(doc, h.start)
    return not foreign and _glued_to_state(doc, h.start)


# Routes named after the towns they join or reach, whose names hold no mention of the town.
_ROUTES = ("铁路", "高速公路", "公路", "高铁")


def _inside_longer_name(doc: _Doc, h: Hit) -> bool:
    """Whether the hit lies inside a longer foreign name: inside jieba's word, next to a character that reads as a
    transliteration's syllable (克尔曼|沙阿, 第聂伯罗|彼得罗夫斯克, 杜|库姆; not 巴黎|圣母院, 莫斯科|红场, nor 马德望|省: no
    suffix a city's name runs into, 省, 州, 港, 湖, 市 …, opens with such a character)."""
    text = doc.text
    if h.start > 0 and not doc.start_ok(h.start) and translit_odds(text[h.start - 1]) > _SYLLABLE_NEXT:
        return True
    return h.end < len(text) and not doc.end_ok(h.end) and translit_odds(text[h.end]) > _SYLLABLE_NEXT


def _syllable_runs_on(doc: _Doc, end: int) -> bool:
    """马里|兰州, 马里|乌波尔, 马里|布市, 马里|查河: a foreign state's name that jieba's word runs on past by a transliteration's syllable
    opens a longer name (Maryland, Mariupol), even where the rest reads as a place of China (兰州); not where the rest
    is a foreign place of its own (法国|巴黎, one word of jieba's)."""
    text = doc.text
    if _one_syllable_more(doc, end):
        return True  # 马里|布市 (Malibu), 马里|查河 (Maritsa): one more syllable before the city's or landform's word
    tok = doc.token_at(end)
    return tok is not None and tok.start < end and translit_odds(text[end]) > _SYLLABLE_NEXT and not any(
        doc.gz.entries[k].code is None for k, _ in doc.gz.surfaces.get(text[end:tok.end], ()))


_ONE_SYLLABLE_MORE = "市城河江湖山岛港"


def _one_syllable_more(doc: _Doc, end: int) -> bool:
    """Whether one transliteration's syllable and a town's or a landform's word follow ``end`` (马里|布市, 多哈|雷港):
    the foreign name before runs on into a longer one."""
    text = doc.text
    return end + 1 < len(text) and text[end + 1] in _ONE_SYLLABLE_MORE and translit_odds(text[end]) > _SYLLABLE_NEXT \
        and text[end : end + 2] not in doc.gz.surfaces


def _syllables_lead(doc: _Doc, start: int) -> bool:
    """首都努尔|苏丹 (Nur-Sultan): two syllables of a transliteration, no place of their own, right before a state's
    name close a longer name with it."""
    head = doc.text[max(0, start - 2) : start]
    return len(head) == 2 and all(translit_odds(c) > _SYLLABLE_NEXT for c in head) and head not in doc.gz.surfaces


def _state_ends_at(doc: _Doc, end: int) -> bool:
    """Whether a foreign state's name ends right at ``end``."""
    return any(e.level == "country" and e.code is None for k in range(2, min(end, 8) + 1)
               for e in (doc.gz.entries[key] for key, _ in doc.gz.surfaces.get(doc.text[end - k : end], ())))


def _glued_to_state(doc: _Doc, start: int) -> bool:
    """马里|兰州 inside jieba's 马里兰州: no word of the dictionary joins a foreign state to a place of China, so a
    Chinese place whose word opens with a foreign state's name is a syllable of a longer foreign name."""
    tok = doc.token_at(start)
    return tok is not None and tok.start < start and any(
        e.level == "country" and e.code is None
        for e, _ in ((doc.gz.entries[k], kd) for k, kd in doc.gz.surfaces.get(doc.text[tok.start:start], ())))


# How typical of transliterations a character next to a known foreign name must be to carry the name on (沙 1.9, 彼
# 2.2; 圣 1.1, 红 -5).
_SYLLABLE_NEXT = 1.5


def _after_glued_preposition(doc: _Doc, h: Hit) -> bool:
    """在家|发镇, 到家|发镇: a preposition and the name's first character made one word, and the rest opens one (not
    在于|城镇, 由于|城镇: 在于 and 由于 are words of their own)."""
    tok = doc.token_at(h.start)
    return tok is not None and tok.start == h.start - 1 and tok.end == h.start + 1 \
        and doc.text[tok.start] in _TOWARD_PLACE and doc.text[h.start] != "于" and doc.an.is_token_boundary(h.start + 1)


# The prepositions of place a township's name follows (在|家发镇, 到|家发镇, 赴|…).
_TOWARD_PLACE = frozenset("在到赴至于从向往")


def _written_apart(doc: _Doc, h: Hit) -> bool:
    """Whether the article writes ``h``'s name elsewhere where a word starts with it."""
    at = doc.text.find(h.surface)
    while at >= 0:
        if at != h.start and doc.start_ok(at) and doc.end_ok(at + len(h.surface)):
            return True
        at = doc.text.find(h.surface, at + 1)
    return False


_VILLAGE_AFTER = lazy_pattern.compile(r"\p{Han}{1,3}村")
# A site's or a community's name of a few characters after a township (骑马坝乡|玛玉茶园, …镇|龙丫社区).
_SITE_AFTER = lazy_pattern.compile(
    r"\p{Han}{1,4}?(?:社区|嘎查|" + "|".join(sorted(SITE_SUFFIXES, key=len, reverse=True)) + ")")


def _suffix_glued_to_name(doc: _Doc, end: int) -> bool:
    """Whether the township suffix before ``end`` opens a word of the segmenter and a village's name follows, or a
    community's or a site's (骑马|坝|乡玛玉|茶园: jieba glued 乡 to the tea garden's name)."""
    tok = doc.an.token_at(end - 1)
    return tok is not None and tok.start == end - 1 and (
        _VILLAGE_AFTER.match(doc.text, end) is not None or _SITE_AFTER.match(doc.text, end) is not None)


_OTHER_STATE = lazy_pattern.compile(r"(?:[该两各本他其]国|国家)$")


def _foreign_capital(text: str, start: int, gz: Gazetteer) -> bool:
    """约旦首都安曼, 该国首都: 首都 after another state is that state's capital, not Beijing."""
    before = text[max(0, start - 8) : start]
    if _OTHER_STATE.search(before):
        return True
    for k in range(min(8, len(before)), 1, -1):
        word = before[-k:]
        if word in foreign()[0]:
            return True
        levels = {gz.entries[key].level for key, kind in gz.surfaces.get(word, ()) if kind in (FULL, ALIAS, SHORT)}
        if levels:
            return "country" in levels and word not in HOME_STATE and word != "我国"
    return False


def _names_foreign_town(doc: _Doc, gz: Gazetteer, end: int) -> bool:
    """乍得…。首都|恩贾梅纳: 首都 before a word that reads as a transliteration no table places in China is a foreign
    state's capital named next, not Beijing; so is 首都 before a foreign town the tables list, whatever jieba tags it
    (在首都|基辅, 基辅 a noun to it)."""
    tok = doc.an.token_at(end)
    if tok is None or tok.start != end or len(tok.text) < 2:
        return False
    senses = gz.surfaces.get(tok.text, ())
    if senses and all(gz.entries[key].code is None and gz.entries[key].level == "city" for key, _ in senses):
        return True
    return tok.pos[:2] in ("nr", "ns") and translit_odds(tok.text) >= TYPICAL_TRANSLIT \
        and not any(gz.entries[key].code for key, _ in senses)


_FUNCTION_OPENERS = frozenset("要将把被让使")


def _placeish(word: str, tag: str, gz: Gazetteer) -> bool:
    # nr is jieba's person tag, but it tags many unknown place words too (张家湾, 台马); the officials
    # already found are kept out of stems by the caller
    if word in gz.surfaces or localities.is_site(word):
        return True  # (黄土高原|生态区: a listed site is a proper name, however common the word)
    if len(word) < 2 or word.isdigit():
        return False  # (64|处国际重要湿地: a count is no name)
    if tag.startswith(("un", "x")) or jieba_freq().get(word, 0) == 0:
        # a word jieba has never seen is most likely a name, unless a modal or a function word opens it (要守牢)
        return word[0] not in _FUNCTION_OPENERS
    return tag.startswith(PLACEISH_TAGS) and jieba_freq().get(word, 0) < 300  # 永丰, not 爱国主义 or 城市


# Conjunctions, prepositions and particles: a word made of them alone is no part of a name.
_FUNCTION_CHARS = frozenset("即以并而且则乃及与和或为之其于把被将让使向对从由")


# A time named by the flood season, a festival or a season (汛后, 汛前, 节前, 冬季, 秋冬季).
_SEASON_TIME = lazy_pattern.compile(r"(?:汛|节|灾|震|年|冬|春|夏|秋|秋冬|冬春)[前后中期]|(?:秋冬|冬春|春夏|春秋|春|夏|秋|冬)季")


_MEASURE_CHARS = frozenset("座个家处所条片块栋间")


def _stem_stop(word: str) -> bool:
    """A verb or adverb no name holds, alone or as jieba's compound of two (研究部署, 统筹推进)."""
    # (孟津区|南接 glued into 区南接: a division's last character before the verb)
    if word[:1] == "这" or word in DEMONSTRATIVES:
        return True  # 这座|古城, 这个|临港产业园, 这是|喀什古城: a thing pointed at, not named
    if len(word) == 2 and word[0] in "每各该那此" and word[1] in _MEASURE_CHARS:
        return True  # 送进|每座|土楼, 各个|产业园: each of a kind, none named
    if len(word) == 2 and word[1] == "是":
        return True  # 高邮|湖是|江淮生态大走廊: the copula jieba glued to a name's last character says what it is
    if word[:1] == "之" and len(word) >= 2:
        return True  # 以开发|之名|蚕食|湿地: a classical particle's word (之名, 之间, 之一) opens no name
    if len(word) >= 2 and all(c in _FUNCTION_CHARS for c in word):
        return True  # 即以|产业园区: function characters the segmenter's dictionary lacks as one word name nothing
    if _SEASON_TIME.fullmatch(word):
        return True  # 做好|汛后|大坝安全检测, 节前|市场: a time by the flood season or a festival, no name
    return word in STEM_STOP or (len(word) == 4 and word[:2] in STEM_STOP and word[2:] in STEM_STOP) or (
        len(word) == 3 and word[0] in DIVISION_LAST and word[1:] in STEM_STOP)


def _joins_places(text: str, pos: int) -> bool:
    """保护区和|龙湾群: the character before ``pos`` joins two places (the one before ends with a place's suffix), so
    a division it would spell with the next (和龙) is none."""
    return pos >= 2 and text[pos - 1] in "和与及" and text[pos - 2] in "区园村县市镇乡城岛湖山馆址"


def _division_ends_inside(text: str, pos: int, gz: Gazetteer) -> bool:
    """Whether a division's name (short or full) ends at the character at ``pos``, begun before it."""
    return any(
        _is_division_short(gz, text[pos - n + 1 : pos + 1]) or _is_division(gz, text[pos - n + 1 : pos + 1])
        for n in (2, 3) if pos - n + 1 >= 0
    )


def _toponym_cut_before(doc: _Doc, first: tuple[int, str, str]) -> tuple[int, str, str] | None:
    """The one-character word before a stem's first word when the two begin a toponym jieba's dictionary
    holds (天|山北坡 -> 天山), so that the character belongs to the name."""
    before = doc.tokens_before(first[0])
    if not before or len(before[0][1]) != 1 or not _is_cjk(before[0][1]):
        return None
    char = before[0][1]
    if before[0][2][:1] in "pcu":
        return None  # 以|博鳌国家农业公园: a preposition, conjunction or particle opens no toponym (以博 is one somewhere)
    if char in DIVISION_LAST and len(before) > 1 and _is_division(doc.gz, before[1][1] + char):
        return None  # 西江|镇|西江千户苗寨: the character closes the town before the name (镇西 is a toponym too)
    return before[0] if tag_table().get(char + first[1][0], "").startswith("ns") and \
        jieba_freq().get(char + first[1], 0) == 0 else None


def _zone_like_unit(gz: Gazetteer, word: str) -> bool:
    """松山湖: a township-level unit named without 镇, 乡, 街道 or 苏木, which is a zone's area (its 高新区 follows)."""
    entries = gz.lookup(word)
    return bool(entries) and all(e.level == "town" for e in entries) and not word.endswith(TOWNSHIP_ENDS)


def _is_country(gz: Gazetteer, word: str) -> bool:
    return any(e.level == "country" for e in gz.lookup(word))


def _transliterated(stem: str) -> bool:
    """A stem of three to six characters that no dictionary holds as a word and whose characters read as
    a transliteration (卡拉苏, 伊尔克什坦: jieba cuts such a name into common pieces, 卡拉|苏)."""
    return 3 <= len(stem) <= 6 and jieba_freq().get(stem, 0) == 0 and translit_odds(stem) >= TYPICAL_TRANSLIT


def _county_level(gz: Gazetteer, word: str) -> bool:
    # Only the divisions a word names count: 霍尔果斯 is also an alias of its development zone.
    entries = [e for e in gz.lookup(word) if e.level in _DIVISION_LEVELS]
    return bool(entries) and all(e.level in ("district", "town") for e in entries)


_DIVISION_LEVELS = frozenset(("country", "province", "city", "district", "town", "village"))


def _is_division_short(gz: Gazetteer, word: str) -> bool:
    return any(kind == SHORT and gz.entries[k].level in ("province", "city", "district") for k, kind in gz.surfaces.get(word, ()))


def _county_named_in_full(doc: _Doc, gz: Gazetteer, word: str) -> bool:
    """Whether ``word`` is the short form of a county or city the article also names in full (平定 of 平定县; the
    gazetteer lists no short form that is a common word, so the full name is looked up)."""
    return _named_in_full(doc, gz, word, ("县", "市", "区", "旗"), ("city", "district"))


def _numeral_county(doc: _Doc, gz: Gazetteer, word: str, tag: str) -> bool:
    """万年, 万宁, 千阳: a county's short form that jieba reads as a numeral, where the article names the county in full."""
    return tag.startswith("m") and len(word) >= 2 and _named_in_full(doc, gz, word, ("县", "市", "区"), ("district",))


def _named_in_full(doc: _Doc, gz: Gazetteer, word: str, kinds: tuple[str, ...], levels: tuple[str, ...]) -> bool:
    """Whether ``word`` with one of ``kinds`` after it is a division of ``levels`` the article names in full."""
    return len(word) >= 2 and any(
        full in doc.text and any(e.level in levels for e in gz.lookup(full)) for full in (word + k for k in kinds))


def _foreign_city_only(gz: Gazetteer, word: str) -> bool:
    """Whether ``word`` names only a foreign city, whose one name is as short as its name gets (比尔森, 布拉格), not a
    division written in full as Chinese ones are (with their 市, 县, 镇 …)."""
    full = [gz.entries[k] for k, kind in gz.surfaces.get(word, ()) if kind in (FULL, ALIAS)]
    return bool(full) and all(e.level == "city" and e.code is None and word[-1:] not in DIVISION_LAST for e in full)


def _is_division(gz: Gazetteer, word: str) -> bool:
    full = [gz.entries[k] for k, kind in gz.surfaces.get(word, ()) if kind in (FULL, ALIAS)]
    return bool(full) and all(e.level in ("country", "province", "city", "district", "town") for e in full)


def _joins_names(before: list[tuple[int, str, str]], k: int, words: list, gz: Gazetteer) -> bool:
    """Whether the dash at ``before[k]`` joins two names inside one park's name (凭祥—同登跨境经济合作区,
    广西—文莱经济走廊): a name is already taken after it, and a place-like word stands before it (or a landform's
    last character after one)."""
    if not words or k + 1 >= len(before):
        return False
    _, prev, tag = before[k + 1]
    if prev in GEO_CHARS and k + 2 < len(before) and len(before[k + 2][1]) >= 2 and \
            _placeish(before[k + 2][1], before[k + 2][2], gz) and not _is_country(gz, words[-1][1]):
        return True  # 王莽|岭|—|锡崖沟|旅游带: a landform's name jieba cut before its last character
    # (not two states or blocs: 中国—东盟自贸区 is a trade agreement's area, not a park)
    return len(prev) >= 2 and (_placeish(prev, tag, gz) or prev in gz.surfaces) and not _is_country(gz, prev) \
        and not _is_country(gz, words[-1][1]) and prev not in foreign()[0]


# Prepositions jieba glues onto an unknown name after them; 同, 和, 与 also begin names (同兴, 和平).
_GLUED_PREPOSITIONS = frozenset("从向在到对把将赴于经给让由以沿")


def _site_opens_park(doc: _Doc, pos: int, before: list[tuple[int, str, str]], k: int,
                     words: list[tuple[int, str, str]]) -> bool:
    """Whether the site's suffix ``before[k]`` (温泉, 湿地, 古镇), with only a rank after it, belongs to the name of the
    park at ``pos`` (七仙岭温泉|国家森林公园, 黄河湿地|国家级自然保护区), a proper name before it; not before a region's
    suffix (李家峡水库|库区 is the reservoir's area, the reservoir the place)."""
    return before[k][1] in SITE_SUFFIXES and all(w in QUALIFIERS or w == "国家" for _, w, _ in words) and \
        k + 1 < len(before) and all(NAMEISH.match(c) for c in before[k + 1][1]) and \
        not _stem_stop(before[k + 1][1]) and not doc.text.startswith(REGION_SUFFIXES, pos)


def _bilateral_opening(gz: Gazetteer, before: list[tuple[int, str, str]], k: int, words: list[tuple[int, str, str]]) -> bool:
    """Whether ``before[k]`` is (part of) 中 and a partner state's one-character form right before a division's short
    form that opens the stem (中新|天津|生态城, whether jieba wrote 中新 or 中|新)."""
    word, short = before[k][1], model_places.FOREIGN_SHORT_CHARS
    if not words:
        return False
    if len(word) == 2 and word[0] == "中" and word[1] in short:
        return _is_division_short(gz, words[-1][1])
    if len(word) == 1 and word in short and k + 1 < len(before) and before[k + 1][1] == "中":
        return _is_division_short(gz, words[-1][1])
    return word == "中" and len(words[-1][1]) == 1 and words[-1][1] in short and len(words) >= 2 and \
        _is_division_short(gz, words[-2][1])


def _ends_stem(gz: Gazetteer, before: list[tuple[int, str, str]], k: int, words: list[tuple[int, str, str]],
               persons: frozenset[str]) -> bool:
    """Whether ``before[k]`` is no part of the stem and ends the walk: another park's suffix, an official's name, an
    organ's last character, or a township's kind the segmenter cut off its name (银根|苏木|乌力吉口岸: the township
    named in full is a place apart, the crossing is named by what follows it)."""
    word = before[k][1]
    if word in gz.suffixes or _holds_person(word, persons) or _organ_tail(word, words):
        return True
    # (a township whose name reads as a place, 仙女山|街道|天生三桥景区, stays in the stem: the township-head rule splits it
    # off the site later)
    return bool(words) and word in TOWNSHIP_ENDS and k + 1 < len(before) and \
        _is_division(gz, before[k + 1][1] + word) and not _placeish(*before[k + 1][1:], gz)


def _holds_person(word: str, persons: frozenset[str]) -> bool:
    """Whether ``word`` is an official's name or holds one (韩正到|华为武汉基地: the segmenter glued the verb after the
    name onto it)."""
    return word in persons or (len(word) >= 3 and any(p in word for p in persons if len(p) >= 2))


# The last character of an organ's name (审批局, 宣传部, 发改委, 卫生厅).
_ORGAN_LAST = frozenset("局厅委部办处科署室院所")


def _organ_tail(word: str, words: list[tuple[int, str, str]]) -> bool:
    """审批局|长三角示范区: a lone character before the stem that makes a common word with the stem's first character
    (局长) ends an organ's name, no park's first."""
    if len(word) != 1 or word not in _ORGAN_LAST or not words:
        return False
    pair = word + words[-1][1][0]
    return jieba_freq().get(pair, 0) >= 1000 and not tag_table().get(pair, "").startswith(("ns", "nr", "nz"))


def _runs_on(doc: _Doc, gz: Gazetteer, pos: int, before: list[tuple[int, str, str]], k: int,
             words: list[tuple[int, str, str]], site: bool) -> bool:
    """Whether the word ``before[k]`` belongs to the stem of the park at ``pos`` for a reason of its own, whatever the
    checks after it in `_stem_words` would say, and the walk goes on."""
    _, word, tag = before[k]
    if word in DIRECTION_WORDS and not words and k + 1 < len(before) and _placeish(*before[k + 1][1:], gz):
        return True  # 山西|中部|城市群: the part of the place the region covers
    if word in DASHES and _joins_names(before, k, words, gz) and not site:
        return True  # (a site is one place's: 庄浪县—伊富高省|梯田保护…备忘录 names an agreement between two)
    if _site_opens_park(doc, pos, before, k, words):
        return True  # 七仙岭|温泉|国家|森林公园: a park named by the site it holds
    if word in ZONE_WORDS and _common_stem(words) and not site:
        return True  # 东津|新区|汽车|零部件|产业园: a park of common words is named with its zone
    if not words and word in REGION_SUFFIXES and "公园" in doc.text[pos : pos + 6] and k + 1 < len(before) \
            and (before[k + 1][2].startswith("ns") or _placeish(*before[k + 1][1:], gz)):
        return True  # 黄河|故道|森林公园: a park named by the region it lies in (whose kind is a suffix of its own)
    if _bilateral_opening(gz, before, k, words):
        return True  # 中新|天津|生态城, 中|新|天津…: the two states that built it open its name
    if not words and doc.text.startswith(_OLD_TOWN, pos) and _county_named_in_full(doc, gz, word):
        return True  # 平定县…平定|古城: the county's old town, though 平定 is a verb too
    if word in _PRODUCTION_WORDS and doc.text.startswith(_PRODUCTION_KINDS, pos) and _township_ahead(doc, before, k):
        # 中课|水稻|种植|基地, 四季青|水稻|育秧|基地: what the base does runs on to the crop and the township's short form
        # (not 水芹|种植|基地, 枸杞|种植|基地: a crop's base, no place's)
        return True
    if _translit_opening(before, k, words):
        return True  # 兹|拉|蒂博|尔|山区, 克里|比|深水港: jieba cut a foreign name's syllables off as characters of their own
    return word == "临" and bool(words) and words[-1][1].startswith("空")  # 武汉|临|空港|…: 临空, by the airport


# What a farming base does, inside its name before its kind (种植|基地, 育秧|中心, 高产|示范|基地).
_PRODUCTION_WORDS = frozenset(("种植", "育秧", "育苗", "高产", "示范", "栽培", "繁育"))
_PRODUCTION_KINDS = ("基地", "中心", "园")
# Tags of a lone character that is a function word, not a syllable (在, 和, 向, 的, 很, 三, 个, 上).
_FUNCTION_TAGS = ("p", "c", "u", "d", "m", "q", "f")


def _division_cut_before(doc: _Doc, gz: Gazetteer, before: list[tuple[int, str, str]], k: int) -> bool:
    """Whether ``before[k]`` is the suffix of a division jieba cut off its name, a place of its own that ends the
    stem: 武鸣|区|伊岭岩景区; a unit the NER reads that no table lists (谅山|市|同登—谅山经济区); a township no table
    lists, cut into characters (蒿|坪|镇|紫阳富硒茶产业园; not 永宁|乡|城子古村, one word and 乡, read whole and split
    after)."""
    start, word, _ = before[k]
    if len(word) != 1 or word not in DIVISION_LAST or k + 1 >= len(before):
        return False
    prior = before[k + 1]
    return _is_division(gz, prior[1] + word) or (prior[0], start + 1) in doc.model_locations() or (
        word in "镇乡" and len(prior[1]) == 1)


# Tags of words that say which or how many, no part of a name (所有 b, 这些 r, 三个 m).
_NOT_IN_NAME_TAGS = frozenset(("b", "r", "m", "d", "p", "c", "u", "q"))


def _foreign_city_opening(before: list[tuple[int, str, str]], k: int,
                          words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The words that a foreign city's one name at ``before[k]`` adds to the stem ``words`` it opens (比尔森|新能源汽车产业园,
    莱基|深水港): the city, and a transliteration's syllable before it of a longer name the city's ends (杜|库姆|经济特区)."""
    out = [*words, before[k]]
    return [before[k], before[k + 1]] if k + 1 < len(before) and _translit_opening(before, k + 1, out) else [before[k]]


def _translit_opening(before: list[tuple[int, str, str]], k: int, words: list[tuple[int, str, str]]) -> bool:
    """Whether the lone character ``before[k]`` is a syllable of the transliterated stem ``words`` (nearest first):
    one typical of transliterations before a stem that reads as one (兹|拉|蒂博尔), not a function word (在|蒂博尔);
    or the last syllable of one, whatever jieba tags it, after a transliteration's word (克里|比, 比 a preposition)."""
    _, word, tag = before[k]
    if len(word) != 1:
        return False
    if not words:
        prior = before[k + 1][1] if k + 1 < len(before) else ""
        return len(prior) >= 2 and before[k + 1][2].startswith("nr") and translit_odds(word) > 0 \
            and _transliterated(prior + word)  # (not 北顿涅茨克|的|工业区: a function word after the name)
    if tag.startswith(_FUNCTION_TAGS) or tag == "r":
        return False
    stem = "".join(w for _, w, _ in reversed(words))
    return 2 <= len(stem) <= 6 and translit_odds(word) >= TYPICAL_TRANSLIT and translit_odds(stem) >= TYPICAL_TRANSLIT \
        and model_places.han_only(stem) and (jieba_freq().get(stem, 0) == 0 or tag_table().get(stem, "").startswith("nr"))


def _township_cut_in_two(doc: _Doc, gz: Gazetteer, pos: int, before: list[tuple[int, str, str]], k: int,
                         words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]] | None:
    """The two pieces of a township jieba cut in two at ``before[k]`` (嘎|东镇), to take into a park's stem where the
    township names the park ([] where it does not: the stem stops there), or None where ``before[k]`` is no such piece."""
    word = before[k][1]
    if len(word) < 2 or word[-1] not in "镇乡" or k + 1 >= len(before) or _is_division(gz, word) \
            or not _is_division(gz, before[k + 1][1] + word):
        return None
    names = _division_names_park(gz, before[k + 1][1] + word, words, False, doc.text[pos : pos + 2])
    return [before[k], before[k + 1]] if names else []


def _glued_conjunction(gz: Gazetteer, before: list[tuple[int, str, str]], k: int) -> bool:
    """国家森林公园|和兰家|大峡谷: whether word ``k`` of a stem (nearest first) opens with 和, 与 or 及 that jieba glued onto the
    next name, after a place closed by its kind: the conjunction joins two places, so the stem stops after it."""
    _start, word, tag = before[k]
    return len(word) >= 2 and word[0] in "和与及" and tag in ("", "un", "x") and k + 1 < len(before) and \
        before[k + 1][1].endswith(_suffixes_longest_first(gz))


def _glued_particle(gz: Gazetteer, word: str, tag: str) -> bool:
    """层层叠叠|的花海|梯田, 提供…|为雄安|新区: a particle or preposition that never opens a name, which jieba glued onto
    the name's first word (a word it does not know, or tags a place): the stem starts after it (not a place the
    gazetteer knows so spelt: 的黎波里)."""
    return len(word) >= 3 and word[0] in _NEVER_OPENS and tag in ("", "un", "x", "ns", "nz") and word not in gz.surfaces


_NEVER_OPENS = frozenset("的为在把被将对")


def _stem_words(doc: _Doc, gz: Gazetteer, pos: int, persons: frozenset[str],
                site: bool = False) -> list[tuple[int, str, str]]:
    """The name-like words before a park suffix at ``pos``, in reading order (``site``: a site's suffix, whose name a
    division's short form does not begin)."""
    words: list[tuple[int, str, str]] = []  # nearest first
    before = doc.tokens_before(pos)
    for k, (start, word, tag) in enumerate(before):
        if _joins_stem(doc, pos, before, k, words, site):
            words.append((start, word, tag))
            continue
        if words and _township_cut_across(doc, before, k):  # 罗家|集中|药材|种植基地: 罗家集 of 罗家集乡, cut across
            words += [(start, word, tag), before[k + 1]]
            break
        if not all(NAMEISH.match(c) for c in word) or _stem_stop(word) or _ends_stem(gz, before, k, words, persons):
            break  # (西部科学城|重庆高新区: another park's suffix ends the stem)
        if (opening := _opening_word(doc, before, k, words)) is not None:
            words.append(opening)
            break
        if not site and (cut := _township_cut_in_two(doc, gz, pos, before, k, words)) is not None:
            words += cut  # 嘎|东镇|蔬菜产业园: a township jieba cut in two is read whole, as 嘎拉乡|青稞产业园 is
            break
        if site and words and _reserve_place(doc, gz, pos, word):
            # 湛江|红树林|国家级自然保护区: a reserve is named by its place's short forms and what it protects, whatever
            # jieba tags the place (大连 is an adverb to it); a division named in full is a place of its own (玉树市|隆宝…)
            words.append((start, word, tag))
            if k + 1 < len(before) and _is_division_short(gz, before[k + 1][1]):
                continue
            break
        if len(word) == 1 and words and (tag == "g" or (word in "东西南北" and tag == "f" and words[-1][2] == "un"
                                                        and len(words[-1][1]) > 1) or _compass_opens_water(before, k, words)
                                         or _lone_pair_opens(word, tag, words) or _cut_county(gz, word, words)):
            words += _opening_characters(before, k)  # 成县|西|狭颂|景区 (a compass character), 溱|湖|… (a bound morpheme)
            break
        number_inside = _number_inside(doc, gz, before, k, words)
        if len(word) <= 2 and words and not number_inside and tag.startswith("m") and _model_opens(doc, start, words):
            words.append((start, word, tag))  # 万|佛山|景区, 八步|沙|林场: a numeral the NER reads as opening the place is its first
            break
        if _opens_name(gz, before, k, words) or (words and _numeral_county(doc, gz, word, tag)):
            words.append((start, word, tag))  # (万年|贡米产业园: a county's short form jieba reads as a numeral)
            continue
        if (not number_inside and (COUNTED_STEM.match(word) or (tag.startswith("m") and _numeric(word)))) or (
                len(word) == 1 and k + 1 < len(before) and COUNTED_STEM.fullmatch(before[k + 1][1] + word)):
            break  # 六大板块, 三个示范区 (but 西江|千户|苗寨景区: a number inside a name runs on)
        if not number_inside and _tag_ends_stem_here(doc, before, k, words):
            words += _lone_char_opening(doc, start, word, tag, words, before[k + 1:k + 2])
            break
        if len(word) >= 2 and word[0] in DIVISION_LAST and k + 1 < len(before) and (before[k + 1][1] + word[0]) in gz.surfaces:
            words.append((start + 1, word[1:], tag))  # 玉树|市隆宝|国家级自然保护区: the city's 市 glued to the name
            break
        if _division_cut_before(doc, gz, before, k):
            # (before a generic stem the division names the park: 孟津|区|智能制造产业园)
            if words and all(w in GENERIC_STEMS or w in QUALIFIERS for _, w, _ in words):
                words += [(start, word, tag), (before[k + 1][0], before[k + 1][1], before[k + 1][2])]
            break
        if _names_port(doc, gz, pos, word, tag, words):
            words.append((start, word, tag))
            break
        if site and words and (take := _site_step(gz, words, word)) is not None:
            if take:
                words.append((start, word, tag))
            break
        if (words and (localities.is_area_region(word) or (localities.is_listed_region(word) and words[-1][1] not in DASHES))) or (
                word in ("地区", "区域") and k + 1 < len(before) and localities.is_area_region(before[k + 1][1] + word)):
            # 环渤海地区|新型工业化|基地, 中西部|地区|生产基地: the region is a place of its own, the base a kind in it
            break
        if _is_division(gz, word) and word != "首都":
            if k + 1 < len(before) and before[k + 1][1] in DASHES and not _is_country(gz, word):
                words.append((start, word, tag))  # 广西—|文莱|经济走廊: the second of two joined names
                continue
            if _foreign_city_only(gz, word) and not any(w[2] in _NOT_IN_NAME_TAGS for w in words):
                words += _foreign_city_opening(before, k, words)  # (not 加沙|所有|口岸: a determiner after the city)
            elif _division_names_park(gz, word, words, site, doc.text[pos : pos + 2]):
                words.append((start, word, tag))
            break
        words.append((start, word, tag))
        if sum(len(w) for _, w, _ in words) >= 12:
            break
    words.reverse()
    words = _trim_stem(doc, gz, words)
    return _mend_site_stem(doc, gz, words) if site else words


# Every suffix a park, zone, site or region is named by.
_SUFFIX_WORDS = frozenset((*AREA_SUFFIXES, *PARK_SUFFIXES, *WEAK_SUFFIXES))


def _tag_ends_stem_here(doc: _Doc, before: list[tuple[int, str, str]], k: int, words: list[tuple[int, str, str]]) -> bool:
    """Whether ``before[k]``'s tag ends the stem: not where the word is the short form of a county the article names in
    full (定远|盐化工业园 where it names 定远县: an adverb to jieba), which the division's own check decides."""
    return _tag_ends_stem(doc, before, k) and not (words and _county_named_in_full(doc, doc.gz, before[k][1]))


def _joins_stem(doc: _Doc, pos: int, before: list[tuple[int, str, str]], k: int, words: list[tuple[int, str, str]],
                site: bool) -> bool:
    """Whether ``before[k]`` belongs to the stem and the stem may run on before it; the word right before the suffix
    does where it is the short form of a township the article names in full, whatever jieba tags it (明亮镇 …
    明亮|工业集中区: an adjective)."""
    gz, (_, word, tag) = doc.gz, before[k]
    return _runs_on(doc, gz, pos, before, k, words, site) or _first_of_joined(gz, word, tag, words) \
        or _mouth(before, k) or (not words and _named_in_full(doc, gz, word, _TOWNSHIP_KINDS, ("town",)))


def _opening_word(doc: _Doc, before: list[tuple[int, str, str]], k: int,
                  words: list[tuple[int, str, str]]) -> tuple[int, str, str] | None:
    """The stem's first word where jieba's word ``before[k]`` would end it though it opens the name."""
    gz = doc.gz
    start, word, tag = before[k]
    if _glued_conjunction(gz, before, k) or _glued_particle(gz, word, tag):
        return start + 1, word[1:], tag  # (国家森林公园|和兰家|大峡谷: the stem is 兰家; 的|花海|梯田)
    if not words:
        return None
    if word == "到达" and k + 1 < len(before) and before[k + 1][1][-1:] in "来回走赶":
        return start + 1, word[1:], tag  # 来|到达|古冰川|景区: jieba read 到达 across 来到 and the name's 达
    if _counted_noun_name(before, k, words):
        return start, word, tag  # 三块|石|国家森林公园, 五棵|松|…: a count of one thing names the park
    return None


def _counted_noun_name(before: list[tuple[int, str, str]], k: int, words: list[tuple[int, str, str]]) -> bool:
    """Whether a numeral and measure word jieba reads as one word (三块, 五棵) and the one-character noun after it
    open the park's name (三块石国家森林公园): a count of parks (三个|示范区) has no noun between."""
    word, tag = before[k][1], before[k][2]
    return len(words[-1][1]) == 1 and words[-1][2][:1] == "n" and all(len(w[1]) >= 2 for w in words[:-1]) \
        and tag == "m" and len(word) == 2 and word[0] in _COUNT_DIGITS and word[1] in _NAME_MEASURES


_COUNT_DIGITS = "一二三四五六七八九十两"
_NAME_MEASURES = "块棵眼道口座里峰"


def _township_cut_across(doc: _Doc, before: list[tuple[int, str, str]], k: int) -> bool:
    """Whether the word before ``before[k]`` and the first characters of ``before[k]`` make a township's short form
    that the article writes in full (罗家|集中 where it writes 罗家集乡): jieba cut across the name's end."""
    word = before[k][1]
    if k + 1 >= len(before) or len(word) < 2:
        return False
    _, prior, tag = before[k + 1]
    # (not 杨|宋镇, 来到|三河镇: the township written in full there is a place of its own; nor a verb before it)
    return all(NAMEISH.match(c) for c in prior) and tag[:1] in ("n", "u", "j") and any(
        word[n] not in "镇乡村" and _township_written_in_full(doc, prior + word[:n]) for n in range(1, len(word)))


def _mouth(before: list[tuple[int, str, str]], k: int) -> bool:
    """滦河|口|湿地: 口 after a river jieba names is its mouth, part of the name (jieba reads 口 as a measure word); so
    is one of three characters or more it tags a person's (熊岳河|口|湿地)."""
    return before[k][1] == "口" and k + 1 < len(before) and before[k + 1][1][-1:] in "河江" \
        and (before[k + 1][2] in ("ns", "nz") or (before[k + 1][2] == "nr" and len(before[k + 1][1]) >= 3))


def _first_of_joined(gz: Gazetteer, word: str, tag: str, words: list[tuple[int, str, str]]) -> bool:
    """久仰|—|敏洞…片区: the name before a dash that joins two (a township's short form jieba reads as a verb) is the
    first of them, whatever its tag."""
    return bool(words) and words[-1][1] in DASHES and len(word) >= 2 and word in gz.surfaces and not _is_country(gz, word)


def _lone_char_opening(doc: _Doc, start: int, word: str, tag: str, words: list[tuple[int, str, str]],
                       prior: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """那|考河|湿地公园, 小|秦岭|…保护区: a character jieba read as a word of its own (a pronoun, an adjective) that
    the NER reads as opening the place is the stem's first, where its tag would end the stem; so is a syllable that
    opens a transliterated name jieba read as a verb (的|扎|库马|国家公园, 的|提|贝斯提|山)."""
    if len(word) != 1:
        return []
    if prior and len(prior[0][1]) == 1 and _named_in_full(doc, doc.gz, prior[0][1] + word, _TOWNSHIP_KINDS, ("town",)):
        return [(start, word, tag), prior[0]]  # 廊|下|郊野公园: the short form of 廊下镇, which the article names
    if not words:
        return []
    return [(start, word, tag)] if _model_opens(doc, start, words) or _translit_opens(word, words, prior) \
        or _verb_after_motion(tag, words, prior) else []


_TOWNSHIP_KINDS = ("镇", "乡", "街道")


def _verb_after_motion(tag: str, words: list[tuple[int, str, str]], prior: list[tuple[int, str, str]]) -> bool:
    """赴|借|母溪|国家级自然保护区: a character jieba read as a verb right after a verb of going, opening a word it does not
    know or reads as a name, is the name's first syllable: one goes to a place, not to do a second thing glued to it."""
    # (走进|拜|图拉|清真寺: a word jieba tags a person's name opens no second thing either)
    # (察看|惹|巴拉|土家织锦产业园: nor to look at a place and do a second thing)
    return tag.startswith("v") and (words[-1][2] == "un" or words[-1][2].startswith("nr")) and bool(prior) \
        and (_GOING_TO.search(prior[0][1]) is not None or prior[0][1] in _LOOK_VERBS)


def _translit_opens(word: str, words: list[tuple[int, str, str]], prior: list[tuple[int, str, str]]) -> bool:
    """Whether the lone character opens the transliterated name the stem's words so far spell (扎|库马: the stem
    and the whole read as transliterations, the character itself a name's syllable, nothing before it it could be
    the verb of)."""
    name_words = [w for _, w, t in words if t[:2] in ("nr", "ns", "nz")]
    return bool(name_words) and sum(len(w) for _, w, _ in words) >= 2 \
        and model_places.syllable_opens_name(word, name_words[-1], prior[0][2] if prior else None)


def _model_opens(doc: _Doc, start: int, words: list[tuple[int, str, str]]) -> bool:
    """Whether the NER reads a place that opens at ``start`` and runs at least over the stem's words so far."""
    return any(s == start and e >= words[-1][0] + len(words[-1][1]) for s, e in doc.model_locations())


def _lone_pair_opens(word: str, tag: str, words: list[tuple[int, str, str]]) -> bool:
    """幕|阜|山区: a rare character jieba left alone as a measure word before a place's one character that it left
    alone too: the two spell the name (幕阜山), not a count."""
    return tag == "q" and word not in COUNT_CHARS and len(words[-1][1]) == 1 and words[-1][2] == "ns" \
        and jieba_freq().get(word, 0) < RARE_MEASURE


def _cut_county(gz: Gazetteer, word: str, words: list[tuple[int, str, str]]) -> bool:
    """中|宁|枸杞产业园: a county's two-character short name jieba cut into two single characters (a locative and an
    abbreviation) opens the park it names."""
    return len(words[-1][1]) == 1 and _is_division_short(gz, word + words[-1][1]) and _county_level(gz, word + words[-1][1])


RARE_MEASURE = 3000  # 幕 1,520 as a word; measure words of everyday counting: 片 6,168, 座 9,662, 个 125,538


def _compass_opens_water(before: list[tuple[int, str, str]], k: int, words: list[tuple[int, str, str]]) -> bool:
    """西|洞庭湖|国家级自然保护区: a compass character after a verb or a preposition opens the name of the lake or
    mountain the stem starts with (西洞庭湖, 东太湖); after a place it is that place's part (岳阳|西)."""
    return before[k][1] in "东西南北" and before[k][2] == "f" and words[-1][2] == "ns" and words[-1][1][-1] in "湖山" \
        and (k + 1 >= len(before) or before[k + 1][2].startswith(("v", "p", "x")))


_OLD_TOWN = ("古城", "古镇")


def _division_names_park(gz: Gazetteer, word: str, words: list[tuple[int, str, str]], site: bool,
                         suffix: str = "") -> bool:
    """Whether the division written in full as ``word`` before the stem ``words`` (nearest first) is part of the
    park's or site's name. 通州区|运河商务区, 杨宋镇|影视产业示范区: the division is a place of its own (首都 is an
    adjective); but before a generic stem it names the park (平谷|现代|物流园), and so does a township before a short
    common stem or none (龙泉镇|食品|产业园, 甲玛乡|产业园; not before a 小镇, 寿昌镇|航空小镇: a themed town is named by
    its theme, and a township holds it, no town names another), the first of two joined by a dash (凭祥—同登), and a
    county of one character, named in full, before its old town (浚县|古城; not 雄县|温泉城, a name of its own), and
    a county or township before a suffix that a generic stem's word opens (留坝县|工业集中区, as 留坝县|工业|园区).
    ``suffix``: the park suffix's first two characters."""
    old_town, small_town = suffix in _OLD_TOWN, suffix == "小镇"
    if not words and not site and suffix in GENERIC_STEMS and any(e.level in ("district", "town") for e in gz.lookup(word)):
        return True  # 留坝县|工业集中区: a suffix that opens with a generic stem's word is a generic stem and its suffix
        # (a county's or township's park; not 印尼|产业园区, a state's, nor 钟祥市|古城, a site)
    return bool(words and all(w in GENERIC_STEMS or w in QUALIFIERS for _, w, _ in words)) or bool(
        word.endswith(TOWNSHIP_ENDS) and sum(len(w) for _, w, _ in words) < 4 and not is_common_word(word)
        and not (small_town and words)
        and not (words and word.startswith(words[-1][1]))  # (打洛镇|打洛|口岸: the port repeats its town)
        and not (site and words and not all(is_common_word(w) for _, w, _ in words))) or (
        # (沙洲坝镇|红井|景区: a site's own proper name follows its town)
        bool(words) and words[-1][1] in DASHES) or (not words and _zone_like_unit(gz, word)) or (
        old_town and not words and len(word) == 2 and word[1] == "县")


def _opening_characters(before: list[tuple[int, str, str]], k: int) -> list[tuple[int, str, str]]:
    """The one character ``before[k]`` that opens a stem, and a second rare one before a bound morpheme (嵖|岈|山: two
    characters jieba leaves alone, tagged g and zg), in walk order (nearest first)."""
    out = [before[k]]
    if before[k][2] == "g" and k + 1 < len(before) and len(before[k + 1][1]) == 1 and before[k + 1][2] in ("g", "zg"):
        out.append(before[k + 1])
    return out


# Characters of words that say a time (今年, 当前, 冬季, 节后): such a word before a landform's character opens no name.
_TIME_CHARS = frozenset("年今明去前后当目近底初末时期间天季节晚早")


def _tag_ends_stem(doc: _Doc, before: list[tuple[int, str, str]], k: int) -> bool:
    """Whether jieba's tag of ``before[k]`` ends a park's stem: a single character's unless it is a landform's
    after a noun (红军|渡|纪念地, 渡 tagged a verb), a word's unless a stem's word of another tag (首都 d, 现代 t,
    零部件 mq, 可可托海 i), a span the NER reads as a place, or a division's short form right before the suffix."""
    start, word, tag = before[k]
    if len(word) == 1:
        # (黄河|清|国家湿地公园: a character after a place's name goes on with it, though jieba tags it a time; not
        # a function character, a verb or an adjective: 北京|和|…, 东兰|是|…革命老区, 东北|老|工业基地)
        return not tag.startswith(SINGLE_OK) and not (
            word in GEO_CHARS and k + 1 < len(before) and before[k + 1][2].startswith(("n", "un"))) and not (
            tag.startswith("t") and k + 1 < len(before) and before[k + 1][2] == "ns" and len(before[k + 1][1]) >= 2)
    if tag == "un" and _verb_with_complement(word):
        return True  # 守好|河西走廊, 用好|…: a verb and its result, which jieba's dictionary lacks
    if tag == "t" and k > 0 and before[k - 1][1] in GEO_CHARS and not any(c in _TIME_CHARS for c in word):
        return False  # 日月|峡|国家森林公园: a word jieba tags a time opens a landform's name, if it says no time
    if word in _RIVER_SECTIONS and k + 1 < len(before) and before[k + 1][1][-1:] in "河江水溪川" and \
            not doc.text.startswith(("地区", "区域"), start + len(word)):
        # 大渡河|上游|生态文化旅游走廊: the river's reach opens the belt's name, as the river alone does (but
        # 牡丹江上游地区|林区: the reach's area is a region of its own, its forests a kind of place within it)
        return False
    if _glued_team(before, k) or (tag == "vn" and k > 0 and before[k - 1][2] in ("nr", "ns")):
        return True  # 视察|组沿|英西峰林走廊: the team's 组 and 沿 glued; 启动|比尔森…: a verb before the proper name
    return not tag.startswith(STEM_TAGS_OK) and word != "首都" and word not in GENERIC_STEMS \
        and (start, start + len(word)) not in doc.model_locations() and not (tag.startswith("m") and not _numeric(word)) \
        and not (k == 0 and (_is_division_short(doc.gz, word) or _rare_township_short(doc.gz, word))) \
        and not (k > 0 and _is_division_short(doc.gz, word) and all(w in GENERIC_STEMS or w in QUALIFIERS
                                                                  for _, w, _ in before[:k]))
    # (遵义|都市圈, 正定|古城: jieba tags 遵义 a verb, yet a division's short form right before the suffix names the
    # whole, and so it does before a generic stem, 五常|经济|开发区 (jieba's time word), 镇远|经济|开发区 (its adjective);
    # before a proper name of its own it is a place apart: 重庆大足|龙水湖|景区; so does a township's
    # short form no dictionary counts as a word: 拉加|寺, jieba's verb, is the temple of 拉加镇)


_TEAM_VERB_WORDS = frozenset(TEAM_VERBS.split("|"))
_RIVER_SECTIONS = frozenset(_WORDS["river-section"])


def _glued_team(before: list[tuple[int, str, str]], k: int) -> bool:
    """Whether ``before[k]`` is a word jieba glued from a team's 组 (团, 队) and what follows it (视察|组沿|英西…):
    the word before it is the team's verb."""
    start, word, tag = before[k]
    return tag == "un" and word[0] in "组团队" and k + 1 < len(before) and before[k + 1][1] in _TEAM_VERB_WORDS


def _verb_with_complement(word: str) -> bool:
    """A verb of one character and its result (守好, 用好, 筑牢): jieba's dictionary holds many such (护好, 管好) as
    verbs but not all, and those it lacks come out unknown, like a name."""
    return len(word) == 2 and word[1] in model_places.VERB_RESULTS and tag_table().get(word[0], "").startswith(("v", "p"))


RARE_TOWNSHIP_SHORT = 100  # 拉加 55, 法门 215, 白马 706, 和平 7,998 in jieba's dictionary


def _rare_township_short(gz: Gazetteer, word: str) -> bool:
    """Whether ``word`` is a township's short form and rare as a word (拉加 of 拉加镇; not 和平, 中心)."""
    return len(word) >= 2 and jieba_freq().get(word, 0) < RARE_TOWNSHIP_SHORT and any(
        kind == SHORT and gz.entries[k].level == "town" for k, kind in gz.surfaces.get(word, ()))


def _mend_site_stem(doc: _Doc, gz: Gazetteer, words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A site's stem where jieba cut across a division's name: the crossing's city before it (同|江中|俄|铁路|大桥:
    the walk never met 同江 whole) joins it, the township opening it (沙洲|坝镇|红井) leaves it."""
    if _two_states_crossing([w for _, w, _ in words]):
        s = words[0][0]
        k = next((k for k in (4, 3, 2) if k <= s and _is_division_short(gz, doc.text[s - k : s])), 0)
        return [(s - k, doc.text[s - k : s], "ns"), *words] if k else words
    return _after_town(gz, words)


def _common_stem(words: list[tuple[int, str, str]]) -> bool:
    """A park's stem of common words only (汽车|零部件, 现代|中药, 新型建材): no proper name of its own."""
    return bool(words) and all(not tag.startswith(("nr", "ns", "nt", "nz", "un", "j")) and (
        is_common_word(w) or tag in ("n", "vn")) for _, w, tag in words if w not in QUALIFIERS)


def _reserve_place(doc: _Doc, gz: Gazetteer, pos: int, word: str) -> bool:
    """Whether ``word``, before the stem of the site at ``pos``, is a division's short form that opens a nature
    reserve's name (芒康|滇|金丝猴, 大连|斑海豹, 北票|鸟化石)."""
    return doc.text.startswith(RESERVE_SUFFIXES, pos) and _is_division_short(gz, word) and not _is_country(gz, word)


def _stem_names_no_site(doc: _Doc, gz: Gazetteer, h: Hit, words: list[tuple[int, str, str]], stem: str) -> bool:
    """中智|盐湖资源开发合作: two states' forms alone before a weak suffix name a cooperation, not a site (see
    `_two_states`); 青海|盐湖, 山西|盐湖: a province's salt lakes (or the firm named after them), not one lake (but
    福建|土楼, 广西|丘陵 are named so)."""
    if h.suffix == "weak" and len(stem) == 2 and stem[0] == "中" and stem[1] in _PARTNER_CHARS:
        return True
    if h.surface in _PLACE_NAMED_KINDS and not (words[0][1] in gz.surfaces and not words[0][2].startswith("m")
                                                 and words[0][1][-1] not in DIVISION_LAST) \
            and not _township_short_opening(doc, words):
        return True  # 蜂岩|生态|茶园, named by a township's short form; not 白茶|茶园, 万亩|茶园, 官庄镇|茶园 (the township's)
    return h.surface == "盐湖" and len(words) == 1 and any(e.level == "province" for e in gz.lookup(stem))


# A partner state's one character after 中 in a weak suffix's stem (the model's list and the states only a two-character
# stem safely reads so).
_PARTNER_CHARS = model_places.PARTNER_CHARS


def _two_states_crossing(stem: list[str]) -> bool:
    """中|俄|铁路 (in reading order): two states' one-character forms and the traffic a crossing serves, and no
    name of its own."""
    return len(stem) >= 2 and stem[0] == "中" and stem[1] in model_places.FOREIGN_SHORT_CHARS and \
        all(w in CROSSING_MODES for w in stem[2:])


def _site_step(gz: Gazetteer, words: list[tuple[int, str, str]], word: str) -> bool | None:
    """At ``word`` before a site's stem ``words``: True when it is the division whose short form ends the name
    (西双版纳|国家级|自然保护区, a reserve named by its place and rank; 黎平|会议|会址, a site named by a meeting, the
    meeting by its place), False when it is a division before the site's own name (陕西宝鸡|周原遗址: the site's
    place), None to read on: a common landform word names a site only with its place (恩施大峡谷风景区; not 黑河流域|湿地,
    a basin's wetland), and a crossing is named by its town and the traffic it serves (二连浩特|铁路|口岸)."""
    if not _is_division_short(gz, word):
        return None
    if len(words[-1][1]) == 1 and word + words[-1][1] in gz.surfaces:
        return True  # 白塔|子|湿地: the short form and the character after it spell another place (白塔子 of 白塔子镇)
    if all(w in QUALIFIERS for _, w, _ in words) or words[0][1].endswith("会议") or \
            any(w in EVENT_SITE_WORDS for _, w, _ in words):
        return True  # (会宁|红军|会师|旧址: named by what happened at the place; not 商丘|淮海战役…旧址, an event
        # named by a place of its own)
    if _two_states_crossing([w for _, w, _ in reversed(words)]):
        return True  # 同江|中|俄|铁路|大桥: two states' bridge is named by the city it leaves from
    if _province_only(gz, word):
        return False  # (安徽|马鞍山水库, 内蒙古|马鞍山林场: a province is where the site is, never in its name)
    if (all(is_common_word(w) for _, w, _ in words) and any(w[-1] in GEO_CHARS for _, w, _ in words)) or \
            all(w in CROSSING_MODES for _, w, _ in words):
        return None
    return False


def _province_only(gz: Gazetteer, word: str) -> bool:
    """Whether ``word`` is a short form of provinces alone (内蒙古, 安徽; not 恩施, 马鞍山)."""
    levels = {gz.entries[k].level for k, kind in gz.surfaces.get(word, ()) if kind == SHORT}
    return levels == {"province"}


def _after_town(gz: Gazetteer, words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """沙洲|坝镇|红井|景区: a township named in full that opens a site's stem (jieba cut across it) is a place of its
    own, and the site's name is what follows it; not where that is a common word (汤山镇|温泉景区 stays as read),
    though a place's name is one (县溪镇|恭城书院: 恭城 is a county's)."""
    stem = "".join(w for _, w, _ in words)
    tags = tag_table()
    for n in range(min(len(stem) - 2, 6), 2, -1):
        if not stem[:n].endswith(("镇", "乡")) or not _is_division(gz, stem[:n]) or \
                (is_common_word(stem[n:]) and tags.get(stem[n:]) != "ns"):
            continue
        cut = words[0][0] + n
        return [(max(s, cut), w[max(0, cut - s) :], t) for s, w, t in words if s + len(w) > cut]
    return words


def _number_inside(doc: _Doc, gz: Gazetteer, before: list[tuple[int, str, str]], k: int, words: list) -> bool:
    """Whether the numeral ``before[k]`` lies inside the name rather than counting parks: a place's name stands
    before it (西江|千户|苗寨景区, 西江|千户|苗寨, the numeral right before the suffix), or with the word after it the numeral spells a place's name (七个|星 of 七个星镇:
    七个星佛寺遗址)."""
    word, tag = before[k][1], before[k][2]
    if not tag.startswith("m"):
        return False
    if words and (word + words[-1][1] in gz.surfaces or word + words[-1][1][:1] in gz.surfaces):
        return True
    if NUMBER_IN_NAME.fullmatch(word) is None or k + 1 >= len(before):
        return False
    prev = before[k + 1]
    return _placeish(prev[1], prev[2], gz) or (prev[0], prev[0] + len(prev[1])) in doc.model_locations()


_SCENIC_KINDS = visited_sites.SCENIC_KINDS


def _stem_head(doc: _Doc, gz: Gazetteer, words: list[tuple[int, str, str]], core: str, h: Hit,
               named_in_full: set[str]) -> str:
    """The proper-name head of a park's stem (张家湾 of 张家湾设计小镇), or "" when the stem has none."""
    head = ""
    model_locs = doc.model_locations()
    for w_start, word, tag in words:
        if word in QUALIFIERS:
            continue
        # (洞庭湖|生态经济区: a famous lake is a common word, but the NER reads it as a place here)
        if _placeish(word, tag, gz) or (len(word) == 1 and tag not in ("n", "vn")) or \
                (w_start, w_start + len(word)) in model_locs or word in named_in_full:
            head += word
        else:
            break
    if len(head) < 2 and len(words) >= 2 and words[0][1] + words[1][1] in named_in_full \
            and doc.text.startswith(RESERVE_SUFFIXES, h.start):
        head = words[0][1] + words[1][1]  # 大|山包|黑颈鹤|…: a township named in full (大山包镇), cut in two
    named = [w for _, w, _ in words if w not in QUALIFIERS]  # (板|洞|省级|自然保护区: the rank after the name)
    if len(head) < 2 and len("".join(named)) <= 4 and len(named) > 1 and named[-1] in GEO_CHARS:
        # 月亮|湾|景区: a common word and a landform's character make a toponym (白芨|滩|国家级|自然保护区: the rank
        # after it is no part of the toponym)
        head = core
    if len(head) < 2 and len(named) <= 2 and h.surface.endswith(SITE_SUFFIXES) and _landform_word(core, words):
        head = core  # 隔河岩|大坝, 双|乳峰|景区: a word or two ending in a landform's character name the site's place
    if len(head) < 2 and len(named) == 1 and h.surface in MEMORIAL_SUFFIXES and 2 <= len(core) <= 4 and (
            words[-1][2].startswith("nr") or (len(core) <= 3 and words[-1][2] == "un" and not is_common_word(core))):
        # 屈原|祠, 王若飞|故居, 虞姬|墓, 僧格林沁|王府: a temple to a person, the house they lived in or their tomb is
        # named by the person (a name jieba knows, of four characters at most, or one of three it knows not at all)
        head = core
    if len(head) < 2 and (core in gz.surfaces or (h.surface.endswith(SITE_SUFFIXES) and jieba_freq().get(
            core, 0) < COMMON_TOWNSHIP_STEM and (_is_division(gz, core + "镇") or _is_division(gz, core + "乡")))):
        # 锁阳|城|遗址: the whole stem is a place's name the gazetteer knows, however jieba cut it; 桃花|潭|景区: a
        # township's name without its 镇 or 乡 (桃花潭镇), no common word (化工, 创业), names the site it lends its name to
        # (not a region: 双城|经济圈 is 成渝地区双城经济圈 written short, not 双城镇's)
        head = core
    if len(head) < 2 and h.surface in _SCENIC_KINDS and 3 <= len(core) <= 6 and len(words[-1][1]) >= 2 and \
            words[-1][2] in ("nr", "nz", "un") and not is_common_word(words[-1][1]) and \
            not any(w.endswith(TOWNSHIP_ENDS) for _, w, _ in words):  # (缸顾乡|千垛景区: the township is a place apart)
        head = core  # 彩色|沙林|景区: a scenic area's stem that ends in a name of its own (沙林, tagged a person's)
    if len(head) < 2 and (known := _known_opening(gz, core)) and (words[0][2].startswith("m") or (
            len(words[0][1]) < len(known) and _generic_rest(words, known))):
        # 七个|星|佛寺|遗址, 黄沙|港|国家|中心|渔港: a place's name the cut split opens the stem (七个星 of 七个星镇), the
        # rest generic words (not 獐子|岛|海洋|牧场: the island's, a kind of farm)
        head = known
    if not head and _transliterated(core) and h.surface.endswith(SITE_SUFFIXES + REGION_SUFFIXES):
        head = core  # 卡拉|苏|口岸, 库姆塔格|沙漠: a crossing, port or region named by a transliterated toponym
    if len(head) < 2 and (own := _township_short_opening(doc, words)):
        head = own  # 在中课镇，…中课|水稻种植基地: the short form of a township the article writes in full names its base
    if len(head) < 2 and h.surface == "水库" and len(named) == 1 and words[0][2] in ("nr", "ns", "nz", "un") and \
            (prior := doc.tokens_before(words[0][0])) and _GOING_TO.search(prior[0][1]):
        head = core  # 又到|高峰|水库: a reservoir one goes to is named by the word before it, however common (红旗, 高峰)
    if len(head) < 2 and len(words) >= 2 and words[-1][1] in _SHRINE_CHARS and h.surface.endswith(SITE_SUFFIXES) \
            and len(_stem_head(doc, gz, words[:-1], core[:-1], h, named_in_full)) >= 2:
        head = core  # 双树|寺|水库: a reservoir or site named after the temple by it, itself named by its place
    return head


# One-character shrines, which name the reservoir, village or site beside them (双树寺水库, 白马寺景区).
_SHRINE_CHARS = frozenset("寺庙祠观")


# Suffixes of memorial temples and former residences, which bear the name of the person they honour.
MEMORIAL_SUFFIXES = frozenset(_WORDS["memorial-suffix"])


def _landform_word(core: str, words: list[tuple[int, str, str]]) -> bool:
    """Nouns or unknown words, three or four characters together, the last ending in a landform's character and
    of two or more itself (隔河岩, 双|乳峰; not 大|峡谷 of a common landform word)."""
    return 3 <= len(core) <= 4 and core[-1] in GEO_CHARS and len(words[-1][1]) >= 2 \
        and (len(words) == 1 or not is_common_word(words[-1][1]) or _lone_opening(words)) \
        and all(tag in ("n", "nz", "ns", "un", "nr") for _, _, tag in words[1 if _lone_opening(words) else 0 :]) \
        and model_places.han_only(core)


def _lone_opening(words: list[tuple[int, str, str]]) -> bool:
    """横|山岭 (水库): a lone character jieba tags a verb or an adjective before a landform's word of two characters,
    the two words the whole stem: the character opens the landform's name (a function character would not)."""
    return len(words) == 2 and len(words[0][1]) == 1 and words[0][2] in ("v", "a", "vg", "ag", "ng", "g") \
        and len(words[1][1]) == 2 and words[1][2].startswith(("n", "ns"))


def _township_ahead(doc: _Doc, before: list[tuple[int, str, str]], k: int) -> bool:
    """Whether one of the three words before ``before[k]`` is the short form of a township or village the article
    writes in full elsewhere (四季青|水稻|育秧: 四季青镇; 邦溪|冬季|瓜菜|示范), or opens with one that runs into the
    next word (罗家|集中|药材|种植: 罗家集乡, the cut made 集中 of its last character)."""
    stem = ""
    for j in (k + 1, k + 2, k + 3):
        if j >= len(before):
            break
        word = before[j][1]
        stem = word + stem
        if _township_written_in_full(doc, word) or any(
                _township_written_in_full(doc, stem[:n]) for n in range(len(word) + 1, len(stem) - 1)):
            return True
    return False


def _township_short_opening(doc: _Doc, words: list[tuple[int, str, str]]) -> str:
    """The stem's first word, of a stem of two words or more, where the article writes it in full as a township or
    village (四季青 of 四季青镇, 翁嘎科 of 翁嘎科镇)."""
    return words[0][1] if len(words) >= 2 and _township_written_in_full(doc, words[0][1]) else ""


def _township_written_in_full(doc: _Doc, word: str) -> bool:
    """Whether the article writes ``word``, no common word (新华, 东风), with 镇, 乡 or 村 after it, or lists it among
    townships (到文市、黄关、洞井等乡镇)."""
    return len(word) >= 2 and not is_common_word(word) and (
        any(word + kind in doc.text for kind in ("镇", "乡", "村")) or word in doc.listed_township_shorts())


def _generic_rest(words: list[tuple[int, str, str]], known: str) -> bool:
    """Whether the stem's words after the opening ``known`` are all generic words or ranks (国家|中心 of 黄沙港国家中心渔港)."""
    at, rest = 0, []
    for _, w, _ in words:
        at += len(w)
        if at > len(known):
            rest.append(w)
    return bool(rest) and all(w in GENERIC_STEMS or w in QUALIFIERS for w in rest)


def _known_opening(gz: Gazetteer, core: str) -> str:
    """The longest opening of ``core``, three characters or more, that names a place the gazetteer knows."""
    return next((core[:n] for n in range(len(core) - 1, 2, -1) if core[:n] in gz.surfaces), "")


# The rivers and the coast whose one character after 沿 names the lands along them (沿黄, 沿淮, 沿江, 沿海).
_ALONG_WATERS = frozenset("黄淮江海河")


def _along_water(word: str) -> bool:
    """沿黄, 沿淮: the lands along a river named by its one character, which open a region's name (沿黄生态经济带); the
    沿 is no preposition glued onto the name (but 沿|黄河谷地: along the river named in full, it is)."""
    return len(word) == 2 and word[0] == "沿" and word[1] in _ALONG_WATERS


def _opens_name(gz: Gazetteer, before: list[tuple[int, str, str]], k: int, words: list) -> bool:
    """Whether the single character ``before[k]``, which jieba tags as a number, a verb or a direction, opens the
    name the stem's ``words`` go on with."""
    word, tag = before[k][1], before[k][2]
    if len(word) != 1 or not words:
        return False
    if tag.startswith("m") and word not in COUNT_CHARS and word not in "年月日号度" and words[-1][2] == "un" \
            and not (k + 1 < len(before) and before[k + 1][2].startswith(("m", "x"))):
        return True  # 多|依树|景区: a character jieba reads as "many" opens an unknown name
    if tag in ("y", "e") and words[-1][2] in ("un", "nz") and len(words[-1][1]) >= 2:
        return True  # 察看|呀|诺达|雨林文化旅游区: a modal particle never comes before a noun, so it opens the name
    if word == "大" and tag == "a" and words[-1][1][:2] in gz.surfaces:
        return True  # 融入|大|三亚旅游|经济圈: a greater city's region is named so
    if word == "沿" and _along_water(word + words[-1][1]):
        return True  # 融入|沿|黄|生态经济带: the lands along a river or coast (沿黄, 沿淮) name a region
    return _two_states(gz, before, k, words) or _bound_first_char(gz, before, k, words)


def _two_states(gz: Gazetteer, before: list[tuple[int, str, str]], k: int, words: list) -> bool:
    """Whether ``before[k]`` is one of two states' one-character forms that open a zone's name after its town
    (东兴|中|越|跨境经济合作区, 满洲里|中|俄|互市贸易区): 中 before another state's, or that one after 中. (Without its
    town, 中越跨境经济合作区 is a kind of zone, not one.)"""
    word = before[k][1]
    if word == "中":
        town = k + 1
        ok = words[-1][1] in model_places.FOREIGN_SHORT_CHARS
    else:
        town = k + 2
        ok = word in model_places.FOREIGN_SHORT_CHARS and k + 1 < len(before) and before[k + 1][1] == "中"
    return ok and town < len(before) and (_is_division(gz, before[town][1]) or _is_division_short(gz, before[town][1]))


def _entry_place(places: dict[str, Place], gz: Gazetteer, e: Entry) -> Place:
    """The place a gazetteer entry stands for in ``places``, added on first sight."""
    if e.key not in places:
        places[e.key] = Place(name=e.name, level=e.level, code=e.code, parent=gz.parent_name(e), lat=e.lat, lon=e.lon,
                              evidence="gazetteer")
    return places[e.key]


def _add_park_hosts(text: str, gz: Gazetteer, places: dict[str, Place]) -> None:
    """The county or township a park's name opens with, named in full (灵宝市|铜箔产业园, 平谷区|现代物流园), is a
    place of its own: the article names it, and a reader filtering by county expects the park's host there."""
    for park in [p for p in places.values() if p.evidence == "park-suffix"]:
        for m in list(park.mentions):
            for n in range(min(len(m.text) - 2, 8), 2, -1):
                name = m.text[:n]
                senses = [gz.entries[k] for k, kind in gz.surfaces.get(name, ()) if kind == FULL]
                if name[-1] not in "市县区旗镇乡" or len(senses) != 1 or senses[0].level not in ("district", "town"):
                    continue
                _entry_place(places, gz, senses[0]).mentions.append(Span(name, m.start, m.start + n))
                break


def _add_region_provinces(text: str, gz: Gazetteer, places: dict[str, Place]) -> None:
    """甘肃|河西走廊, 青海|柴达木盆地, 俄罗斯|远东地区: the province or country written right before a listed region is
    a place of its own, though jieba's dictionary holds the two as one word and the gazetteer's match inside it was
    not read, or the suffix rule grew the two as one name."""
    def state(name: str) -> Entry | None:
        senses = [gz.entries[k] for k, kind in gz.surfaces.get(name, ()) if kind in (FULL, ALIAS, SHORT)]
        return senses[0] if len(senses) == 1 and senses[0].level in ("province", "country") else None

    for region in [p for p in places.values() if p.level == "region"]:
        n, opening = next(((n, e) for n in (3, 2) if (e := state(region.name[:n])) is not None), (0, None))
        if opening is None or any(m.text != region.name for m in region.mentions):
            continue
        rest = _region_after_state(gz, region, n)
        if rest == "name":
            # 青海|柴达木盆地 read whole by the suffix rule: the listed region and the province before it
            region.name = region.name[n:]
            region.mentions = [Span(m.text[n:], m.start + n, m.end) for m in region.mentions]
        elif rest == "common":
            # 北京|部分山区: the suffix rule grew a common word after the city into a region; only the city is named
            place = _entry_place(places, gz, opening)
            place.mentions += [Span(m.text[:n], m.start, m.start + n) for m in region.mentions]
            region.mentions = []
    covered = model_places.mention_index(places).overlaps
    for region in [p for p in places.values() if p.level == "region"]:
        for m in list(region.mentions):
            for n in (3, 2):
                name = text[max(0, m.start - n) : m.start]
                e = state(name) if len(name) == n else None
                if e is None or covered(m.start - n, m.start):
                    continue
                _entry_place(places, gz, e).mentions.append(Span(name, m.start - n, m.start))
                break


def _add_common_named_districts(text: str, gz: Gazetteer, places: dict[str, Place]) -> None:
    """佳木斯市|郊区, 阳泉市|矿区, 西宁市|城中区: a district whose name is a common word, written right after its city
    named in full, is that district (alone such a name is never matched: 郊区 is any city's suburbs)."""
    for city in [p for p in places.values() if p.level == "city" and p.code]:
        for m in list(city.mentions):
            if not m.text.endswith(("市", "州", "盟", "地区")):
                continue
            word = next((w for w in _COMMON_DISTRICT_NAMES if text.startswith(w, m.end)), "")
            child = gz.child_named(city.code or "", word) if word else None
            if child is not None:
                model_places.drop_mentions_within(places, m.end, m.end + len(word))  # (the NER's untyped 城中区)
                _entry_place(places, gz, child).mentions.append(Span(word, m.end, m.end + len(word)))


# Longest first, so that 城中区 is not read as 城|中区.
_COMMON_DISTRICT_NAMES = tuple(sorted(NAME_STOP, key=len, reverse=True))


# Landforms a township or village lends its name to (然乌镇 … 然乌湖, 来古村 … 来古冰川), not followed by what makes
# the whole another settlement's or a body's name.
_SETTLEMENT_LANDFORM = lazy_pattern.compile(r"(?:冰川|湖|湾|峡谷|草原|湿地|山)(?![镇乡村街区寨])")


def _settlement_named_sites(text: str, places: dict[str, Place]) -> None:
    """然乌镇 … 察看然乌湖, 杨岐乡 … 登上杨岐山: a lake, bay, glacier, gorge, grassland, wetland or hill named by a
    township or village the article names in full is a site of its own, wherever no place's mention already stands."""
    stems = {p.name[:-1] for p in places.values() if p.level in ("town", "village") and len(p.name) >= 3
             and p.name[-1] in "镇乡村" and model_places.han_only(p.name[0])}
    if not stems:
        return
    held = model_places.mention_index(places)
    for stem in stems:
        for i in occurrences(text, stem):
            m = _SETTLEMENT_LANDFORM.match(text, i + len(stem))
            if m is None or held.overlaps(i, m.end()):
                continue
            name = text[i : m.end()]
            model_places.named_place(places, name, "site", "settlement-named").mentions.append(Span(name, i, m.end()))


def _village_named_relics(text: str, places: dict[str, Place]) -> None:
    """鱼凫村|遗址: a village's name right before 遗址 names the archaeological site, not the village (the village table
    lists many a village an excavation is named after); the village stays a place only where written alone."""
    for p in [p for p in places.values() if p.level == "village"]:
        for m in [m for m in p.mentions if text.startswith("遗址", m.end) and m.text == p.name]:
            model_places.move_mention(places, text, p, m, m.end + 2, "site", "village-named")
    model_places.drop_empty(places)


# (a scenic area's kinds and a fishing port's: what a township's short form names before it)
# (and the old quarters a township lends its name to: 大湾|古民居, 西递|古村落)
# (and a park of the land's kind: 七百弄|国家地质公园, …|国家森林公园, …|湿地公园)
_SCENIC = lazy_pattern.compile("|".join(sorted(_SCENIC_KINDS | {"中心渔港", "渔港", "古民居", "古民居群", "古村落", "古建筑群",
                                                                 "国家地质公园", "地质公园", "世界地质公园", "国家森林公园",
                                                                 "森林公园", "国家湿地公园", "湿地公园"},
                                        key=len, reverse=True)))
def _named_township(surface: str) -> bool:
    """万家镇: a township's name with its suffix, its stem no common word (城区|街道, 沿江|街道, 中心|街道 are streets)."""
    stem = next((surface.removesuffix(k) for k in TOWNSHIP_ENDS if surface.endswith(k)), "")
    return len(stem) >= 2 and jieba_freq().get(stem, 0) < COMMON_TOWNSHIP_STEM


COMMON_TOWNSHIP_STEM = 100


def _township_named_sites(text: str, places: dict[str, Place]) -> None:
    """A township's short form that names a site of its own, not the township: before a scenic area's or a fishing
    port's kind (千垛|景区, 周庄|景区, 潭门|中心渔港; the township's full name, 缸顾乡 or 千垛镇, may stand before it), or
    as a word of its own right after the township's full name (广胜寺镇|广胜寺, 白马寺镇|白马寺; not 珠玑镇|珠玑古巷,
    劲松街道|劲松五区: a name that goes on)."""
    for p in [p for p in places.values() if p.level == "town"]:
        ends = {m.end for m in p.mentions if m.text == p.name}
        for m in [m for m in p.mentions if m.text != p.name and p.name.startswith(m.text)]:
            if scenic := _SCENIC.match(text, m.end):
                model_places.move_mention(places, text, p, m, scenic.end(), "site", "township-named")
            elif m.start in ends and len(m.text) >= 2 and not _name_goes_on(text, m.end):
                model_places.move_mention(places, text, p, m, m.end, "site", "township-named")
        # 芙蓉镇|景区 … 芙蓉镇和猛洞河: a town written in full before a scenic area's kind names the area too, where the
        # article names the town elsewhere as well (an old town's scenic area; the town stays a place of its own)
        full = [m for m in p.mentions if m.text == p.name and p.name.endswith("镇")]
        for m in full if len(full) >= 2 else []:
            scenic = _SCENIC_AREA.match(text, m.end)
            if scenic is not None and not any((x.start, x.end) == (m.start, scenic.end())
                                              for q in places.values() for x in q.mentions):
                model_places.move_mention(places, text, p, m, scenic.end(), "site", "township-named")
        _township_old_towns(text, places, p)
        _township_ports(text, places, p)
    model_places.drop_empty(places)


def _sites_opened_by_township_stems(text: str, places: dict[str, Place]) -> None:
    """来到小中甸镇，察看|小|中甸水库: a site the rules read a character or two short of the stem of a township written in
    full before it (小 describes as often as it names, so the stem stopped after it) is named by that stem whole."""
    stems = {stem: at for stem, at in visited_sites.division_stems(places).items() if len(stem) >= 3}
    if not stems:
        return
    held = model_places.mention_index(places)
    for key, p in list(places.items()):
        if p.level != "site" or p.evidence not in ("park-suffix", "visited-site") or p.code is not None:
            continue
        grown = False
        for i, m in enumerate(p.mentions):
            k = next((k for k in (1, 2) for stem, at in stems.items() if at < m.start - k and m.text.startswith(stem[k:])
                      and text[m.start - k : m.start] == stem[:k] and len(m.text) > len(stem) - k), 0)
            if k and not held.overlaps(m.start - k, m.start):
                p.mentions[i] = Span(text[m.start - k : m.end], m.start - k, m.end)
                grown = True
        if grown and all(m.text == p.mentions[0].text for m in p.mentions):
            del places[key]
            model_places.named_place(places, p.mentions[0].text, "site", p.evidence).mentions.extend(p.mentions)


# The kinds of old quarter a township names after itself (棠阴镇|棠阴古镇, 罗城乡|罗城古街).
_OLD_QUARTER = lazy_pattern.compile(r"古镇|古城|古村落?|古街|老街")


def _township_old_towns(text: str, places: dict[str, Place], town: Place) -> None:
    """在棠阴镇|棠阴古镇: the township's stem written again right after its full name, with an old quarter's kind, is
    that quarter, a site of the township, whatever the segmenter or the NER read across the two (棠|阴镇棠|阴 gave 阴古镇)."""
    stem = town.name[:-1] if town.name.endswith(("镇", "乡")) else ""
    if len(stem) < 2 or town.name + stem not in text:
        return
    for at in occurrences(text, town.name + stem):
        start = at + len(town.name)
        kind = _OLD_QUARTER.match(text, start + len(stem))
        if kind is None or any(x.start <= start and kind.end() <= x.end for q in places.values() for x in q.mentions):
            continue  # (青林镇青林古镇 read whole as a park is split at the township later)
        model_places.drop_mentions_within(places, start, kind.end())
        _township_and_site(text, places, town, at, kind.end())


def _township_and_site(text: str, places: dict[str, Place], town: Place, at: int, end: int) -> None:
    """The township written in full at ``at`` and the site of it that its name runs on into, up to ``end``: the
    township's own mention there, lost where jieba or the NER read across the two, is restored."""
    cut = at + len(town.name)
    if not model_places.mention_index(places).overlaps(at, cut):
        town.mentions = sorted([*town.mentions, Span(town.name, at, cut)], key=lambda m: m.start)
    name = text[cut:end]
    model_places.named_place(places, name, "site", "township-named", town.name).mentions.append(Span(name, cut, end))


_SCENIC_AREA = lazy_pattern.compile(r"(?:旅游)?(?:景区|风景区|旅游区)")


# A port a township writes right after its full name, then the clause goes on (和乐镇|港北港，他察看渔船回港).
_TOWN_PORT = lazy_pattern.compile(r"\p{Han}{1,3}?(?:中心渔港|渔港|港)(?=[，,。；;、和])")


def _township_ports(text: str, places: dict[str, Place], town: Place) -> None:
    """在和乐镇港北港，他察看…: a port named right after the township's full name is a site of the township, wherever
    the township is written so; what the NER read across the two (乐镇港, 北港) is neither. The township's own
    mention there, lost to that reading, is restored."""
    if not town.name.endswith(("镇", "乡")) or len(town.name) < 3 or "港" not in text:
        return
    for at in occurrences(text, town.name):
        end = at + len(town.name)
        port = _TOWN_PORT.match(text, end)
        if port is None:
            continue
        held = [q for q in places.values() for x in q.mentions if x.start <= end and port.end() <= x.end]
        if held:
            for q in held:  # (the NER read the port whole: its township is the one written before it)
                if q.code is None and q.parent is None and q.name == port.group():
                    q.parent = town.name
            continue
        lo, hi = at, port.end()
        model_places.drop_mentions_where(places, lambda p, m, lo=lo, hi=hi: p is not town and p.code is None
                                         and p.evidence == "ner" and lo <= m.start and m.end <= hi)
        if not model_places.mention_index(places).overlaps(at, port.end()):
            _township_and_site(text, places, town, at, port.end())


def _name_goes_on(text: str, end: int) -> bool:
    """Whether a Han character that joins no list and ends no clause follows ``end`` (虎头|要塞遗址, 劲松|五区)."""
    return end < len(text) and _is_cjk(text[end]) and text[end] not in "和与及的等"


def _city_named_districts(text: str, gz: Gazetteer, places: dict[str, Place]) -> None:
    """茂名|滨海新区: a new area's full name (Tianjin's district 滨海新区) right after a city it does not lie in names
    that city's own area, a zone of the city, not the far district."""
    for d in [p for p in places.values() if p.level == "district" and p.code and p.name.endswith("新区")]:
        for m in list(d.mentions):
            if m.text != d.name:
                continue  # (only a new area's name is one any city may give its own: 贵州黔南|册亨县 is a slip)
            host = next(((p, pm) for p in places.values() if p.level == "city" and p.code
                         for pm in p.mentions if pm.end == m.start), None)
            if host is None or host[0].code in gz.ancestors(d.code):
                continue
            city, pm = host
            name = text[pm.start : m.end]
            model_places.named_place(places, name, "zone", "park-suffix", city.name).mentions.append(
                Span(name, pm.start, m.end))
            d.mentions.remove(m)
            city.mentions.remove(pm)


# What a region or site may be written with and still be the same place (东南亚|地区, 五台山|风景名胜区).
_VARIANT_TAILS = {"region": ("地区",), "site": ("风景名胜区", "风景区", "景区")}


def _merge_variants(places: dict[str, Place]) -> None:
    """东南亚 and 东南亚地区, 五台山 and 五台山风景名胜区 (a unit of the gazetteer): one place written with and without
    the word its kind adds, keeping the code and name of the one that has a code, else the shorter region's and the
    longer site's name; one place the NER read untyped that another rule typed under the same name; and a park written
    with its suffix short and in full."""
    typed = {p.name: p for p in places.values() if p.level and p.mentions}
    coded = {(p.name, p.level): p for p in places.values() if p.code and p.mentions}
    for p in places.values():
        twin = typed.get(p.name) if p.level is None else None
        if twin is None and not p.code and p.evidence == "ner":
            twin = coded.get((p.name, p.level))  # 当壁镇 the NER read, and the gazetteer's where a crossing names it
        if twin is not None and twin is not p:
            # 三峡库区 read by the NER in one sentence and grown by its suffix in another: one place, typed
            model_places.absorb(twin, p)
    by_name = {p.name: k for k, p in places.items()}
    for key, short in list(places.items()):
        tails = _VARIANT_TAILS.get(short.level or "", ())
        long_key = next((by_name[short.name + t] for t in tails if short.name + t in by_name), None)
        if long_key is None or long_key == key or not short.mentions or not places[long_key].mentions:
            continue
        long = places[long_key]
        keep, drop = (short, long) if short.code or (short.level == "region" and not long.code) else (long, short)
        model_places.absorb(keep, drop)
    _merge_park_short_forms(places)
    _merge_guessed_province_short_forms(places)


def _merge_guessed_province_short_forms(places: dict[str, Place]) -> None:
    """弗里斯兰省 … 欢迎中国企业到弗里斯兰投资: a foreign name no list holds, guessed a town from its sounds, that a
    foreign province of the article spells with its 省, 州 or 邦 is that province's short form (not a listed town:
    纽约 and 纽约州 are two places)."""
    provinces = {p.name: p for p in places.values() if p.level in (None, "province") and p.mentions}  # (untyped yet)
    for p in list(places.values()):
        if p.evidence != "translit" or not p.mentions:
            continue
        full = next((provinces[p.name + t] for t in ("省", "州", "邦") if p.name + t in provinces), None)
        if full is not None:
            model_places.absorb(full, p)


_PARK_SHORT_FORMS = lexicons.tables("place_words.tsv")["park-short-form"]


def _merge_park_short_forms(places: dict[str, Place]) -> None:
    """自贡高新区 beside 自贡高新技术产业开发区: a park named with its suffix's short form in one sentence and in full in
    another is one place, under its full name."""
    by_name = {p.name: p for p in places.values() if p.mentions}
    for p in list(by_name.values()):
        short = next((t for t in _PARK_SHORT_FORMS if p.name.endswith(t) and len(p.name) > len(t)), None)
        full = by_name.get(p.name[: -len(short)] + _PARK_SHORT_FORMS[short]) if short else None
        if full is not None and full is not p and p.mentions:
            model_places.absorb(full, p)


def _merge_short_namesakes(places: dict[str, Place]) -> None:
    """One place written whole and short in one article: an untyped name the NER read that a district, county or
    city the article names in full shortens (东山 beside 东山县), and a site whose name a longer site's name ends with,
    a place's short form before it (关帝庙 beside 东山关帝庙). The short mentions join the full name's place; where a
    city and a county share the short form (伊宁市 and 伊宁县), the city's (a dateline's town is a city)."""
    divisions = {p.name: p for p in places.values() if p.level in ("district", "city") and p.mentions}
    sites = [p for p in places.values() if p.level == "site" and p.mentions]
    villages = [p for p in places.values() if p.level == "village" and p.mentions]
    for p in list(places.values()):
        if not p.mentions:
            continue
        into = None
        if p.level is None and p.evidence == "ner":
            into = next((divisions[p.name + k] for k in "市县区旗" if p.name + k in divisions), None)
        elif p.level == "village":
            into = max((q for q in villages if q is not p and q.mentions and q.name.endswith(p.name)
                        and len(q.name) > len(p.name) and _PEOPLES_VILLAGE.fullmatch(p.name)),
                       key=lambda q: len(q.name), default=None)
            # (云南腾冲司莫拉佤族村 … 莫拉佤族村, 幸福的佤族村: a village named by its people, cut short or the people's
            # village of the article; not 2025年|嘎拉村 read 年嘎拉村, no people's name)
        elif p.level == "site":
            into = next((q for q in sites if q is not p and q.name.endswith(p.name) and 2 <= len(q.name) - len(p.name) <= 3
                         and len(p.name) >= 3 and any(q.name[: len(q.name) - len(p.name)] + k in divisions
                                                      for k in "县市区旗")), None)  # (南岳|忠烈祠 of 南岳区)
        if into is not None:
            model_places.absorb(into, p)


# What a foreign city's name opens when one of these follows it: a palace, port or crossing (sites; the palace need not
# stand in the city: 海得拉巴宫 is in New Delhi), or the state's first-level division named after the city
# (伊尔库茨克州; 滨海边疆区 is none: only a city's own name counts).
_CITY_NAMED = (("边疆区", "province"), ("口岸", "site"), ("宫", "site"), ("港", "site"), ("州", "province"),
               ("自治共和国", "province"), ("省", "province"), ("县", "province"), ("大区", "province"), ("湖", "site"),
               ("金字塔", "site"),
               ("遗址", "site"), ("集中营", "site"),
               ("美军基地", "site"), ("海军基地", "site"), ("空军基地", "site"), ("军事基地", "site"))


# Words 港 opens that name no port (港澳, 港资, 港口: 营口|港口 is the city's port, not one named 营口港).
_PORT_WORDS = ("港澳", "港台", "港区", "港口", "港务", "港股", "港资", "港人", "港商", "港籍", "港币", "港元", "港府", "港珠澳", "港深",
               "港湾", "港监")
# What follows a foreign city's name and is part of its mention: 市, and 地区 (the city and the area around it).
_CITY_WRITTEN_WITH = ("市", "地区")


def _city_named_places(text: str, places: dict[str, Place]) -> None:
    """莫迪在海得拉巴宫同李强举行会谈, 比雷埃夫斯港, 芒街口岸, 吉萨金字塔, 伊尔库茨克州州长, 伊德利卜省: a foreign city's
    name before 宫, 港, 口岸, 金字塔, 遗址 or 基地 names a palace, port, crossing, monument, relic or base, before 州, 省,
    边疆区 or (Japan's) 县 a division of its state, not the city itself; a Chinese city's short name before 港 names its
    port (葫芦岛港)."""
    for city in list(places.values()):
        chinese = city.code is not None  # (a Chinese city's name names its port only: 葫芦岛|港, 营口|港)
        if city.level not in (("city", "district") if chinese else ("city",)):
            continue
        named = []
        for i, m in enumerate(city.mentions):
            if chinese:
                if not text.startswith("港", m.end) or text.startswith(_PORT_WORDS, m.end) or len(m.text) < 2 \
                        or m.text[-1] in "市区县":  # (九江市|港监局: a port is named by the city's short name)
                    continue
                suffix, level = "港", "site"
            elif (ext := next((w for w in _CITY_WRITTEN_WITH if text.startswith(w, m.end)), "")) and \
                    not text.startswith(("市长", "市委", "市政"), m.end):
                # 霍姆斯|市, 卢甘斯克|地区: the city as written, 市 or the area around it the same place (not 市长's)
                city.mentions[i] = m = Span(m.text + ext, m.start, m.end + len(ext))
                continue
            else:
                suffix, level = next(((w, lv) for w, lv in _CITY_NAMED if text.startswith(w, m.end)), ("", None))
                if not suffix or (suffix == "港" and text.startswith(("港澳", "港台", "港区", "港口"), m.end)) \
                        or m.text.endswith("市") or text.startswith("湖泊", m.end):
                    continue  # (格蒙登市|湖泊旅游: the city written with its 市 names nothing after it, and 湖泊 no lake)
            name = m.text + suffix
            parent = city.parent if level == "province" else None
            model_places.named_place(places, name, level, "city-named", parent).mentions.append(
                Span(name, m.start, m.end + len(suffix)))
            named.append(m)
        city.mentions = [m for m in city.mentions if m not in named]


def _region_after_state(gz: Gazetteer, region: Place, n: int) -> str | None:
    """What follows the first ``n`` characters of ``region``'s name, a state's: "name" where it is a region's own name,
    a listed one (甘肃|河西走廊) or one the suffix rule grew whose stem is a proper name (新疆|伊犁河谷, 重庆|三峡库区,
    北京|门头沟山区); "common" where that stem is a common word (北京|部分山区, 贵州|交通山区); None otherwise
    (黑龙江|垦区, the province's own; 山西|中部城市群)."""
    rest = region.name[n:]
    if localities.is_listed_region(rest):
        return "name"
    suffix = next((s for s in REGION_SUFFIXES if rest.endswith(s)), "")
    stem = rest[: len(rest) - len(suffix)]
    if region.evidence == "park-suffix" and not stem and suffix in _NAMED_ONLY:
        return "common"  # 青海|草原: the province's grassland, no region of that name
    if region.evidence != "park-suffix" or not suffix or len(stem) < 2 or stem[:2] in DIRECTION_WORDS or \
            not stem[0].isalpha():  # 河西走廊—塔克拉玛干沙漠: a dash joins the two into one name
        return None
    tags = tag_table()
    if any(stem[:k] in gz.surfaces for k in range(len(stem), 1, -1)) or \
            tags.get(stem, tags.get(stem[:2], "un")) not in _COMMON_TAGS:
        return "name"
    return "common"


# Region suffixes a state alone does not name (青海草原 is Qinghai's grassland; 黑龙江垦区 is a region).
_NAMED_ONLY = frozenset({"草原"})
# jieba tags of common words: a stem so tagged names no place (部分|山区, 交通|山区).
_COMMON_TAGS = frozenset(("n", "v", "vn", "a", "ad", "an", "m", "d", "r", "q", "f", "p", "c", "u", "t"))


def _numeric(word: str) -> bool:
    """Whether a word jieba tags as a numeral holds one (零部件/mq holds none: 零 opens a common noun there)."""
    return any(c.isdigit() or c in _NUMERAL_CHARS for c in word) or len(word) < 3


_NUMERAL_CHARS = frozenset("一二三四五六七八九十百千万亿两几半多数第首")


def _word_ending_at(doc: _Doc, pos: int) -> tuple[int, str, str] | None:
    """The segmenter's word that ends right at ``pos``, if one does."""
    before = doc.tokens_before(pos)
    return before[0] if before and before[0][0] + len(before[0][1]) == pos else None


def _stem_too_generic(doc: _Doc, gz: Gazetteer, h: Hit, core: str, words: list[tuple[int, str, str]]) -> bool:
    """Whether a park's stem names no park of its own: one character, or only generic words; but one character a
    county named in full opens is that county's park of its kind (华安县|茶|产业园: tea)."""
    if len(core) < 2:
        return not (len(core) == 1 and h.suffix == "park" and _county_before(doc, gz, words[0][0]) is not None)
    return core in GENERIC_STEMS or all(w in GENERIC_STEMS for _, w, _ in words if w not in QUALIFIERS)


def _named_stem_cut(doc: _Doc, words: list[tuple[int, str, str]], named_in_full: set[str]) -> list[tuple[int, str, str]]:
    """寺坪镇 … 加强|寺|坪|水库: a county's or township's name the article writes in full, cut in two before the
    suffix, is the stem whole (the one character left would be too generic a stem)."""
    if len(words) != 1 or len(words[0][1]) != 1:
        return words
    before = doc.tokens_before(words[0][0], 1)
    if before and before[0][0] + len(before[0][1]) == words[0][0] and before[0][1] + words[0][1] in named_in_full:
        return [before[0], *words]
    return words


def _county_verb_opening(doc: _Doc, gz: Gazetteer, words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """佛冈县|预制|菜|产业园: a verb of two characters between a county named in full and the product a park is for is
    the product's first word (预制菜, prepared dishes), the county the park's; ``words`` as read otherwise."""
    before = doc.tokens_before(words[0][0], 1)
    if before and before[0][2].startswith("v") and len(before[0][1]) == 2 and before[0][0] + 2 == words[0][0] \
            and (county := _county_before(doc, gz, before[0][0])) is not None:
        return [county, before[0], *words]
    return words


def _county_before(doc: _Doc, gz: Gazetteer, pos: int) -> tuple[int, str, str] | None:
    """The county or city named in full whose word ends right at ``pos``, if one does (平泉|市|…: jieba may cut it)."""
    w = _word_ending_at(doc, pos)
    # (a two-character name too: 芒市|咖啡产业园, 沛县; 全市, 我市 are no division's names)
    if w is not None and len(w[1]) >= 2 and w[1][-1] in "市县区旗" and _is_division(gz, w[1]):
        return w
    return next(((pos - k, doc.text[pos - k : pos], "ns") for k in (4, 3) if pos >= k and doc.text[pos - 1] in "市县区旗"
                 and doc.an.is_token_boundary(pos - k) and _is_division(gz, doc.text[pos - k : pos])), None)


def _township_before(doc: _Doc, gz: Gazetteer, pos: int) -> bool:
    """A township named in full whose word ends right at ``pos``."""
    w = _word_ending_at(doc, pos)
    return w is not None and w[1].endswith(TOWNSHIP_ENDS) and any(e.level == "town" for e in gz.lookup(w[1]))


def _names_port(doc: _Doc, gz: Gazetteer, pos: int, word: str, tag: str, words: list) -> bool:
    """Whether ``word`` names the port whose wharves (港区 at ``pos``) the stem ``words`` name: 东莞|港|沙田|港区,
    东莞|港麻涌|港区, 唐山港|曹妃甸|港区. A port is named by its city, and its wharves by both."""
    if not words or not doc.text.startswith("港区", pos):
        return False
    if words[-1][1][0] == "港" and sum(len(w) for _, w, _ in words) > 1:
        return _is_division_short(gz, word) or _is_division(gz, word)
    return len(word) >= 3 and word.endswith("港") and _placeish(word, tag, gz)


# Characters that after a place name begin a clause (来到长白县|看|…), never a name of its own there.
_CLAUSE_CHARS = frozenset("到去来赴至往在从向对与和及为是有让使把被将给用以于并又也再就还都看")


def _bound_first_char(gz: Gazetteer, before: list[tuple[int, str, str]], k: int, words: list) -> bool:
    """Whether the single character ``before[k]``, which jieba reads as a verb or the like, opens the name whose
    other words are ``words``: it stands right after a division named in full (望|天鹅 after 长白朝鲜族自治县), or
    after another place of a list, where a name, not a clause, goes on."""
    word = before[k][1]
    if not words or word in _CLAUSE_CHARS or k + 1 >= len(before) or not before[k][2].startswith(("v", "a", "d")):
        return False
    prev = before[k + 1][1]
    if prev in _LIST_JOINERS and k + 2 < len(before):
        # 察看长白口岸、鸭绿江大峡谷和|望|天鹅|风景区: the last of a list of places
        item, item_tag = before[k + 2][1], before[k + 2][2]
        return item.endswith(SITE_SUFFIXES) or _placeish(item, item_tag, gz)
    return len(prev) >= 3 and prev[-1] in DIVISION_LAST and _is_division(gz, prev)


_LIST_JOINERS = frozenset(("和", "、", "及", "与"))


def _verb_result_glued(doc: _Doc, first: tuple[int, str, str]) -> bool:
    """守护|好天|华山: the stem's first word is unknown to jieba and opens with a verb's result right after a verb."""
    start, word, tag = first
    return tag == "un" and len(word) >= 2 and model_places.verb_result_glued(doc.text, doc.an, start)


def _trim_stem(doc: _Doc, gz: Gazetteer, words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The stem's words (in reading order) with its first word's edge mended where jieba cut across it."""
    while words and words[0][1] in DASHES:
        words = words[1:]  # (a dash the walk took where the name before it did not follow: no name opens with one)
    if words and len(words[0][1]) >= 2 and words[0][2] in ("un", "x") and words[0][1][0] in _GLUED_PREPOSITIONS \
            and not is_common_word(words[0][1][:2]) and not _along_water(words[0][1]):
        # 从港|珠澳|大桥: jieba glued a preposition onto the name's first word (not 同兴镇, 向阳村: names begin so)
        start, word, tag = words[0]
        words[0] = (start + 1, word[1:], tag)
    elif words and _verb_result_glued(doc, words[0]):
        start, word, tag = words[0]
        words[0] = (start + 1, word[1:], tag)  # 守护|好天|华山…保护区: a verb's result jieba glued onto the name
    elif words and len(words) > 1 and words[0][2] == "un" and len(words[0][1]) == 2 and words[0][1][0] in "即亦并" \
            and words[0][1][1] in _GLUED_PREPOSITIONS:
        words.pop(0)  # 即以|钱|江源国家公园: 即 and a preposition jieba glued into a word of their own open no name
    if words and len(words[0][1]) >= 2 and _division_ends_inside(doc.text, words[0][0], gz) \
            and not _joins_places(doc.text, words[0][0]):
        start, word, tag = words[0]
        words[0] = (start + 1, word[1:], tag)  # 吉林和|龙大|洞遗址: jieba took 和龙's last character into the name
    elif words and (lost := _toponym_cut_before(doc, words[0])) is not None:
        words.insert(0, lost)  # 天|山北坡|经济带: jieba cut 天山 across two words, the first a measure word
    while words and words[0][1] in QUALIFIERS + ("国家",) and len(words) > 1 and words[1][1] in GENERIC_STEMS:
        words.pop(0)  # 国家级|示范区 is no name, but 国家|网络安全|产业园 is
    # 南桥|村瓷艺|民宿|群和渌江|书院: a conjunction inside a word jieba does not know joins two things; the name is
    # what follows it
    # (司马光|墓及|温公祠: jieba glued the conjunction to the end of the word before the name; 红池坝|至宁厂|古镇: a
    # route's 至 to the word after it, from one stop to the next)
    cut = max((k for k, (_, w, tag) in enumerate(words) if (tag == "un" and (
        _JOINED_INSIDE.search(w) or (w[-1] in "和与及" and k + 1 < len(words)))) or (
        k > 0 and tag in ("un", "nz") and len(w) >= 2 and w[0] in "和与及至")), default=-1)
    if cut >= 0:
        start, word, tag = words[cut]
        if word[0] in "和与及至" and cut > 0:  # (非遗工坊|和文|创|街区: jieba glued the conjunction to the next name)
            return [(start + 1, word[1:], tag), *words[cut + 1 :]]
        inside = _JOINED_INSIDE.search(word)
        if inside is None:
            return words[cut + 1 :]
        j = inside.end()
        words = [(start + j, word[j:], tag), *words[cut + 1 :]]
    return words


_KIND_AFTER_SITE = lazy_pattern.compile(r"遗址|景区|旅游区|风景区")
_JOINED_INSIDE = lazy_pattern.compile(r"(?<=\p{Han})[和与及](?=\p{Han})")
# Patterns tried at single positions, compiled once: regex's per-call cache lookup cost more than the match.
_PAREN_PARK = lazy_pattern.compile(r"[（(]([^（）()]{1,12}?(?:园|区|基地))[)）]")


def _suffix_inside_word(doc: _Doc, h: Hit) -> bool:
    """Whether the park suffix ``h`` ends no park of its own there: it is part of a longer word, or only says what kind
    of place a listed site is."""
    text = doc.text
    if not doc.end_ok(h.end) and not (h.end < len(text) and text[h.end] in "要的和与及、（("):
        return True
    if len(h.surface) == 1 and text[h.end : h.end + 1] in "村镇乡街路巷":
        return True  # 周口店北下寺|村: a one-character suffix inside a village's or a street's name
    tok = doc.token_at(h.start)
    if h.surface == "墓" and tok is not None and tok.start < h.start and not tok.pos.startswith(("nr", "ns", "nz")):
        return True  # 自掘|坟墓, 以树|代墓: 墓 inside a common word names no tomb
    if tok is not None and tok.start < h.start and tok.end < h.end and jieba_freq().get(tok.text, 0) > 20 \
            and not (h.surface == "山脉" and tok.pos.startswith("ns")) \
            and not (h.surface.startswith("国家") and tok.text.endswith("国") and len(h.surface) >= 4):
        return True  # 大片|区域 holds no 片区 (but jieba's guess 郑东新|区 may hold 新区, a mountain 武陵山|脉 its range,
        # a name ending in 祖 or 中 its 国家公园: 百山|祖国|家公园)
    if tok is not None and tok.start == h.start - 1 and tok.end == h.end and tok.text not in doc.gz.suffixes and \
            jieba_freq().get(tok.text, 0) > 20 and not tok.pos.startswith(("nr", "ns", "nz", "nt")):
        return True  # 查清|宅基地: one character before the suffix makes a common word of it (a homestead), no base
    if h.surface.endswith(SITE_SUFFIXES) and localities.site_ends_at(text, h.start) and \
            not (h.surface in WORKS_ON_SITE and text[h.start - 1 : h.start] in GEO_CHARS):
        # 武汉黄鹤楼|景区: the listed site (黄鹤楼) is the place, the suffix says what kind (but 麦积山|石窟 are
        # grottoes in the mountain, a site of their own)
        return True
    return False


def _division_opening(doc: _Doc, gz: Gazetteer, by_end: dict[int, list[Hit]], starts: frozenset[int],
                      words: list[tuple[int, str, str]]) -> tuple[int, str, str] | None:
    """米|沙子|镇|装备制造产业园, 介休|碳基材料产业园: a township named in full, or a county or city by its short name,
    right before a park's stem opens the park's name (as 下各镇智能制造产业园 and 英德红茶产业园 are written) where the
    segmenter cut it off the stem (a quantifier 米, a verb 介休). None when the stem opens with a place already
    (the township before 英德红茶产业园 is no part of it). ``by_end``, ``starts``: the gazetteer's hits that name places,
    by where they end, and where they start."""
    first = words[0][0]
    if first in starts:
        return None  # (英红镇|英德红|茶产业园: the stem opens with 英德 however the segmenter cut it)
    for g in by_end.get(first, ()):
        levels = {(kind, gz.entries[key].level) for key, kind in g.senses}
        town = g.surface.endswith(TOWNSHIP_ENDS) and (FULL, "town") in levels
        short = len(g.surface) >= 2 and bool(levels & {(SHORT, "city"), (SHORT, "district")}) and \
            not is_common_word(g.surface)
        if (town or short) and doc.start_ok(g.start):
            return g.start, g.surface, "ns"
    return None


# Landforms a county or township written in full names right before (奈曼旗|宝古图沙漠, 库伦旗|塔敏查干沙漠).
_LANDFORMS_AFTER_DIVISION = frozenset(("沙漠", "沙地", "草原", "湿地", "冰川", "峡谷", "盆地", "山脉"))
# Characters no landform's name holds between a division and its ending.
_NOT_IN_LANDFORM = frozenset("的和与及、在是为对把将从到等各")


def _after_division(doc: _Doc, gz: Gazetteer, by_end: dict[int, list[Hit]], h: Hit,
                    words: list[tuple[int, str, str]]) -> tuple[int, str, str] | None:
    """奈曼旗|宝|古图|沙漠, 库伦旗|塔敏查|干|沙漠: right after a county, banner or township named in full, two to six
    characters and a landform's ending are the landform's name however the segmenter cut them (a name, a verb), where
    the stem's own walk read them otherwise."""
    text = doc.text
    for k in range(2, 7):
        p = h.start - k
        if p < 0:
            break
        stem = text[p : h.start]
        if not model_places.han_only(stem) or any(c in _NOT_IN_LANDFORM for c in stem) or is_common_word(stem):
            continue
        first = doc.an.token_at(p)
        if first is None or first.start != p or (
                first.end - first.start >= 2 and first.pos[:1] in "vdpcus" and first.pos != "un"):
            continue  # 班戈县|地处|羌塘草原: a word after the county says where it lies; the stem is no name there
        if _says_what_happens(doc, p, h.start):
            continue  # 新巴尔虎左旗|全面|进入|秋季|草原防火期: a verb or a season inside says what the county does, and when
        if any(g.surface.endswith(("县", "旗", "镇", "乡", "苏木")) and any(kind == FULL for _, kind in g.senses)
               for g in by_end.get(p, ())):
            return p, stem, "un"
    return None


def _says_what_happens(doc: _Doc, start: int, end: int) -> bool:
    """Whether a word of two characters or more between ``start`` and ``end`` is a verb or a time word (进入, 秋季): a
    landform's name holds neither, whatever jieba tagged the word before it."""
    pos = start
    while pos < end and (tok := doc.an.token_at(pos)) is not None:
        if tok.end <= end and tok.end - tok.start >= 2 and (tok.pos in ("v", "vd", "t") or tok.pos[:1] == "d"):
            return True
        pos = tok.end
    return False


# Adverbs and conjunctions of one character that jieba glues onto a name it does not know (即|新盈); unlike the modals
# and markers of _FUNCTION_OPENERS (要|守牢), which open a verb's phrase, a name may follow them.
_GLUED_ADVERBS = frozenset("即也又还都就并且")


def _without_adverb(words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """…“一港一园一带”建设，即新盈|中心渔港: an adverb jieba glued onto the unknown word that opens the stem is the
    clause's, not the name's first character."""
    if words and words[0][2] == "un" and len(words[0][1]) >= 3 and words[0][1][0] in _GLUED_ADVERBS:
        return [(words[0][0] + 1, words[0][1][1:], words[0][2]), *words[1:]]
    return words


def _stem_names_no_kind(h: Hit, stem: str) -> bool:
    """Whether the stem names none of the suffix's kind: a count or a determiner before 特大桥, or one character (该|特大桥,
    7座|特大桥, 河|特大桥: 特大桥 is the kind, an extra-large bridge); a basin before a site or flood area (渠江流域|巴文化遗址,
    卫河流域|蓄滞洪区: the basin is a region of its own); more than four characters before 庙 or 墓 (大庙公社|大|庙: a
    temple or tomb by these one characters is named by a person or god alone)."""
    if h.surface == "大桥" and stem.endswith("特") and (len(stem) < 3 or _NO_BRIDGE_NAME.search(stem)):
        return True
    if "流域" in stem and (h.surface.endswith(SITE_SUFFIXES) or h.surface == "蓄滞洪区"):
        return True
    return h.surface in ("庙", "墓") and len(stem) > 4


# A determiner or a count before 特大桥 (该特大桥, 7座特大桥): bridges counted or pointed at, none named.
_NO_BRIDGE_NAME = lazy_pattern.compile(r"^[该这那此各本每]|[\d一二两三四五六七八九十百几多]座")


# Kinds of site a crop or a quality names as often as a place (白茶茶园, 有机茶园): only a place's name opens a name.
_PLACE_NAMED_KINDS = frozenset(("茶园",))
# A stem that opens with a village named in full (宫前村, 窑场社区), and the kinds of facility a village has.
_VILLAGE_OPENS = lazy_pattern.compile(r"\p{Han}{2,6}?(?:村|社区)")
_VILLAGE_FACILITIES = ("基地", "渔港", "街区", "码头", "茶园", "古村", "古寨")  # (深澳村|百人百匠传统古村: the village described)


def _park_cands(doc: _Doc, gz: Gazetteer, hits: list[Hit], persons: frozenset[str]) -> list[Cand]:
    text = doc.text
    out: list[Cand] = []
    # 共和县 … 共和|盆地: a county the article names in full makes its bare name a proper one there, however
    # common the word (共和 is "republic"); so does a township (明亮镇 … 明亮|工业集中区)
    named_in_full = {h.surface[:-1] for h in hits if any(k == FULL for _, k in h.senses) and (
        h.surface[-1:] in "县旗" or (h.surface[-1:] in "镇乡" and any(gz.entries[k].level == "town" for k, _ in h.senses)))}
    by_end: dict[int, list[Hit]] = {}
    for g in hits:
        if g.senses:
            by_end.setdefault(g.end, []).append(g)
    starts = frozenset(g.start for gs in by_end.values() for g in gs)
    for h in hits:
        if not h.suffix or _suffix_inside_word(doc, h):
            continue
        cluster = _city_cluster(doc, gz, h) or _town_named_crossing(doc, gz, h)
        if cluster is not None:
            out.append(cluster)
            continue
        words = _cut_division_opening(doc, gz, h.start, _without_adverb(
            _stem_words(doc, gz, h.start, persons, h.surface.endswith(SITE_SUFFIXES))), named_in_full)
        if h.suffix == "park" and words:
            words = _county_verb_opening(doc, gz, words)
        words = _named_stem_cut(doc, words, named_in_full)
        if h.suffix == "park" and words and (opening := _division_opening(doc, gz, by_end, starts, words)) is not None \
                and not (len(words[0][1]) >= 2 and opening[1].startswith(words[0][1])):
            words = [opening, *words]  # (吉兰泰镇|吉兰泰锁边林示范区: a park whose stem repeats the division's name is named apart)
        elif h.surface in _LANDFORMS_AFTER_DIVISION and (after := _after_division(doc, gz, by_end, h, words)) is not None:
            words = [after]
        stem_start = words[0][0] if words else h.start
        national = CN_PREFIX.search(text, max(0, stem_start - 12), stem_start)
        if national and h.suffix != "weak":  # 中国（广东）自由贸易试验区, 中国（怀柔）影视产业示范区: always a name
            name = text[national.start() : h.end]
            out.append(Cand(national.start(), h.end, "park", h, name=name))
            continue
        if not words or (h.surface in BY_DIVISION and len(words) == 1 and _is_division_short(gz, words[0][1])
                         and not _county_level(gz, words[0][1])):
            continue  # 崇左口岸: a prefecture's ports together, not one (满洲里口岸, 霍尔果斯口岸 are one each)
        if h.surface == "山区" and (len(words) == 1 and _is_division_short(gz, words[0][1])
                                    or words[-1][1].endswith(("镇", "乡", "县", "市", "区"))):
            continue  # 婺源|山区村民, 燕子河镇|山区: a county's or township's mountain areas, not a named region (武陵山区 is
            # curated whole)
        stem = "".join(w for _, w, _ in words)
        if stem + h.surface in _SUFFIX_WORDS:
            continue  # 小洋口|旅游|度假区: the stem and the suffix spell a longer suffix, a kind with no name of its own
        if h.surface.endswith(_VILLAGE_FACILITIES) and (v := _VILLAGE_OPENS.match(stem)) and v.group() not in gz.surfaces:
            continue  # 宫前村|渔港, 芦田村|杂交水稻制种|基地, 窑场|社区|琉璃文化|街区: a village's port, base or street is the
            # village's, which the village rules read; the kind after it names no place of its own (a village's old site or
            # temple, 和平村旧址, is one; 中关村 is a zone's name)
        if _stem_names_no_kind(h, stem):
            continue
        if _stem_names_no_site(doc, gz, h, words, stem):
            continue
        core = stem
        for q in QUALIFIERS:
            core = core.removeprefix(q)
        if _stem_too_generic(doc, gz, h, core, words):
            continue
        head = _stem_head(doc, gz, words, core, h, named_in_full)
        if h.suffix == "weak" and len(head) < 2 and not (h.surface == "小镇" and _township_before(doc, gz, words[0][0])):
            continue  # (寿昌镇|航空小镇: a themed town the township named in full right before it holds)
        specific = "".join(w for _, w, _ in words if w not in QUALIFIERS and w not in GENERIC_STEMS)
        if not head and any(w in QUALIFIERS for _, w, _ in words) and len(specific) < 4:
            continue  # 国家级考古遗址公园: a rank and a short kind name a category, not a park
        if h.suffix == "park" and len(head) < 2 and len(core) < 4:
            # 蔬菜产业园 is a kind of park, 人力资源服务产业园 a particular one, and so is the kind a county
            # named in full right before it has (灵宝市|铜箔|产业园)
            county = _county_before(doc, gz, words[0][0])
            if county is None:
                continue
            words, head = [county, *words], county[1]
        end = h.end
        paren = _PAREN_PARK.match(text[end : end + 16])
        if paren:
            end += paren.end()
        elif h.surface.endswith(SITE_SUFFIXES) and (kind := _KIND_AFTER_SITE.match(text, end)) is not None:
            end = kind.end()  # 北庭故城|遗址: the mention is the site as written, with the kind it is
        name = _county_named(doc, gz, words[0][0], h) + text[words[0][0] : h.end]
        out.append(Cand(words[0][0], end, "park", h, name=name, head=head if len(head) >= 2 else ""))
    return out


def _cut_division_opening(doc: _Doc, gz: Gazetteer, pos: int, words: list[tuple[int, str, str]],
                          named_in_full: set[str]) -> list[tuple[int, str, str]]:
    """阿鲁|科尔沁|国家级自然保护区, 阿克|塞|荒漠…: before a reserve's suffix, the word before the stem and the stem's first word, or the two words
    before it, spell a county or township the article names in full (阿鲁科尔沁旗, 阿克塞哈萨克族自治县), which jieba cut
    in two; the whole opens the name."""
    if not words or not doc.text.startswith(RESERVE_SUFFIXES, pos):
        return words
    before = doc.tokens_before(words[0][0], 2)
    if before and before[0][1] + words[0][1] in named_in_full:
        return [before[0], *words]
    if len(before) == 2 and ((pair := before[1][1] + before[0][1]) in named_in_full or _short_named_here(doc, gz, pair)):
        return [before[1], before[0], *words]
    return words


def _short_named_here(doc: _Doc, gz: Gazetteer, word: str) -> bool:
    """Whether ``word`` (three characters or more) is the short form of a county or city the article names in full."""
    return len(word) >= 3 and any(kind == SHORT and gz.entries[k].level in ("city", "district") and (
        gz.entries[k].name in doc.text or any(word + c in doc.text for c in "县旗市")) for k, kind in gz.surfaces.get(word, ()))


def _town_named_crossing(doc: _Doc, gz: Gazetteer, h: Hit) -> Cand | None:
    """甘其|毛|都|口岸, 峒|中|口岸: a border crossing named by its township's name without 镇 or 乡, however jieba cut
    it (the township, 甘其毛都镇, is in the gazetteer); the name opens where a word does."""
    if h.surface != "口岸":
        return None
    text = doc.text
    for k in range(min(6, h.start), 1, -1):
        stem = text[h.start - k : h.start]
        if not model_places.han_only(stem) or is_common_word(stem) or not doc.start_ok(h.start - k):
            continue
        short = any(e.level == "town" for end in ("镇", "乡") for e in gz.lookup(stem + end)) and \
            not any(e.level in ("province", "city", "district") for e in gz.lookup(stem))
        full = stem[-1] in "镇乡" and len(stem) >= 3 and any(e.level == "town" for e in gz.lookup(stem))  # 当壁镇|口岸
        if short or full:
            return Cand(h.start - k, h.end, "park", h, name=stem + h.surface, head=stem)
    return None


def _county_named(doc: _Doc, gz: Gazetteer, pos: int, h: Hit) -> str:
    """平利县|苏陕协作产业园: the county named in full right before a park is in the park's name as the news writes
    it (every check set's gold does so); the mention stays the park's own words, which are its short name."""
    county = _county_before(doc, gz, pos) if h.suffix == "park" else None
    if county is None or not all(e.level == "district" for e in gz.lookup(county[1])):
        return ""
    return county[1]


# Characters that stand for no city in a run of cities' initials: division words and function words (城乡, 和|广佛).
# A cluster's run also refuses 州 and 镇 (乡镇, 州|市); a 同城化's keeps them (宁镇扬: 镇 of 镇江).
_NOT_INITIALS = frozenset("省市区县城乡和同与及在对从")
# City clusters are named by one character of each city or province (宜荆荆 = 宜昌, 荆州, 荆门; 滇中; 苏锡常).
CLUSTER_SUFFIXES = frozenset(("都市圈", "城市群", "经济圈", "一体化示范区"))
PROVINCE_ABBREVIATIONS = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔贵滇云藏陕秦甘陇青宁新港澳台"


@functools.cache
def _cluster_chars(gz: Gazetteer) -> frozenset[str]:
    """The characters that stand for a province or city in a cluster's name: the abbreviations and the first two
    characters of every province and prefecture (湘潭 gives 潭 to 长株潭, 十堰 十 to 襄十随神)."""
    chars = set(PROVINCE_ABBREVIATIONS + "中东西南北")
    for name in gz.names_at(("province", "city")):
        chars.update(name[:2])
    return frozenset(chars)


def _city_cluster(doc: _Doc, gz: Gazetteer, h: Hit) -> Cand | None:
    """融入|宜荆荆都市圈, 推动|滇中城市群: a run of two to four such characters, a word of its own, before a
    cluster's suffix is the cluster's name (the word walk stops at single characters the segmenter tags oddly)."""
    if h.surface not in CLUSTER_SUFFIXES:
        return None
    text, chars = doc.text, _cluster_chars(gz)
    for k in (4, 3, 2):
        s = h.start - k
        run = text[s : h.start]
        if s < 0 or not all(c in chars for c in run) or jieba_freq().get(run, 0) > 0 \
                or any(c in _NOT_INITIALS or c in "州镇" for c in run) \
                or any(run[i:] in gz.surfaces for i in range(len(run) - 1)):
            continue  # (大城市|都市圈: a word; 同|济南都市圈: a known name the word walk reads)
        tok = doc.token_at(s)
        if tok is not None and tok.start == s and run[0] not in "中东西南北":
            return Cand(s, h.end, "park", h, name=run + h.surface, head=run)
    return None


# 广佛全域同城化, 成德眉资同城化, 宁镇扬同城化: cities named by one character each, merging into one.
_MERGING = lazy_pattern.compile(r"(\p{Han}{2,4})(?:全域)?同城化")


def _add_merging_cities(text: str, gz: Gazetteer, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """The cities a 同城化 names by one character each are a region (广佛, 成德眉资), as a cluster's are."""
    chars, taken = _cluster_chars(gz), model_places.mention_index(places).overlaps
    for m in _MERGING.finditer(text):
        for k in range(4, 1, -1):  # the longest run of cities' characters before 同城化
            s = m.end(1) - k
            run = text[s : m.end(1)]
            if s < m.start(1) or not all(c in chars for c in run) or (k == 2 and jieba_freq().get(run, 0) > 0) \
                    or any(c in _NOT_INITIALS for c in run):
                continue  # (和|广佛: a conjunction, however many cities' names it opens; a pair that is a word)
            if not taken(s, m.end(1)) and not in_person(s, m.end(1)):
                model_places.named_place(places, run, "region", "merging-cities").mentions.append(Span(run, s, m.end(1)))
            break


# Two to four provinces by their one-character forms before how many provinces meet there (赣浙皖|三省交界,
# 湘鄂渝黔|四省市边区, 川滇|两省), or before the area itself without the count (闽浙|边界地区, 川陕甘|结合部, 渝湘黔|边区): the
# area where they meet is a region.
# The mention runs over the whole phrase (赣浙皖三省交界, 湘桂黔三省区交界地区, 滇黔桂三省（区）结合部); the region
# is named by the run.
_PROVINCE_RUN = lazy_pattern.compile(
    rf"(?<![{PROVINCE_ABBREVIATIONS}])([{PROVINCE_ABBREVIATIONS}]{{2,4}})"
    r"(?:[两三四五]省(?:区|市|[（(][区市][）)])?(?:交界|交汇|毗邻|接合|结合|边界|边际|边区|接壤)(?:地区|地带|区域|(?<=合)部)?"
    r"|(?:省际|省区|边境)?(?:交界|毗邻|接合|结合|边界|边际|接壤)(?:地区|地带|区域|部)|边区(?!政府|银行|参议会)|(?P<corridor>走廊))")


def _add_province_runs(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """The regions `_PROVINCE_RUN` reads, where no place or person holds the run already."""
    taken = model_places.mention_index(places).overlaps
    for m in _PROVINCE_RUN.finditer(text):
        run = m.group(1)
        if len(set(run)) != len(run) or in_person(m.start(1), m.end(1)):
            continue
        if taken(m.start(), m.end()):
            _extend_listed_run(places, text, m.start(1), m.end(1), m.end())  # 湘鄂赣 of the region list, then 省际交界地区
            continue
        name = m.group() if m.group("corridor") else run  # 湘桂走廊 is the corridor's own name
        model_places.named_place(places, name, "region", "province-run").mentions.append(
            Span(m.group(), m.start(), m.end()))


# A province's one-character form and a compass part before 地区 (豫中南地区, 川南地区, 陇东地区): the part of the
# province is a region, named by the run (the common ones are also curated in sites.tsv). Forms that are common
# words' characters too (新, 贵, 青, 宁, 云, 黑: 更新|西南地区) are left to the curated list.
_PROVINCE_PART = lazy_pattern.compile(
    rf"(?<![{PROVINCE_ABBREVIATIONS}])([{localities.PART_ABBREVIATIONS}](?:东南|东北|西南|西北|中南|[东南西北中]))地区")


def _add_province_parts(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """The regions `_PROVINCE_PART` reads, where no place holds the province's character (江|苏北地区, 北|京东北地区:
    the character ends another name) and no person the run; what lay inside (中南 of 豫中南地区) is the region's."""
    for m in _PROVINCE_PART.finditer(text):
        taken = model_places.mention_index(places).overlaps
        if taken(m.start(1), m.start(1) + 1) or in_person(m.start(1), m.end()):
            continue
        model_places.drop_mentions_within(places, m.start(), m.end())
        model_places.named_place(places, m.group(1), "region", "province-part").mentions.append(
            Span(m.group(), m.start(), m.end()))


def _extend_listed_run(places: dict[str, Place], text: str, start: int, end: int, phrase_end: int) -> None:
    """A region another rule read as the run alone (湘鄂赣) takes the phrase of the area where they meet into its
    mention (湘鄂赣|省际交界地区), as `_add_province_runs` would have, where nothing else lies in the phrase."""
    held = [(p, i) for p in places.values() for i, m in enumerate(p.mentions) if m.start < phrase_end and start < m.end]
    if len(held) == 1 and held[0][0].level == "region":
        p, i = held[0]
        if (p.mentions[i].start, p.mentions[i].end) == (start, end):
            p.mentions[i] = Span(text[start:phrase_end], start, phrase_end)


def _settle(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates, longest first; a known full name beats a grown park name."""
    names_by_end: dict[int, list[Cand]] = defaultdict(list)
    for c in cands:
        if c.kind == "name":
            names_by_end[c.end].append(c)
    kept_cands: list[Cand] = []
    for c in cands:
        if c.kind == "park" and c.hit is not None:
            h = c.hit
            # 雄安新区 is a known zone, not 向雄安 + 新区
            if any(
                c.start <= n.start <= h.start
                and any(k in (FULL, ALIAS) or (k == WEAK and n.start < h.start) for _, k in n.senses)
                for n in names_by_end.get(h.end, [])
            ):  # (but 湘潭经开区 is a park of its own, not the weak alias 经开区)
                continue
        kept_cands.append(c)
    order = sorted(kept_cands, key=lambda c: (-c.text_len, c.kind != "name", c.start))
    size = max((c.end for c in order), default=0)
    taken = bytearray(size)  # one flag per character: linear in the text, however many candidates
    out: list[Cand] = []
    for c in order:
        if any(taken[c.start : c.end]):
            if _zone_opening_park(c, out):
                out.append(c)  # 东津新区|汽车零部件产业园: the zone is a place too, as well as in the park's name
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    return sorted(out, key=lambda c: c.start)


def _zone_opening_park(c: Cand, kept: list[Cand]) -> bool:
    """Whether the grown zone ``c`` opens the name of a park already kept (`ZONE_WORDS`)."""
    zone = c.hit is not None and (c.hit.surface in ZONE_WORDS if c.kind == "park" else
                                  c.kind == "name" and c.hit.surface.endswith(ZONE_WORDS))
    # (祁县|经济开发区|玻璃器皿产业园: the park's mention may leave out the county its name and the zone's open with)
    return zone and any(k.kind == "park" and c.start <= k.start < c.end < k.end for k in kept)


def _weights(gz: Gazetteer, cands: list[Cand], extra: list[Cand]) -> Counter:
    """How strongly the document is about each division: unambiguous mentions, up the tree."""
    w: Counter = Counter()
    for c in cands + extra:
        if c.kind != "name":
            continue
        keys = {e.key for e, _ in c.senses}
        if len(keys) != 1:
            continue
        e, kind = c.senses[0]
        if kind == WEAK or (kind == SHORT and e.level in ("district", "town")):
            continue  # a weak alias, a bare county or township short needs context; it gives none
        if e.level == "town" and c.hit is not None and len(c.hit.surface) <= 3:
            continue  # nor does a short township name (蒙西镇 of 纽约州蒙西镇 must not vouch for itself)
        for a in gz.ancestors(e.key):
            w[a] += 1
    for county in _sibling_townships(cands):
        for a in gz.ancestors(county):
            w[a] += 1
    return w


_SIBLING_SENSES = 3  # a township name shared by more counties (城关镇, 新华镇) meets a sibling by chance


def _sibling_townships(cands: list[Cand]) -> list[str]:
    """Counties two townships named in full both lie in (新靖镇、湖润镇、渠洋镇; 红梅镇 … 山城镇): one short township
    name alone may be a coincidence, two of one county are not, so they vouch for it as a longer name would."""
    towns: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.kind != "name" or c.hit is None or len(c.senses) > _SIBLING_SENSES:
            continue
        for e, kind in c.senses:
            if e.level == "town" and kind in (FULL, ALIAS) and e.parent:
                towns[e.parent].add(c.hit.surface)
    return [county for county, names in towns.items() if len(names) >= 2]


_STRENGTH = {FULL: 0, ALIAS: 0, SHORT: 1, WEAK: 1}


def _resolve_one(
    gz: Gazetteer, c: Cand, w: Counter, support: Callable[[Entry], int]
) -> tuple[Entry | None, str] | None:
    """`_resolve` for a candidate of one sense (most of them): the same tests, without the filtering between senses,
    which a lone sense always survives; None (the general path decides) if its own ancestry loops back to it."""
    e, kind = c.senses[0]
    if e.level == "town" and kind == SHORT and w[e.parent or ""] == 0:
        return None, ""
    if (kind == WEAK or (kind == SHORT and e.level == "district")) and support(e) == 0:
        if kind == WEAK or w[e.key] == 0:
            return None, ""
    if e.key in gz.ancestors(e.key)[1:]:
        return None
    short_name = c.hit is not None and len(c.hit.surface) <= 3
    if e.level == "town" and kind in (FULL, ALIAS) and support(e) == 0 and short_name:
        return None, ""  # a lone three-character township (纽约州蒙西镇) is more often a coincidence
    return e, kind


def _resolve(gz: Gazetteer, c: Cand, w: Counter) -> tuple[Entry | None, str]:
    """The entry a name candidate denotes in this document, or None to drop it."""

    def support(e: Entry) -> int:
        # the country root is everyone's ancestor, so it tells nothing
        return sum(w[a] for a in gz.ancestors(e.key)[1:] if a != "100000")

    if len(c.senses) == 1 and (one := _resolve_one(gz, c, w, support)) is not None:
        return one
    viable: list[tuple[Entry, str]] = []
    for e, kind in c.senses:
        if e.level == "town":
            parent_w = w[e.parent or ""]
            if kind == SHORT and parent_w == 0:
                continue
        if kind == WEAK and support(e) == 0:
            continue
        if kind == SHORT and e.level == "district" and support(e) == 0 and w[e.key] == 0:
            continue  # a bare county short (阳春, 西昌) needs its province or city nearby
        viable.append((e, kind))
    if not viable:
        return None, ""
    if any(e.level in ("district", "town") and support(e) > 0 for e, _ in viable):
        viable = [(e, k) for e, k in viable if e.level != "country"]  # 锦州|黑山: the county its city vouches for, not
        # Montenegro (a state's name a Chinese county's short form spells is the state's where nothing vouches for the county)
    strength = _STRENGTH
    best_kind = min(strength[k] for _, k in viable)
    viable = [(e, k) for e, k in viable if strength[k] == best_kind]
    # curated zones outrank divisions' short forms (中关村 the zone, not 中关村街道)
    if any(not e.key.isdigit() for e, _ in viable):
        viable = [(e, k) for e, k in viable if not e.key.isdigit()] or viable
    keys = {e.key for e, _ in viable}
    # 林芝 is the city before the town inside it; 河北 the province before Tianjin's 河北区
    viable = [(e, k) for e, k in viable if not (set(gz.ancestors(e.key)[1:]) & keys)]
    if any(e.level == "province" for e, _ in viable):
        viable = [(e, k) for e, k in viable if e.level == "province" or w[e.key] > 0]
    if len({e.key for e, _ in viable}) == 1:
        e, kind = viable[0]
        short_name = c.hit is not None and len(c.hit.surface) <= 3
        if e.level == "town" and kind in (FULL, ALIAS) and support(e) == 0 and (len(c.senses) > 1 or short_name):
            return None, ""  # a lone three-character township (纽约州蒙西镇) is more often a coincidence
        return e, kind
    scored = sorted(viable, key=lambda ek: (-support(ek[0]), LEVEL_RANK.get(ek[0].level, 9)))
    top, second = scored[0], scored[1]
    if support(top[0]) > support(second[0]):
        return top
    top_rank = LEVEL_RANK.get(top[0].level, 9)
    if top_rank < LEVEL_RANK.get(second[0].level, 9) and top[0].level != "town":
        return top  # 朝阳 with no context: the city outranks the districts
    return None, "ambiguous"


def _meta_counts(meta: list[Cand]) -> Counter:
    """Places the source or title names unambiguously (北京日报 → 北京市)."""
    out: Counter = Counter()
    for c in meta:
        if len({e.key for e, _ in c.senses}) == 1:
            out[c.senses[0][0].key] += 1
    return out


def _source_city_deictics(ctx: Context, gz: Gazetteer, places: dict[str, Place], meta: list[Cand]) -> None:
    """我市 in the paper or portal of a county-level city (绥芬河市融媒体中心; a page without a source line: the site's
    name, 都江堰市人民政府) is that city, not the prefecture the city's mentions count for: a county-level city calls
    itself 我市 as a prefecture does. ``meta``: the `_meta_candidates`, whose text opens with the source."""
    source = ctx.doc.source or ""
    in_source = len(source)
    # (连州|融媒: an outlet named by the city's short form, which opens the source line, is that city's; its senses say so)
    senses = [sense for c in meta if c.end <= in_source and (c.text_len >= 3 or (
        c.start == 0 and _OUTLET_AFTER.match(source, c.end))) for sense in c.senses]
    if not in_source and ctx.site:  # (no source line: the portal's own name, 都江堰市人民政府, says whose 我市 it is)
        senses = [(gz.entries[k], kind) for h in gz.scan(ctx.site) if len(h.surface) >= 3 for k, kind in h.senses]
    cities = list({e.key: e for e, kind in senses if kind == FULL and e.level == "district" and e.name.endswith("市")}.values())
    if len(cities) != 1:
        return
    moved = [m for p in places.values() for m in p.mentions if DEICTICS.get(m.text) == "city"]
    if not moved:
        return
    for p in places.values():
        p.mentions = [m for m in p.mentions if DEICTICS.get(m.text) != "city"]
    home = _entry_place(places, gz, cities[0])
    home.mentions = sorted(home.mentions + moved, key=lambda m: m.start)
    model_places.drop_empty(places)


def _home(gz: Gazetteer, w: Counter, level: str) -> Entry | None:
    """The paper's own place of ``level``: the most-mentioned one, counting the places inside it
    (潞城镇 and 永顺镇 speak for 通州区, 中关村顺义园 for 顺义区)."""
    municipal = ("11", "12", "31", "50")

    def fits(e: Entry) -> bool:
        if e.code is None and e.level != "zone":
            return False  # (丹麦代表团访问我市。奥胡斯市市长…: a foreign town is never the paper's own)
        if level == "city":
            # (and a county-level city the province governs itself, 东方市, 仙桃市: no prefecture stands above it)
            return e.level == "city" or (e.level == "province" and (e.code or "")[:2] in municipal) or (
                e.level == "district" and (e.code or "")[2:4] == "90" and e.name.endswith("市"))
        if level == "district":
            return e.level in ("district", "zone")
        return e.level == "province"

    score: Counter = Counter()
    for k, n in w.items():
        if k not in gz.entries:
            continue
        if fits(gz.entries[k]):
            score[k] += n
            continue  # a zone is a candidate itself (经开区's 我区), not support for its host district
        for a in gz.ancestors(k)[1:]:
            if a in gz.entries and fits(gz.entries[a]):
                score[a] += n
                break
    best = sorted(((n, k) for k, n in score.items()), key=lambda nk: (-nk[0], nk[1]))
    if not best:
        return None
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None
    return gz.entries[best[0][1]]


def _add_rivers(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Rivers' sections and basins (regions), then rivers before the lands along them, gone along or by their banks
    (sites); a river beside the one reach of it the article names joins the reach."""
    river_sections.add(text, an, places, in_person)
    river_sections.add_rivers_along(text, an, places, in_person)
    river_sections.add_rivers_followed(text, an, places, in_person)
    river_sections.add_waters_by_state(text, an, places, in_person)
    river_sections.add_waters_by_shore(text, an, places, in_person)
    river_sections.add_waters_glued_to_banks(text, an, places, in_person)
    river_sections.add_waters_before_joiner(text, an, places, in_person)
    river_sections.add_river_banks(text, places)
    river_sections.add_listed_rivers(text, places, in_person)
    _reaches_hold_their_rivers(places)


@register("places", requires=("officials", "authors"))
def extract(ctx: Context) -> list[Place]:
    """The steps of the module docstring, in order: candidates (1–3), resolution (4), grouping (5)."""
    text = ctx.text
    if not text:
        return []
    gz = load()
    doc = _Doc(text, ctx.analysis, gz)
    # names inside an official's or a reporter's name are not places (刘昌平 holds no 昌平, 记者严嘉禾 no 嘉禾)
    in_person = SpanIndex([(m.start, m.end) for o in ctx.doc.officials for m in o.mentions]
                          + _author_spans(text, ctx.doc.authors)).overlaps
    settled = _candidates(ctx, doc, gz, in_person)
    meta_cands = _meta_candidates(ctx, gz)
    w = _resolve_rounds(gz, settled, meta_cands)
    _model_vouches(doc, settled, w)
    places, kinds, park_heads = _group(text, gz, settled, w, meta_cands)
    _join_heads(doc, gz, places, kinds, park_heads)
    _source_city_deictics(ctx, gz, places, meta_cands)
    _add_park_hosts(text, gz, places)
    _join_short_forms(text, gz, places)
    _nicknames_opening_names(text, places, in_person)
    _add_localities(ctx, doc, places, in_person)
    _add_merging_cities(text, gz, places, in_person)
    _add_province_runs(text, places, in_person)
    _add_province_parts(text, places, in_person)
    _add_list_members(ctx, doc, places, in_person)
    _add_township_villages(ctx, places, in_person, evidence="list-member")  # 者米乡 of a list … 者米乡|顶青村
    _listed_county_shorts(ctx, gz, places, in_person)
    county_townships.add(text, ctx.analysis, places, in_person)
    county_townships.add_merged(text, ctx.analysis, places, in_person)
    _add_township_villages(ctx, places, in_person, evidence="village-table")  # 中路乡|中路藏寨: a merged township's
    _add_foreign(text, ctx.analysis, places, in_person)
    model_places.add(text, ctx.analysis, places, in_person, lambda end: _inside_org(doc, end),
                     lambda name: any(e.level not in _COINCIDENCE_LEVELS for e in gz.lookup(name)))
    _add_township_villages(ctx, places, in_person, evidence="ner")  # 花园乡|卡日塔里村: a township only the NER read
    foreign_places.after_ner(text, places, in_person)
    _organ_villages(text, ctx.analysis, places, in_person)
    _join_hamlets(places)
    _villager_groups(text, places)
    _peoples_places(text, places)
    _ring_regions(text, places)
    _joined_regions(text, places)
    _lake_areas(places)
    _mountain_passes(text, places)
    _parts_as_regions(text, places, _FOOTHILL, (None, "site", "region", "city"))
    _unlisted_foothills(text, ctx.analysis, places)
    _parts_as_regions(text, places, _COMPASS_PART, ("province", "country"), _CHINA)
    _add_region_provinces(text, gz, places)
    _add_common_named_districts(text, gz, places)
    _city_named_districts(text, gz, places)
    _settlement_named_sites(text, places)
    _village_named_relics(text, places)
    _township_named_sites(text, places)
    farm_bases.add(text, ctx.analysis, places, in_person)
    visited_sites.add(text, places, in_person, doc.model_locations())
    _sites_opened_by_township_stems(text, places)
    _mountain_temples(text, ctx.analysis, places)
    kind_lists.add(text, ctx.analysis, places, in_person)
    _settle_site_names(text, places)
    _add_rivers(text, ctx.analysis, places, in_person)  # (after the sites: 辽河|老街 is a street's)
    flats.add(text, places)
    _merge_variants(places)
    _merge_short_namesakes(places)
    _city_named_places(text, places)
    _town_short_forms(doc, places)
    _river_named_shorts(places)
    _old_quarters_of_villages(places)
    _dotted_site_parts(text, places)
    _names_holding_states(text, places)
    _hominid_sites(text, places)
    _sites_opening_scenic_areas(places)
    _halls(text, gz, places)
    _short_forms_opening_sites(places)
    _climbed_hills(text, places)
    _drop_figurative_mentions(text, places)
    _drop_listed_among_persons(text, places, [(m.start, m.end) for o in ctx.doc.officials for m in o.mentions]
                               + [(e.start, e.end) for e in ctx.analysis.ner if e.label == "PER"])
    _drop_orphan_heads(places)
    model_places.settle_levels(places)
    out = _one_per_name(places)
    return out + _headline_divisions(ctx.doc.title, gz, places, out)


def _drop_orphan_heads(places: dict[str, Place]) -> None:
    """A park or site grown from its suffix whose own mention a longer name took (保玉则景区 inside 年保玉则景区) is
    no place where only its bare head's mentions are left (年|保玉则|山下: a syllable run of the longer name)."""
    for key, p in list(places.items()):
        if p.evidence == "park-suffix" and p.mentions and all(
                len(m.text) < len(p.name) and p.name.startswith(m.text) for m in p.mentions):
            del places[key]


def _settle_site_names(text: str, places: dict[str, Place]) -> None:
    """Sites whose grown names hold another place or say more than the site (see each step)."""
    _township_tails_cut_off(text, places)
    _split_township_heads(places)
    _organ_relics(places)
    _china_named_sites(places)
    _reservoir_dams(places)
    _township_headed_parks(places)
    _place_named_shrines(text, places)
    _complements_cut_off(text, places)


def _complements_cut_off(text: str, places: dict[str, Place]) -> None:
    """要做|好汉仙岩景区: a site opening with 好, the complement of a common verb with the character before it (做好, 抓好,
    搞好), opens after it; jieba's 好汉 had taken it into the name."""
    freq, tags = jieba_freq(), tag_table()
    for key, p in list(places.items()):
        if p.level not in ("site", "park") or p.code is not None or p.evidence not in ("park-suffix", "visited-site"):
            continue
        if not p.mentions or any(m.text != p.name for m in p.mentions) or len(p.name) < 5:
            continue
        if p.name[0] == "好" and all(m.start and freq.get(text[m.start - 1 : m.start + 1], 0) >= 100
                                    and tags.get(text[m.start - 1 : m.start + 1], "").startswith("v") for m in p.mentions):
            del places[key]
            site = model_places.named_place(places, p.name[1:], p.level, p.evidence, p.parent)
            site.mentions.extend(Span(m.text[1:], m.start + 1, m.end) for m in p.mentions)


# A kind of temple or shrine every town has (总佛寺, 文庙, 城隍庙): named only by the place before it (西双版纳|总佛寺,
# 大理|文庙), which is then part of the site's name, not a mention of the place.
_GENERIC_SHRINE = lazy_pattern.compile(r"(?:总佛寺|文庙|孔庙|城隍庙|关帝庙|清真寺|天主堂|天主教堂|基督教堂|礼拜寺)(?!\p{Han}{0,2}[会局委办])")


def _place_named_shrines(text: str, places: dict[str, Place]) -> None:
    for p in [p for p in places.values() if p.level in ("province", "city", "district", "town") and p.code]:
        for m in list(p.mentions):
            shrine = _GENERIC_SHRINE.match(text, m.end)
            if shrine is None or m.text == p.name and not p.name.endswith(("县", "市", "旗")):
                continue  # (a township written in full keeps its place: 茶园镇|文庙 is the township's temple)
            model_places.drop_mentions_within(places, m.end, shrine.end())
            p.mentions.remove(m)
            name = text[m.start : shrine.end()]
            model_places.named_place(places, name, "site", "place-named-shrine").mentions.append(
                Span(name, m.start, shrine.end()))
    model_places.drop_empty(places)


def _township_headed_parks(places: dict[str, Place]) -> None:
    """坂仔镇|琯溪蜜柚产业园, 石堡镇|黄龙核桃产业园: a park grown over the township before it, whose own name opens with a
    proper name (a place's, a brand's: jieba tags it ns, nr or nz, or the tables know it), is the township and the park.
    A park named only by what it grows keeps the township (院头镇大枣示范园, 田楼镇万亩稻麦示范方)."""
    for key, p in list(places.items()):
        if p.level != "park" or p.evidence != "park-suffix" or p.code is not None:
            continue
        head = _TOWNSHIP_HEAD.fullmatch(p.name)
        if head is None or len(head[2]) < 5 or not _proper_opening(head[2][:2]):
            continue
        cut = len(head[1])
        town = _head_place(places, head[1], "town")
        park = model_places.named_place(places, head[2], "park", p.evidence, head[1])
        for m in p.mentions:
            if m.text == p.name:
                if not any((x.start, x.end) == (m.start, m.start + cut) for x in town.mentions):
                    town.mentions.append(Span(head[1], m.start, m.start + cut))
                park.mentions.append(Span(head[2], m.start + cut, m.end))
        town.mentions.sort(key=lambda m: m.start)
        if park is not p:
            del places[key]


def _proper_opening(word: str) -> bool:
    tag = tag_table().get(word, "")
    return tag in ("ns", "nr", "nz") or bool(load().surfaces.get(word))


def _reservoir_dams(places: dict[str, Place]) -> None:
    """在洈水水库大坝，…察看水位: a reservoir's dam, grown by the dam's suffix, is the reservoir the tour stopped at (its
    dam is part of it; 三峡大坝, named by the dam alone, stays the dam)."""
    for key, p in list(places.items()):
        if p.evidence != "park-suffix" or not p.name.endswith("水库大坝") or p.code is not None:
            continue
        name = p.name.removesuffix("大坝")
        reservoir = model_places.named_place(places, name, "site", p.evidence, p.parent)
        reservoir.mentions.extend(Span(name, m.start, m.start + len(name)) for m in p.mentions if m.text.startswith(name))
        if reservoir is not p:
            del places[key]


def _peoples_places(text: str, places: dict[str, Place]) -> None:
    """Townships, villages and hamlets named with the people who live there (see each step)."""
    _peoples_townships(text, places)
    _peoples_villages(text, places)
    _peoples_hamlets(text, places)


# Halls a county, city or prefecture names its own museum by (绿春县哈尼族民俗博物馆, 阿里地区博物馆).
_HALLS = ("博物馆", "纪念馆", "展览馆", "陈列馆")


def _chinese_division(gz: Gazetteer, name: str, levels: tuple[str, ...]) -> Entry | None:
    """The Chinese division of one of ``levels`` whose full name ``name`` is, or None."""
    return next((e for e in gz.lookup(name) if e.name == name and e.code is not None and e.level in levels), None)


def _hall_lead(gz: Gazetteer, name: str) -> bool:
    """Whether ``name`` is a Chinese county's, banner's or prefecture's full name (绿春县, 翁牛特旗, 阿里地区), which its
    museum's name opens with (a city's is a place of its own: 抚顺市|雷锋纪念馆, 阿斯塔纳|哈萨克斯坦国家博物馆)."""
    return name.endswith(("县", "旗", "地区")) and _chinese_division(gz, name, ("district", "city")) is not None


def _division_named_halls(text: str, gz: Gazetteer, places: dict[str, Place]) -> None:
    """来到绿春县|哈尼族民俗博物馆: a museum written right after a county's, city's or prefecture's full name is named
    with it (the check sets name such halls whole: 普格县彝族文化博物馆, 阿里地区博物馆), though 博物馆 made the division
    read as the head of an organisation's name and the NER read the hall alone."""
    for hall in [p for p in places.values() if p.level == "site" and p.code is None and p.name.endswith(_HALLS)
                 and not any(_hall_lead(gz, p.name[:k]) for k in (5, 4, 3))]:  # (云梦县博物馆 has its county)
        for i, m in enumerate(hall.mentions):
            lead = next((text[m.start - k : m.start] for k in (5, 4, 3)
                         if m.start >= k and _hall_lead(gz, text[m.start - k : m.start])), "")
            if not lead or any(m2.end == m.start for p in places.values() for m2 in p.mentions):
                continue  # (a division found there is a place of its own, which the visit's rules join where they may)
            hall.mentions[i] = Span(lead + m.text, m.start - len(lead), m.end)
        if hall.mentions and hall.mentions[0].text != hall.name and hall.mentions[0].text.endswith(hall.name):
            hall.name = hall.mentions[0].text


def _halls(text: str, gz: Gazetteer, places: dict[str, Place]) -> None:
    """A hall's name with the county it is named by, and without the province or city it stands in (see each step)."""
    _division_named_halls(text, gz, places)
    _cities_before_halls(text, gz, places)


def _city_ending_at(gz: Gazetteer, text: str, end: int) -> Entry | None:
    """The province or prefecture-level city named in full that ends at ``end`` (湖北省, 孝感市), or None."""
    return next((e for k in (5, 4, 3, 2) if end >= k
                 if (e := _chinese_division(gz, text[end - k : end], ("province", "city"))) is not None), None)


def _cities_before_halls(text: str, gz: Gazetteer, places: dict[str, Place]) -> None:
    """来到孝感市|云梦县博物馆, 湖北省|孝感市|云梦县博物馆: a province or city written in full before a county's hall (or
    opening the hall's mention ahead of one) is where the hall stands, a place of its own, not part of the hall's name
    (孝感市博物馆, the city's own, keeps it)."""
    for hall in [p for p in places.values() if p.level == "site" and p.code is None and p.name.endswith(_HALLS)]:
        for i, m in enumerate(hall.mentions):
            start = m.start
            while (lead := next((e for k in range(2, 7) if start + k < m.end - 3
                                 for e in [_city_starting(gz, text, start, start + k)] if e is not None), None)) is not None:
                _entry_place(places, gz, lead).mentions.append(Span(lead.name, start, start + len(lead.name)))
                start += len(lead.name)
            if start > m.start:
                if m.text == hall.name:
                    hall.name = text[start : m.end]
                hall.mentions[i] = m = Span(text[start : m.end], start, m.end)
            at = m.start
            while (e := _city_ending_at(gz, text, at)) is not None \
                    and not model_places.mention_index(places).overlaps(at - len(e.name), at):
                _entry_place(places, gz, e).mentions.append(Span(e.name, at - len(e.name), at))
                at -= len(e.name)


def _city_starting(gz: Gazetteer, text: str, start: int, end: int) -> Entry | None:
    """The province or city named in full by text[start:end] where a division's full name follows it (孝感市|云梦县…,
    荆州市|监利市…)."""
    e = _city_ending_at(gz, text, end)
    if e is None or end - len(e.name) != start:
        return None
    followed = any(_chinese_division(gz, text[end : end + k], ("province", "city", "district")) for k in (5, 4, 3, 2))
    return e if followed else None


def _reaches_hold_their_rivers(places: dict[str, Place]) -> None:
    """黄河|青铜峡|段 … 黄河岸线: a river the article writes alone beside a reach of it that it names (…段) is that reach's
    place, the river's name an alias of it, as the check sets since jan30 annotate a river toured along one reach (of
    two reaches of one river, 黄河开封段 and 黄河兰考段, the river is neither's)."""
    reaches = [p for p in places.values() if p.evidence == "river-section" and p.name.endswith("段") and p.mentions]
    for p in [p for p in places.values() if p.mentions and p.code is None and p.level in (None, "site", "region")]:
        of_it = [r for r in reaches if r is not p and r.name.startswith(p.name) and len(r.name) > len(p.name) + 1]
        if len(of_it) == 1:
            model_places.absorb(of_it[0], p)


def _one_per_name(places: dict[str, Place]) -> list[Place]:
    """The places with mentions, in text order, one per name and level: two rules that read the same place under two
    keys (密云水库 once untyped and typed later; 不老屯镇 of the gazetteer and again as the village table's township) give
    one place, the coded one where there is one. Two of one name under two parents (two villages 和平村 of two
    townships) stay two."""
    by_name: dict[tuple[str, str | None], Place] = {}
    for p in sorted((p for p in places.values() if p.mentions), key=lambda p: (p.code is None, p.mentions[0].start)):
        kept = by_name.setdefault((p.name, p.level), p)
        if kept is not p and (None in (kept.parent, p.parent) or kept.parent == p.parent):
            model_places.absorb(kept, p)
    out = [p for p in places.values() if p.mentions]
    out.sort(key=lambda p: p.mentions[0].start)
    return out


def _drop_listed_among_persons(text: str, places: dict[str, Place], persons: list[tuple[int, int]]) -> None:
    """…路甬祥、乌云其木格、华建敏…: an untyped name the NER read as a place, listed between two people's names (an
    official's or the NER's) with the list's 、 on both sides, is a person's name too (a leader no title introduces)."""
    # (not a list of towns whose neighbours the NER read as people's: 哈尔科夫、切尔尼戈夫、苏梅: a Chinese name's shape)
    persons = [(start, end) for start, end in persons if not looks_transliterated(text[start:end])]
    ends = {end for _, end in persons}
    starts = {start for start, _ in persons}
    model_places.drop_mentions_where(places, lambda p, m: p.level is None and text[m.start - 1 : m.start] == "、" and (
        m.start - 1 in ends) and text[m.end : m.end + 1] == "、" and m.end + 1 in starts)


def _drop_figurative_mentions(text: str, places: dict[str, Place]) -> None:
    """Mentions that name no place where they stand: inside a goal's or a formula's quote, a work's title, a list of
    peoples, an epithet, a brand or honour; a county after a conjunction; inside a foreign state's or body's longer
    name (西非|国家经济共同体), unless a country's (卡塔尔|国: the state's own)."""
    held = frozenset((m.start, m.end) for p in places.values() for m in p.mentions)
    in_body = foreign_places.inside_foreign_name(text)
    for p in places.values():
        p.mentions = [m for m in p.mentions if not _in_goal_quote(text, m.start, m.end) and not _in_formula(text, m)
                      and not _in_quoted_parallel(text, m) and not in_work_title(text, m.start)
                      and not _in_ethnic_list(text, m) and epithet_cue(text, m.start, m.end) is None
                      and not _quoted_likeness(text, m) and not _quoted_brand(text, m) and not _quoted_honour(text, m)
                      and not _conjunction_county(text, m) and not _verb_county(text, m)
                      and not _in_short_quote(text, p, m, held)
                      and not (p.level != "country" and in_body(m.start, m.end)) and not _country_gate(text, p, m)
                      and not (p.code is None and m.text.endswith("乡镇")) and not _in_numbered_event(text, m)]


# An event counted by its sessions (第二届中国—墨西哥地方合作论坛, 首届中国—新西兰地热旅游合作论坛): the places its name holds
# name the event, not where anything is (SPEC §3: a place name inside an event's name is none); the article's other
# mentions of them still count.
_NUMBERED_EVENT = lazy_pattern.compile(
    r"(?:第[一二三四五六七八九十百\d]+届|首届)[^，,。；;、：:\s“”《》（）()]{2,30}?"
    r"(?:论坛|博览会|峰会|对话会|交流会|洽谈会|研讨会|交易会|文化节|旅游节|艺术节)")


def _in_numbered_event(text: str, m: Span) -> bool:
    if "届" not in text[max(0, m.start - 32) : m.start]:
        return False
    return any(e.start() < m.start and m.end <= e.end() for e in _NUMBERED_EVENT.finditer(text, max(0, m.start - 32), m.end + 32))


# 守护好祖国南大门, 国家的北大门: a border region called the country's gate is a figure, no place (沿河|乡镇 after it: the
# townships along a river, no township; a name ending in 乡镇 is a kind of township, plural, the NER's reading aside).
_GATE = lazy_pattern.compile(r"(?:祖国|国家|我国|中国)的?$")


def _country_gate(text: str, p: Place, m: Span) -> bool:
    return p.code is None and m.text in ("南大门", "北大门", "东大门", "西大门") and \
        _GATE.search(text, max(0, m.start - 3), m.start) is not None


def _headline_divisions(title: str | None, gz: Gazetteer, places: dict[str, Place], found: list[Place]) -> list[Place]:
    """旬邑县县长…检查文旅安全 over a body that names only 马栏镇 and its villages: a county or a city the headline
    writes in full, which the body never names but holds a place inside, is the article's place too (a reader filtering
    by county expects it). Its mentions are none: the body's offsets do not reach the headline. The place inside decides
    between namesakes (长安区 of 西安 or of 石家庄), and none inside, none taken: a headline's place alone may be where a
    guest comes from or goes next."""
    if not title or len(title) > 80 or not found:
        return []
    names = {p.name for p in found}
    inner = {k for k, p in places.items() if p.mentions and k in gz.entries}
    inner_parents = {p.parent for p in found if p.parent}
    out: list[Place] = []
    for h in gz.scan(title):
        if len(h.surface) < 3:
            continue
        senses = [gz.entries[k] for k, kind in h.senses if kind == FULL]
        senses = [e for e in senses if e.level in ("district", "city") and e.name not in names]
        # (a place the tables hold inside it, by code; else one whose parent the body names so, where one sense is all)
        held = [e for e in senses if any(e.key in gz.ancestors(k)[1:] for k in inner)] or (
            senses if len(senses) == 1 and senses[0].name in inner_parents else [])
        for e in held[:1]:
            out.append(Place(name=e.name, level=e.level, code=e.code, parent=gz.parent_name(e), lat=e.lat, lon=e.lon,
                             evidence="headline"))
            names.add(e.name)
    return out


# Evidence of a name a table lists or a kind of zone or park types: such names filling a short quote are the places
# themselves, quoted (“陆海新通道”, “G60科创走廊”, “江苏宜兴市”品牌); a name sharing its quote with other words is one of
# them (“红色小上海”, “中华寿岳”), and what only the NER or a list read in a quote is an epithet (“音乐岛”, “港园城”).
_NAMED_EVIDENCE = frozenset(("gazetteer", "park-suffix"))


def _in_short_quote(text: str, p: Place, m: Span, held: frozenset[tuple[int, int]]) -> bool:
    """The mention is a word of a short quote (`_spans.short_quote`), not a listed or typed name filling it with
    other places' names (``held``: every mention's span)."""
    quote = short_quote(text, m.start, m.end)
    if quote is None:
        return False
    lo, hi = quote
    filled = m.end == hi and (m.start == lo + 1 or (lo + 1, m.start) in held)
    return not (filled and p.evidence in _NAMED_EVIDENCE)


# What may stand right before the county 和县: its province or city, or a word of going or being there (到和县, 在和县).
_HEXIAN_BEFORE = ("安徽", "安徽省", "马鞍山", "马鞍山市", "在", "到", "赴", "于", "至", "往", "来", "去", "抵")


# A modal or a word of charging before a verb (要|会同|县水利局: with the county's water bureau), not before a county
# named by that verb's characters (会同县).
_BEFORE_VERB = lazy_pattern.compile(r"(?:要|须|需|应|将|并|还|由|负责|牵头|请|应当|必须)$")


def _verb_county(text: str, m: Span) -> bool:
    """县应急管理局要会同县水利局…: a county's full name whose name is a common word of the dictionary (会同, together
    with; not a place's), after a modal, is that word and the county's own bureau (县|水利局), no county."""
    stem = m.text[:-1]
    return m.text.endswith("县") and len(stem) == 2 and tag_table().get(stem, "") in ("v", "vn", "n") and \
        jieba_freq().get(stem, 0) >= 100 and _BEFORE_VERB.search(text, max(0, m.start - 2), m.start) is not None


def _conjunction_county(text: str, m: Span) -> bool:
    """…现场会和县委…全会, 岛屿和县市, 种植基地和县…中心: 和 joining two things, the second a county's (县委, 县市, 县…中心), not
    和县 (whose committee is 和县县委). Where a noun ends right before it, 和 joins; the county follows a boundary, its
    province or city, or a word of going or being there."""
    if m.text != "和县":
        return False
    if text.startswith(("委", "政府"), m.end):
        return True
    before = text[m.start - 1 : m.start]
    return bool(before) and regex.match(r"\p{Han}", before) is not None and not text.endswith(_HEXIAN_BEFORE, 0, m.start)


def _dotted_site_parts(text: str, places: dict[str, Place]) -> None:
    """白帝城·瞿塘峡景区 … 察看白帝城游客步道 … 瞿塘峡沿岸: a scenic area named by two sites joined with a middle dot holds
    both, and each written alone is that site."""
    held = model_places.mention_index(places)
    for p in [p for p in places.values() if p.level == "site" and "·" in p.name]:
        full = p.name
        kind = max((k for k in _SCENIC_KINDS if full.endswith(k)), key=len, default="")
        parts = full[: len(full) - len(kind)].split("·")
        if len(parts) != 2 or not all(2 <= len(x) <= 6 and model_places.han_only(x) for x in parts):
            continue
        for part in parts:
            for q in places.values():
                if q.name == part and q.level is None:
                    q.level = "site"  # (巫峡 the NER read untyped: the scenic area's name says what it is)
            spans = [(i, i + len(part)) for i in occurrences(text, part) if not held.overlaps(i, i + len(part))]
            if spans:
                site = model_places.named_place(places, part, "site", "dotted-site")
                site.mentions.extend(Span(part, a, b) for a, b in spans)
                site.mentions.sort(key=lambda m: m.start)


def _short_forms_opening_sites(places: dict[str, Place]) -> None:
    """江口|沉银遗址 … 江口古镇: a short form another place's name lends (江口 of 江口古镇, itself the township's; 金乡 of
    金乡县) written right before a site grown from a stem of two or three characters opens that site's name: the
    excavation is 江口沉银遗址, not 沉银遗址 beside the old town (as 哈密回王府 is one name)."""
    sites = {(m.start, p.name): p for p in places.values() if p.level == "site"
             and p.evidence in ("park-suffix", "visited-site")
             for m in p.mentions if m.text == p.name and p.name.endswith(SITE_SUFFIXES)}
    if not sites:
        return
    # (吉林|和龙|大洞遗址: a short form after another place's is an address, the site's name starts after it)
    ends = {m.end for p in places.values() for m in p.mentions}
    for p in [p for p in places.values() if p.level in ("site", "town", "district")]:
        for m in [m for m in p.mentions if m.text != p.name and 2 <= len(m.text) <= 3 and m.start not in ends]:
            if p.level == "district" and (m.text[-1] in "县市区旗" or len(p.mentions) < 2):
                continue  # (肃北县|盐池湾湿地: a county in full is a place of its own; nor does a county lose its one mention)
            q = next((q for (at, _), q in sites.items() if at == m.end), None)
            kind = max((k for k in SITE_SUFFIXES if q is not None and q.name.endswith(k)), key=len, default="")
            if q is None or q is p or not 2 <= len(q.name) - len(kind) <= 3:
                continue
            name = m.text + q.name
            site = model_places.named_place(places, name, "site", q.evidence)
            # (the short site may have joined the long one already, at an earlier mention of the long name)
            holder = q if any(x.start == m.end for x in q.mentions) else site
            whole = next((x for x in holder.mentions if x.start == m.end and x.text == q.name), None)
            if whole is None:
                continue
            holder.mentions.remove(whole)
            p.mentions.remove(m)
            site.mentions.append(Span(name, m.start, whole.end))
            if q.mentions and all(x.start > m.start for x in q.mentions):
                model_places.absorb(site, q)  # (沉银, 忠烈祠 alone after the full name: the same site)
            site.mentions.sort(key=lambda x: x.start)
    model_places.drop_empty(places)


# 翻越|喀喇昆仑山|前往…: a range or pass a journey crosses, named before where it goes on to or the clause's end.
_CROSSED_RANGE = lazy_pattern.compile(r"(?:翻越|翻过|越过)(\p{Han}{2,5}?(?:山脉|山口|山|岭|达坂))(?=前往|抵达|到达|来到|进入|[，,。、])")
# Verbs of climbing: what they take is a hill or a tower, never a division (登上|西塞山 of 西塞山区).
_CLIMB = lazy_pattern.compile(r"(?:登上|登临|攀登|登顶)$")


def _climbed_hills(text: str, places: dict[str, Place]) -> None:
    """来到西塞山区，登上西塞山: a division's short form ending in 山 that a verb of climbing takes is the hill the
    division is named after, a site; so is a site's short form (登上大伊山 … 大伊山石棺墓遗址: the hill, not the tomb).
    And a hill whose 山 the segmenter glued to its foot or top (在无量|山脚下), after 在 or 到, and a range a journey
    crosses (翻越|喀喇昆仑山|前往)."""
    for p in [p for p in places.values() if p.level in ("city", "district", "town", "site")]:
        for m in [m for m in p.mentions if m.text != p.name and m.text.endswith("山") and len(m.text) >= 2
                  and _CLIMB.search(text, max(0, m.start - 2), m.start)]:
            model_places.move_mention(places, text, p, m, m.end, "site", "visited-site")
    model_places.drop_empty(places)
    held = model_places.mention_index(places)
    for m in [*_HILL_FOOT.finditer(text), *_CROSSED_RANGE.finditer(text)]:
        start, end = m.start(1), m.end(1)
        if not held.overlaps(start, end) and m.group(1)[0] not in _NOT_NAME_FIRST \
                and jieba_freq().get(text[start:end], 0) < COMMON_HILL and jieba_freq().get(m.group(1)[:-1], 0) < PLACE_STEM:
            evidence = "crossed-range" if _CROSSED_RANGE.owns(m) else "hill-foot"
            model_places.named_place(places, text[start:end], "site", evidence).mentions.append(
                Span(text[start:end], start, end))
            held = model_places.mention_index(places)


# 在无量|山脚下, 到凤凰|山顶: a name of two or three characters, then the 山 of its foot, top or side; after a visit's
# verb too, and a name of one character before its foot (走访匡|山脚下的…: 匡山, where no dictionary word is)
_HILL_FOOT = lazy_pattern.compile(r"(?<=[在到至于]|走访|来到|前往|深入)(\p{Han}{2,3}?山(?=脚下|脚|顶|腰)|\p{Han}山(?=脚下))")
_NOT_NAME_FIRST = frozenset("一二三四五六七八九十两几多数各每某该此这那其本大小高半整满后前")
COMMON_HILL = 100  # a word the dictionary counts this often (火焰山 as a figure, 金山银山) is no hill's name here
PLACE_STEM = 1000  # …nor a stem this common (在景区|山顶厕所: a place's hilltop, 无量 361 is a name's)


# What a state's formal name adds to its short name (冰岛|共和国, 柬埔寨|王国, 俄罗斯|联邦).
_FORMAL_TAILS = ("共和国", "民主共和国", "人民共和国", "联邦共和国", "王国", "联邦", "公国", "合众国", "大公国", "苏丹国",
                 "伊斯兰共和国", "社会主义共和国", "合作共和国", "多民族国")


# 中国—上海合作组织地方经贸合作示范区, 中国—马来西亚钦州产业园区: a zone China runs with a state or body, named with both.
_BILATERAL_ZONE = lazy_pattern.compile(
    r"中国[—－–\-](?:\p{Han}{2,10}?)(?:\p{Han}{0,12}?)(?:产业园区|产业园|工业园区|工业园|示范区|合作区|试验区|开发区|科技园)")


def _bilateral_zones(text: str, places: dict[str, Place]) -> None:
    """A zone China runs with a state or an international body, named with both and a dash (see _BILATERAL_ZONE), is a
    zone of its own: the state's mention and a shorter park read inside it are its."""
    if "中国" not in text:
        return
    for m in _BILATERAL_ZONE.finditer(text):
        partner = text[m.start() + 3 : m.end()]
        if prefix_country(partner) is None:
            continue  # (中国—东盟…: the partner must be a state or body the tables know)
        lo, hi = m.span()
        model_places.drop_mentions_where(places, lambda p, x, lo=lo, hi=hi: lo <= x.start and x.end <= hi)
        model_places.named_place(places, m.group(), "zone", "bilateral-zone").mentions.append(Span(m.group(), lo, hi))


def _names_holding_states(text: str, places: dict[str, Place]) -> None:
    """A state's formal name (冰岛共和国), then a zone China runs with a state or body (中国—马来西亚钦州产业园区)."""
    _formal_country_names(text, places)
    _bilateral_zones(text, places)


def _formal_country_names(text: str, places: dict[str, Place]) -> None:
    """冰岛共和国 … 冰岛: a state's formal name (the NER reads it, untyped) is that state, one place with its short name;
    a mention of the short name that the text goes on into the formal one (密克罗尼西亚|联邦国会议长) is the formal
    name written."""
    states = {p.name: p for p in places.values() if p.level == "country"}
    forms = foreign_countries()
    for p in states.values():
        p.mentions = [_formal_mention(text, m, forms) for m in p.mentions]
    for key, p in list(places.items()):
        short = forms.get(p.name)
        if p.level not in (None, "country") or short is None or short == p.name or \
                not p.name.startswith(short) or p.name[len(short):] not in _FORMAL_TAILS:
            continue
        if short in states:
            model_places.absorb(states[short], p)
            del places[key]
        else:
            p.level = "country"


def _formal_mention(text: str, m: Span, forms: dict[str, str]) -> Span:
    tail = next((t for t in _FORMAL_TAILS_LONGEST if text.startswith(t, m.end) and forms.get(m.text + t) == m.text), None)
    return Span(m.text + tail, m.start, m.end + len(tail)) if tail else m


_FORMAL_TAILS_LONGEST = sorted(_FORMAL_TAILS, key=len, reverse=True)


# A fossil people named after where it was found (北京人, 元谋人, 蓝田人) and its site or fossils.
_HOMINID_SITE = lazy_pattern.compile(r"人(?:遗址|化石地点|化石)")


def _hominid_sites(text: str, places: dict[str, Place]) -> None:
    """周口店北京人遗址 … 北京人遗址: a place's name before 人 and 遗址 names a fossil people (Peking Man), whose site it
    is: the site is a place, the division is not mentioned there. A township's short form right before it opens the
    site's name (周口店)."""
    towns = {p.name[:k] for p in places.values() if p.level == "town" for k in (2, 3) if len(p.name) > k}
    for p in [p for p in places.values() if p.level in ("province", "city", "district", "town")]:
        for m in list(p.mentions):
            if (hm := _HOMINID_SITE.match(text, m.end)) is None:
                continue
            end = hm.end()
            start = next((m.start - k for k in (3, 2) if text[m.start - k : m.start] in towns), m.start)
            p.mentions.remove(m)
            name = text[start:end]
            model_places.named_place(places, name, "site", "park-suffix").mentions.append(Span(name, start, end))
    sites = [p for p in places.values() if p.level == "site" and _HOMINID_SITE.search(p.name)]
    for site in sites:  # (the short name, 北京人遗址, is the same site as 周口店北京人遗址)
        for other in sites:
            if other is not site and site.name.endswith(other.name) and len(site.name) > len(other.name):
                model_places.absorb(site, other)
    model_places.drop_empty(places)


def _sites_opening_scenic_areas(places: dict[str, Place]) -> None:
    """南山|竹海景区: a listed site's short name written right before a scenic area the suffix rule read from the
    words after it opens that area's name (the area is 南山竹海, not 竹海 beside a site 南山)."""
    grown = ("park-suffix", "ner")  # (the NER reads 桃花峪景区 whole after 泰山, as the suffix rule reads 竹海景区)
    ends = {(m.start, p.name): m for p in places.values() if p.level == "site" and p.evidence in grown
            and p.name.endswith(tuple(_SCENIC_KINDS)) for m in p.mentions if m.text == p.name}
    if not ends:
        return
    for p in [p for p in places.values() if p.level == "site" and p.evidence not in grown]:
        for m in list(p.mentions):
            area = next((q for q in places.values() if (m.end, q.name) in ends), None)
            stem = area.name[: len(area.name) - max(len(k) for k in _SCENIC_KINDS if area.name.endswith(k))] \
                if area is not None else ""
            if area is None or not 2 <= len(m.text) <= 4 or not 1 <= len(stem) <= 3:
                continue
            whole = ends.pop((m.end, area.name))
            area.mentions.remove(whole)
            p.mentions.remove(m)
            name = m.text + area.name
            model_places.named_place(places, name, "site", area.evidence or "park-suffix").mentions.append(
                Span(name, m.start, whole.end))
    model_places.drop_empty(places)


def _town_short_forms(doc: _Doc, places: dict[str, Place]) -> None:
    """What a township's short form written alone stands for: a site named after it, a place it opens, or (in a list
    closed by 等镇) the township written in full."""
    text = doc.text
    _site_named_town_shorts(text, places)
    _town_shorts_opening_places(places)
    _listed_township_shorts(doc, places)
    _renamed_townships(text, places)
    _township_communities(text, places)
    _bare_town_shorts(places)


# (察看鹤鸣湖水质: the lake the township 鹤鸣湖镇 is named after; 广胜寺镇|广胜寺, 百灵庙: a site's kind says the same)
_TOWN_NAMED_AFTER = frozenset("湖岛山河江海泉洞")


# 在南部区希雷河沿岸, 把北部区姆祖祖周边…: a foreign state's region named by its compass point (Malawi's 北部区, 中部区, 南部区),
# written as a name of its own after a word that closes the last (a Chinese text says 南部地区 for a part of a place).
_COMPASS_REGION = lazy_pattern.compile(r"(?:(?<=[在把将和与及、，,。；;：:]|^))[东南西北中]部区(?=\p{Han})", regex.M)


def _add_foreign(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """A foreign state's compass regions, then the towns read after a state (foreign_places)."""
    _foreign_compass_regions(text, places)
    foreign_places.add(text, an, places, in_person)


def _foreign_compass_regions(text: str, places: dict[str, Place]) -> None:
    """Add a foreign state's compass region (see _COMPASS_REGION), only in an article about one foreign state."""
    states = {p.name for p in places.values() if p.level == "country" and p.name not in _CHINA and p.mentions}
    if len(states) != 1 or "部区" not in text:
        return
    held = model_places.mention_index(places)
    for m in _COMPASS_REGION.finditer(text):
        if not held.overlaps(m.start(), m.end()):
            lo, hi = m.span()  # (区|希雷河: a reading that opened on the region's last character goes)
            model_places.drop_mentions_where(
                places, lambda p, x, lo=lo, hi=hi: lo <= x.start < hi and p.level in (None, "site"))
            model_places.named_place(places, m.group(), "province", "compass-region", next(iter(states))).mentions \
                .append(Span(m.group(), m.start(), m.end()))


def _bare_town_shorts(places: dict[str, Place]) -> None:
    """深入磨黑、同心、勐先等地 … 在勐先镇: a township's bare short form that a rule read as a site or the NER left untyped,
    where the article writes the township in full, is that township."""
    towns = {p.name[:-1]: p for p in places.values() if p.level == "town" and p.name[-1:] in "镇乡"
             and len(p.name) >= 3 and any(m.text == p.name for m in p.mentions)}
    for p in list(places.values()):
        into = towns.get(p.name)
        if into is not None and p is not into and p.level in (None, "site") and p.code is None \
                and p.name[-1] not in _TOWN_NAMED_AFTER and model_places.level_of(p.name) is None \
                and all(m.text == p.name for m in p.mentions):
            model_places.absorb(into, p)
    model_places.drop_empty(places)


def _township_communities(text: str, places: dict[str, Place]) -> None:
    """在买家集社区 where the article writes 买家集镇 in full: the community named after its township (the seat's) is a
    village of that township, though the village table does not list it; a bare short form read there is the
    community's."""
    for town in [p for p in places.values() if p.level == "town" and p.code and p.name[-1:] in "镇乡"]:
        short = town.name[:-1]
        if len(short) < 2 or not any(m.text == town.name for m in town.mentions):
            continue
        for at in occurrences(text, short + "社区"):
            end = at + len(short) + 2
            hits = _overlapping(places, at, end)
            if any(p is not town or m.text != short for p, m in hits):
                continue
            for _, m in hits:
                town.mentions.remove(m)
            model_places.named_place(places, short + "社区", "village", "township-community", town.name).mentions \
                .append(Span(short + "社区", at, end))


def _renamed_townships(text: str, places: dict[str, Place]) -> None:
    """在五道箐|乡参观 where the tables list 五道箐镇: a township written with the other of 乡 and 镇 than the tables give
    (one raised to a town since, or not yet) is that township as written, its 乡 or 镇 part of the mention."""
    for p in places.values():
        if p.level != "town" or p.code is None or p.name[-1:] not in "乡镇":
            continue
        other = "镇" if p.name.endswith("乡") else "乡"
        short = p.name[:-1]
        p.mentions = [Span(m.text + other, m.start, m.end + 1) if m.text == short and text.startswith(other, m.end)
                      and not text.startswith(_NOT_TOWNSHIP_SUFFIX, m.end) else m for m in p.mentions]


# 乡 and 镇 opening another word after a short form (太平|乡村振兴, 各|乡镇): no township's suffix.
_NOT_TOWNSHIP_SUFFIX = ("乡村", "乡镇", "镇村", "镇街", "乡亲", "乡土", "乡愁", "镇域")


def _site_named_town_shorts(text: str, places: dict[str, Place]) -> None:
    """云台山景区 … 云台山是修武的“聚宝盆”: a township's short form that is the name of a site the article writes, where
    the township itself is never written in full, is the site (the township is named after it, 云台山镇). And a
    township named after a lake or an island (泸沽湖镇, 微山岛镇) that the article writes in full: its bare
    name is the lake or the island, which the township took its name from (察看泸沽湖水质)."""
    sites = {p.name: p for p in places.values() if p.level == "site"}
    for p in list(places.values()):
        if p.level != "town":
            continue
        if any(m.text == p.name for m in p.mentions):
            short = p.name[:-1]
            bare = [m for m in p.mentions if m.text == short]
            if bare and p.name[-1] in "镇乡" and len(short) >= 2 and short[-1] in _TOWN_NAMESAKE_WATER:
                for m in bare:
                    model_places.move_mention(places, text, p, m, m.end, "site", "town-namesake")
            continue
        site = sites.get(next((m.text for m in p.mentions), ""))
        if site is not None and all(m.text == site.name for m in p.mentions):
            model_places.absorb(site, p)


# The last characters of a lake's or an island's name (not 山 or 河: 龙山, 清河 are as often a county; not 湾: 张家湾 is a
# hamlet). Two characters are enough (瀛湖 of 瀛湖镇): the township written in full in the same article is the second
# signal.
_TOWN_NAMESAKE_WATER = frozenset("湖岛")


def _town_shorts_opening_places(places: dict[str, Place]) -> None:
    """甲居藏寨 … 要把甲居、梭坡、中路三处藏寨连成一线: a township's short form the article never writes in full, where
    it writes a site or a village whose name that form opens, stands for that place (as 中路 for 中路藏寨), not for a
    township the article does not go to."""
    for p in [p for p in places.values() if p.level == "town" and p.mentions]:
        short = p.mentions[0].text
        if short == p.name or any(m.text != short for m in p.mentions):
            continue
        # (a village, or a site whose kind is all its name adds: 三星堆|遗址; not a reserve or park named after
        # a lake or a mountain the form may be itself, 兴凯湖|国家级自然保护区)
        q = next((q for q in places.values() if q.level in ("site", "village") and q.mentions
                  and q.name.startswith(short) and 0 < len(q.name) - len(short) <= 3), None)
        if q is not None:
            model_places.absorb(q, p)


def _river_named_shorts(places: dict[str, Place]) -> None:
    """在墨江流域 … 让墨江两岸…: a division's short form that the article also writes as a basin's river (墨江流域), and
    never in full, is the river: its mentions join the basin's (the county, 墨江哈尼族自治县, is elsewhere)."""
    basins = {p.name[:-2]: p for p in places.values() if p.level == "region" and p.name.endswith("流域") and len(p.name) >= 4}
    if not basins:
        return
    for key, p in list(places.items()):
        basin = basins.get(p.mentions[0].text) if p.mentions and p.level in ("district", "city") else None
        if basin is not None and all(m.text == p.mentions[0].text != p.name for m in p.mentions):
            model_places.absorb(basin, p)
            del places[key]


# How an old village is written beside its name (楼上|古寨 of 楼上村, 城子|古村 of 城子村).
_OLD_QUARTER_ENDS = ("古寨", "古村", "老寨")


def _old_quarters_of_villages(places: dict[str, Place]) -> None:
    """楼上古寨 … 楼上村: a site named by a village of the article's stem and 古寨 or 古村 is that village, written as
    its old quarter: its mentions are the village's."""
    villages = {p.name[:-1]: p for p in places.values() if p.level == "village" and p.name.endswith("村")}
    for key, p in list(places.items()):
        if p.level != "site" or not p.name.endswith(_OLD_QUARTER_ENDS) or len(p.name) < 4:
            continue
        village = villages.get(p.name[:-2])
        if village is not None and all(m.text == p.name for m in p.mentions):
            model_places.absorb(village, p)
            del places[key]


# 街津口|赫哲族乡: a people's township written with its people after the short form the gazetteer knows.
_PEOPLES_AFTER_SHORT = lazy_pattern.compile(r"(?:\p{Han}{1,4}?族){1,3}乡")


# A township written in full at the head of a grown site's name (澧阳镇|澧州文庙, 龙岗街道|北山石刻): its name is no common word
# (城乡, 城镇 are), and a site's name of three characters or more follows.
_TOWNSHIP_HEAD = lazy_pattern.compile(r"(\p{Han}{1,3}(?:[镇乡]|街道))(\p{Han}{3,})")


# A village at the head of a memorial's or a relic's name (水西村|新四军江南指挥部旧址, 王家坪村|八路军总部旧址, 堡头村|大汶口遗址):
# what the memorial keeps or the relic is named after is not the village, so a name of three characters or more stands
# between them. A pasture the village's herders use is named apart from it (牙曲村|莫曲夏季牧场), and so is a scenic area
# with a name of its own (田坝村|茶海之心景区).
_VILLAGE_HEAD = lazy_pattern.compile(
    r"(\p{Han}{1,3}村)(\p{Han}{3,}(?:旧址|故居|纪念馆|纪念碑|遗址)|\p{Han}{2,}牧场|\p{Han}{3,}(?:风景区|景区))")


def _township_tails_cut_off(text: str, places: dict[str, Place]) -> None:
    """阿木古郎|镇巴尔虎羊|产业园, 碾子|峪|镇西|岔古村: a site or park whose grown name opens with the end of a township the
    article names in full, written right before it, is named without that end (巴尔虎羊产业园, 西岔古村): jieba glued the
    township's last characters to the name, and the stem stopped at the word before them; the township gets the mention."""
    towns = [q for q in places.values() if q.level == "town" and len(q.name) >= 3]
    for key, p in list(places.items()):
        if p.level not in ("site", "park") or p.evidence not in ("park-suffix", "visited-site"):
            continue
        for town in towns:
            cut = next((n for n in (2, 1) if town.name.endswith(p.name[:n]) and len(town.name) > n), 0)
            if not cut or len(p.name) - cut < 4:
                continue
            lead = len(town.name) - cut
            if not p.mentions or not all(m.text == p.name and text[m.start - lead:m.start] == town.name[:lead]
                                         for m in p.mentions):
                continue
            site = model_places.named_place(places, p.name[cut:], p.level, p.evidence)
            for m in p.mentions:
                town.mentions.append(Span(town.name, m.start - lead, m.start + cut))
                site.mentions.append(Span(m.text[cut:], m.start + cut, m.end))
            town.mentions.sort(key=lambda m: m.start)
            del places[key]
            break


def _split_township_heads(places: dict[str, Place]) -> None:
    """A site grown over the township before it (澧阳镇澧州文庙) is the township and the site: the gazetteer
    missed the township, so the park rule took it for part of the site's stem; so is a memorial grown over its
    village (``_VILLAGE_HEAD``)."""
    for key, p in list(places.items()):
        if p.level != "site" or p.evidence not in ("park-suffix", "visited-site"):
            continue  # (a tour's stop read whole, 在牛角村云上茶乡景区，…, is grown over its village as a park's name is)
        head, level = _TOWNSHIP_HEAD.fullmatch(p.name), "town"
        if head is None and (head := _VILLAGE_HEAD.fullmatch(p.name)) is not None:
            level = "village"
        if head is None or jieba_freq().get(head[1], 0) >= visited_sites.COMMON_STEM \
                or visited_sites.station_kind_only(head[2]):
            continue  # (杜家村镇森林防火检查站: a station named only by its township keeps the township in its name)
        cut = len(head[1])
        lead = 1 if _joined_after_place(places, p, head[1]) else 0  # 景区|和|永宁乡城子古村: 和 joins, opens nothing
        name = head[1][lead:]
        town = _head_place(places, name, level)
        # (the same site the article writes alone elsewhere: 在城子古村)
        site = places.get("park:" + _park_key(head[2])) or model_places.named_place(places, head[2], "site", p.evidence)
        for m in p.mentions:
            if m.text.startswith(p.name):  # (石湾镇大浪古城|遗址: the mention may go on with the site's kind)
                town.mentions.append(Span(name, m.start + lead, m.start + cut))
                site.mentions.append(Span(m.text[cut:], m.start + cut, m.end))
        if site is not p:
            del places[key]


def _head_place(places: dict[str, Place], name: str, level: str) -> Place:
    """The township or village written at the head of a grown name: the one the gazetteer found elsewhere in the article
    where there is one (汤山街道 … 汤山街道石阡温泉群), else a place of its own."""
    return next((q for q in places.values() if q.level == level and q.name == name), None) or \
        model_places.named_place(places, name, level, "township-head" if level == "town" else "village-head")


def _joined_after_place(places: dict[str, Place], site: Place, head: str) -> bool:
    """Whether the township at the head of ``site``'s name opens with a conjunction (和, 与, 及) right after another
    place's mention: 阿庐古洞景区|和永宁乡…, where jieba read 和永宁 as one word."""
    if head[:1] not in "和与及" or len(head) < 3:
        return False
    starts = {m.start for m in site.mentions if m.text == site.name}
    return any(m.end in starts for q in places.values() if q is not site for m in q.mentions)


# The relic of an organ a county or city had (茶陵县|工农兵政府旧址, 瑞金市|苏维埃政府旧址): the organ was that
# division's, so its name opens the relic's.
_ORGAN_RELIC = lazy_pattern.compile(r"\p{Han}{0,6}?(?:政府|苏维埃|委员会|县委|市委|特委|司令部|指挥部|公署|办事处)(?:旧址|会址|遗址)")


def _organ_relics(places: dict[str, Place]) -> None:
    """A county's or city's full name right before the relic of an organ (``_ORGAN_RELIC``) opens the relic's
    name; the division keeps its place (the mention stays its, too)."""
    before = {m.end: m for p in places.values() if p.level in ("district", "city") for m in p.mentions
              if m.text == p.name and p.name.endswith(("县", "市", "旗"))}
    for key, p in list(places.items()):
        if p.level != "site" or not _ORGAN_RELIC.fullmatch(p.name):
            continue
        for m in [m for m in p.mentions if m.start in before]:
            head = before[m.start]
            p.mentions.remove(m)
            name = head.text + m.text
            model_places.named_place(places, name, "site", p.evidence).mentions.append(Span(name, head.start, m.end))
        if not p.mentions:
            del places[key]


def _peoples_townships(text: str, places: dict[str, Place]) -> None:
    """The township's mention runs on over its people's name (街津口赫哲族乡 of the gazetteer's 街津口乡)."""
    for p in places.values():
        if p.level != "town":
            continue
        for i, m in enumerate(p.mentions):
            tail = _PEOPLES_AFTER_SHORT.match(text, m.end, m.end + 12)
            if tail is not None and not m.text.endswith(("乡", "镇")):
                p.mentions[i] = Span(m.text + tail.group(), m.start, tail.end())


# 敖其|赫哲族村: a village named by its people, after the name it shares with its township.
_PEOPLES_VILLAGE = lazy_pattern.compile(r"(?:\p{Han}{1,4}?族){1,3}村")
_OWN_NAME = lazy_pattern.compile(r"(?:(?![的和与及等各])\p{Han}){2,3}")


def _peoples_villages(text: str, places: dict[str, Place]) -> None:
    """敖其镇|敖其赫哲族村: a village named by its township's name and its people is read from that name on (the
    village table's 赫哲族村 is another township's), and lies in that township."""
    towns = {p.name[:-1]: p.name for p in places.values() if p.level == "town" and p.name.endswith(("镇", "乡"))}
    town_ends = {m.end: p.name for p in places.values() if p.level == "town" for m in p.mentions if m.text == p.name}
    for p in [p for p in places.values() if p.level == "village"]:
        m = p.mentions[0] if len(p.mentions) == 1 else None
        if m is None or _PEOPLES_VILLAGE.fullmatch(m.text) is None:
            continue
        stem = next((text[m.start - n : m.start] for n in (4, 3, 2) if text[m.start - n : m.start] in towns), "")
        parent = towns.get(stem)
        if not stem:
            # 乌苏镇|抓吉|赫哲族村: the village's own name stands between its township's full name and its people.
            stem, parent = next(((text[m.start - n : m.start], town_ends[m.start - n]) for n in (2, 3)
                                 if m.start - n in town_ends and _OWN_NAME.fullmatch(text[m.start - n : m.start])),
                                ("", None))
        if stem:
            p.name, p.parent = stem + m.text, parent
            p.mentions = [Span(p.name, m.start - len(stem), m.end)]


_CHINA = HOME_STATE


def _china_named_sites(places: dict[str, Place]) -> None:
    """走进中国|古羌城: a site or park no table lists, written right after 中国, is named with it (中国古羌城, as 中国国家
    博物馆); the country's mention there is part of that name. Listed places (中国|雄安新区) keep theirs."""
    china = [(p, m) for p in places.values() if p.level == "country" for m in p.mentions if m.text in _CHINA]
    if not china:
        return
    after = {m.end: (p, m) for p, m in china}
    for p in [p for p in places.values() if p.level in ("site", "park") and p.evidence in ("ner", "park-suffix")]:
        for i, m in enumerate(p.mentions):
            hit = after.get(m.start)
            if hit is None:
                continue
            country, cm = hit
            country.mentions.remove(cm)
            p.mentions[i] = Span(cm.text + m.text, cm.start, m.end)
            if m.text == p.name:
                p.name = cm.text + p.name
    model_places.drop_empty(places)


# A people's stockaded village: 羌寨, 藏寨, 苗寨 … after the name of the township it is named by.
_PEOPLES_HAMLET = lazy_pattern.compile(r"[羌藏苗侗瑶彝傣壮佤土水布哈黎畲]寨")


def _peoples_hamlets(text: str, places: dict[str, Place]) -> None:
    """理县|桃坪|羌寨, 甘堡|藏寨: a township's short form right before a people's 寨 names the village (a 寨 named
    after its township), not the township; the mention becomes the village's."""
    for p in list(places.values()):
        if p.level not in ("town", "district"):
            continue
        for m in [m for m in p.mentions if m.text != p.name and _PEOPLES_HAMLET.match(text, m.end)]:
            model_places.move_mention(places, text, p, m, m.end + 2, "village", "peoples-hamlet", p.name)
    model_places.drop_empty(places)


# What may follow a mountain pass's 口: the clause or the list goes on, or a post kept there (在唐古拉山口|坚守的…).
_AFTER_PASS = lazy_pattern.compile(r"[，,。；;、）)]|来到|抵达|进入|后|坚守|值守|执勤|一带|附近")


def _mountain_passes(text: str, places: dict[str, Place]) -> None:
    """翻越巴颜喀拉山|口，: a mountain's name and 口 where the clause goes on, or a post is kept there, is the pass over
    it (a site of its own), not the mountain."""
    for p in list(places.values()):
        if not p.name.endswith("山") or p.level not in ("site", "region", None):
            continue
        for m in [m for m in p.mentions if text.startswith("口", m.end) and _AFTER_PASS.match(text, m.end + 1)]:
            p.mentions.remove(m)
            name = m.text + "口"
            model_places.named_place(places, name, "site", "pass").mentions.append(Span(name, m.start, m.end + 1))


def _lake_areas(places: dict[str, Place]) -> None:
    """汉源湖|库区移民安置点, 万安湖|库区, 梅山水库|库区, 溪洛渡水电站|库区, 莫愁湖|片区: the reservoir area or the quarter
    of a lake, a reservoir or a dam the text names is that lake, reservoir or dam (a site), not a region or zone of
    its own; an area named without either (丹江口库区, 三峡库区) stays the region it is."""
    for key, p in list(places.items()):
        if not (p.level == "region" and p.name.endswith(("湖库区", "水库库区", "电站库区", "枢纽库区"))) and not (
                p.level in ("zone", "region") and p.name.endswith("湖片区") and len(p.name) >= 5):
            continue
        area = "库区" if p.name.endswith("库区") else "片区"
        lake = model_places.named_place(places, p.name.removesuffix(area), "site", p.evidence, p.parent)
        lake.mentions = sorted([*lake.mentions, *(Span(m.text.removesuffix(area), m.start, m.end - 2)
                                                 for m in p.mentions if m.text.endswith(area))],
                               key=lambda m: m.start)
        del places[key]


def _ring_regions(text: str, places: dict[str, Place]) -> None:
    """环|青海湖|地区: the lands around a place are a region of their own, whatever the place's mention resolved to
    (here a township named after the lake, which the article's county made likely); a sea or region written with
    地区 (里海地区) is mentioned so."""
    for p in list(places.values()):
        ring = [m for m in p.mentions if text[m.start - 1 : m.start] == "环" and text.startswith(("地区", "区域"), m.end)]
        for m in ring:  # (环三都澳区域 likewise)
            name = text[m.start - 1 : m.end + 2]
            model_places.named_place(places, name, "region", "region-list").mentions.append(
                Span(name, m.start - 1, m.end + 2))
        if ring:
            p.mentions = [m for m in p.mentions if m not in ring]
        if p.level in (None, "region", "site") and any(text.startswith("地区", m.end) for m in p.mentions):
            # 里海|地区, 中亚|地区: a sea's or a region's name before 地区 is the area as written
            p.mentions = [Span(m.text + "地区", m.start, m.end + 2) if text.startswith("地区", m.end) else m
                          for m in p.mentions]  # (its level stays: 喀土穆地区 is the city's area, 喀土穆 a city)


# 大兴安岭|西麓, 贺兰山|东麓: the side of a mountain range, a region.
_FOOTHILL = lazy_pattern.compile(r"[东西南北]麓")


def _parts_as_regions(text: str, places: dict[str, Place], part: regex.Pattern, levels: tuple[str | None, ...],
                      exclude: frozenset[str] = frozenset()) -> None:
    """A place's mention followed by a part of it is a region of that name, and the mention is the region's: a
    mountain's side (贺兰山东麓, 大兴安岭西麓, whatever the mountain resolved to: 大兴安岭 is also a prefecture's short
    form), a province's or a foreign state's compass part (吉林西部, 越南北部地区; China's own parts are curated)."""
    for p in [p for p in places.values() if p.level in levels and p.name not in exclude]:
        parts = [(m, k) for m in p.mentions if (k := part.match(text, m.end)) is not None]
        # (吉林省|东南部, 安大略省|南部: a province written in full with its kind before its part is the province, where the
        # part says where in it; 吉林西部, 加州南部, 得州东部 are regions' names)
        regions = [(m, k) for m, k in parts if not (m.text == p.name and (
            m.text.endswith(("省", "自治区")) or (m.text.endswith("州") and len(m.text) >= 3)))]
        for m, k in parts:
            model_places.drop_mentions_within(places, m.end, k.end())  # (湖南|西部地区: the part is no region alone)
        for m, k in regions:
            name = text[m.start : k.end()]
            model_places.named_place(places, name, "region", "region-list").mentions.append(Span(name, m.start, k.end()))
        if regions:
            gone = {id(m) for m, _ in regions}
            p.mentions = [m for m in p.mentions if id(m) not in gone]


# 武当山|紫霄宫, 浮丘山|碧霞宫: a temple's own name of two or three characters right after its mountain.
_MOUNTAIN_TEMPLE = lazy_pattern.compile(r"(\p{Han}{2,3}?)(?:宫|观|寺|庙|祠|庵|殿)")
_VENUE_PALACES = frozenset(("文化宫", "少年宫", "青少年宫", "青年宫", "科技宫", "体育宫", "工人文化宫"))


def _mountain_temples(text: str, analysis: Analysis, places: dict[str, Place]) -> None:
    """A temple named right after the mountain it stands on is a site of its own name, the mountain's with it
    (武当山紫霄宫, as 五台山显通寺 is read from its 寺): the mountain keeps its mention; a venue is no temple (…山|文化宫),
    nor is an ending inside a word of the segmenter's (…|宫殿)."""
    for p in [p for p in places.values() if p.level in (None, "site")]:
        for m in [m for m in p.mentions if m.text.endswith("山")]:
            t = _MOUNTAIN_TEMPLE.match(text, m.end)
            if t is None or t.group() in _VENUE_PALACES or not analysis.is_token_boundary(t.end()) or any(
                    q.start < t.end() and m.start < q.end and q is not m for o in places.values() for q in o.mentions
                    if (q.start, q.end) != (m.start, m.end)):
                continue
            name = text[m.start : t.end()]
            model_places.named_place(places, name, "site", "mountain-temple").mentions.append(Span(name, m.start, t.end()))


# 吉林|西部, 越南|北部地区: a compass part of a province or a state (not 广西|北部湾, a gulf, nor 喀麦隆|南部港口城市, a
# town described by where it lies).
_COMPASS_PART = lazy_pattern.compile(r"(?:[东西南北中]|东北|西北|东南|西南|中西|中东)部(?:地区)?(?!湾|\p{Han}{0,4}?(?:城市|港口|重镇))")


# 大洪山|南麓 where no table lists the mountain: its name, two to four characters, then 山 or 岭 and the side.
_UNLISTED_FOOTHILL = lazy_pattern.compile(r"(\p{Han}{2,4}?[山岭])" + _FOOTHILL.pattern)


def _unlisted_foothills(text: str, analysis: Analysis, places: dict[str, Place]) -> None:
    """大洪山南麓: the side of a mountain no table lists is a region too, where the mountain's name is no common word
    (not 大山|南麓) and starts a word; the mountain's name is its other name (as 天山南麓's 天山)."""
    held = model_places.mention_index(places)
    for m in _UNLISTED_FOOTHILL.finditer(text):
        mountain_end = m.end(1)
        for lo in range(mountain_end - 3, max(m.start(), mountain_end - 5) - 1, -1):
            stem = text[lo : mountain_end - 1]
            if not analysis.is_token_boundary(lo) or is_common_word(stem) or is_common_word(text[lo:mountain_end]) or \
                    any(t.pos[:1] in _NOT_MOUNTAIN_TAGS for t in analysis.tokens_in(lo, mountain_end)):
                continue
            if not held.overlaps(lo, m.end()):
                name = text[lo : m.end()]
                region = model_places.named_place(places, name, "region", "region-list")
                region.mentions += [Span(name, lo, m.end()), Span(text[lo:mountain_end], lo, mountain_end)]
            break


# Words of these tags name no mountain (依托|大洪山, 坐落|在|大山).
_NOT_MOUNTAIN_TAGS = frozenset("pvcudrfmqx")


HAMLET_SUFFIXES = ("侗寨", "苗寨", "瑶寨")


# A village's or community's own organ, as the NER reads it whole (荷香村党支部, 胜芳镇荷香村党支部): the village opens
# it, after its township where that is written; the village's name has two characters or more before its kind
# (新村, 该村 name none).
_VILLAGE_ORGAN = lazy_pattern.compile(r"(?:(\p{Han}{2,4}?(?:镇|乡|街道)))?(\p{Han}{2,6}?(?:村|社区|嘎查))"
                               r"(?:党支部|党总支|党委|村委会|居委会|村民委员会|居民委员会)")


_NOT_VILLAGE_STEM_TAGS = ("v", "d", "p", "c", "r", "u")


def _short_head_only(places: dict[str, Place], start: int, end: int) -> bool:
    """Whether what is held inside [start, end) is only a division's short form opening it (水车 of 水车社区, read as
    水车镇 where the page is the township's own)."""
    inside = [(p, m) for p in places.values() for m in p.mentions if m.start < end and start < m.end]
    return bool(inside) and all(m.start == start and m.end < end and m.text != p.name
                                and p.level in ("district", "town") for p, m in inside)


def _organ_villages(text: str, an: Analysis, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """荷香村|党支部书记: the village whose organ the NER reads as an organisation is a place of the article, though
    no table lists it."""
    held = model_places.mention_index(places)
    for e in an.ner or ():
        om = _VILLAGE_ORGAN.fullmatch(e.text) if e.label == "ORG" else None
        if om is None or len(om.group(2)) < 3 or om.group(2)[0] in "该各本全每" or tag_table().get(
                om.group(2)[: -1 if om.group(2).endswith("村") else -2], "").startswith(_NOT_VILLAGE_STEM_TAGS):
            continue  # (总书记希望|村党支部…: a verb before 村 names no village)
        a, b = e.start + om.start(2), e.start + om.end(2)
        name = om.group(2)
        if held.overlaps(a, b) and not _short_head_only(places, a, b) or in_person(a, b) or not an.is_token_boundary(a) or any(
                p.level == "village" and len(p.name) > len(name) and text.endswith(p.name, 0, b)
                for p in places.values()):
            continue  # (乌兰|敖都嘎查党支部: the NER cut off the head of a village found already)
        model_places.drop_mentions_within(places, a, b, short_only=True)  # (水车|社区: not the township 水车镇)
        village = model_places.named_place(places, name, "village", "ner", om.group(1))
        # (the village written again alone, 荷香村的花灯, is the same one)
        village.mentions.extend(Span(name, i, i + len(name)) for i in occurrences(text, name)
                                if not held.overlaps(i, i + len(name)) and all(m.start != i for m in village.mentions))
        village.mentions.sort(key=lambda m: m.start)
        held = model_places.mention_index(places)


# A part of a continent (东非, 西亚, 中东): the region of that part a name after it narrows (东非|大湖地区).
_CONTINENT_PART = lazy_pattern.compile(r"(?:[东西南北中]|东南|西南|东北|西北)?[亚非欧美]|中东|拉美")


def _joined_regions(text: str, places: dict[str, Place]) -> None:
    """东非|大湖地区, 西非|萨赫勒地区: a part of a continent written right before a region's area of its own (not another
    part: 南亚|东南亚 and 西亚|北非地区 are two, as most check sets' annotators list them) names one region with it."""
    for p in [p for p in places.values() if p.level == "region"]:
        for m in list(p.mentions):
            if not m.text.endswith("地区") or _CONTINENT_PART.fullmatch(m.text.removesuffix("地区")):
                continue
            lead = next((n for n in (3, 2) if m.start >= n and _CONTINENT_PART.fullmatch(text[m.start - n : m.start])
                         and localities.is_region(text[m.start - n : m.start])), 0)
            if not lead:
                continue
            start = m.start - lead
            model_places.drop_mentions_within(places, start, m.start)
            p.mentions.remove(m)
            name = text[start : m.end]
            model_places.named_place(places, name, "region", "joined-regions").mentions.append(Span(name, start, m.end))
    model_places.drop_empty(places)


def _join_hamlets(places: dict[str, Place]) -> None:
    """上堡村 … 走进上堡侗寨: a village and its Dong or Miao hamlet of the same name are one place, the village."""
    villages = {p.name: p for p in places.values() if p.level == "village"}
    for key, p in list(places.items()):
        village = villages.get(p.name[:-2] + "村") if p.level == "site" and p.name.endswith(HAMLET_SUFFIXES) else None
        if village is not None:
            village.mentions = sorted(village.mentions + p.mentions, key=lambda m: m.start)
            del places[key]


# A villagers' group named after its hamlet, right after its village (中坪村|桃树湾组, …|桃树湾村民小组), or the hamlet
# itself (福兴村|后窝堡屯 in the north-east, 蕉路村|上寮自然村): not a team (工作组, 专家组), a numbered group (三组) or a word
# going on (组织, 组长, 组团; 屯子, 屯垦, 屯兵); a hamlet of the north-east may be named by its side or place alone (新兴村|北屯,
# 兴胜村|腰屯, the middle one).
_VILLAGER_GROUP = lazy_pattern.compile(
    r"(\p{Han}{2,4}?|[东西南北前后腰上下中大小](?=屯))(?:村民小组|自然村|组(?![织长成建合员团委])|屯(?![子垦兵田]))")
_GROUP_NOT_FIRST = frozenset("和与及在的是把将对为从向于了着并同跟到各全每该这那民")
# How a hamlet's name ends where it is a common word too (沟口, 河湾, 山坳, 石门): a landform or a gate, a pit or a
# fort, not a team's work (工作, 专家).
_HAMLET_LAST = frozenset("口沟湾坳坪岭坡梁峪洼塘坝嘴岔垭冲门坑洞堡桥庄屋")


def _thing_named_hamlet(word: str) -> bool:
    """黄龙村|石磨|组: a word jieba tags a place's or an abbreviation, or a plain noun of a thing (a stone mill) no team is
    named by, names the hamlet; the nouns of people and work that name a village's teams do not (专家组, 网格组, 党小组)."""
    tag = tag_table().get(word, "")
    return tag in ("ns", "j") or (tag == "n" and word not in _TEAM_NOUNS)


# The nouns a village's working teams are named by (专家组, 志愿组, 网格组, 项目组 …), no hamlet's name.
_TEAM_NOUNS = frozenset(("专家", "志愿", "领导", "项目", "课题", "网格", "技术", "医疗", "文艺", "舞蹈", "村民", "妇女", "党",
                         "产业", "科技", "环境", "信息", "专班", "工作", "干部", "代表", "党员", "委员", "成员", "小",
                         "支部", "调查", "评估", "督查", "纪检", "宣讲", "服务", "救援", "后勤", "安保", "联络", "专业"))


# 走进|谷地村|坝竜组: a village named by a common word, written right after a visit's verb and right before one of its
# villagers' groups (which the group rule below reads after it).
_VILLAGE_BEFORE_GROUP = lazy_pattern.compile(
    r"(?<=走进|来到|深入|前往|又到|在)(\p{Han}{2,3}村)(?=\p{Han}{2,4}?(?:村民小组|自然村|组(?![织长成建合员团委])))")


def _villages_before_groups(text: str, places: dict[str, Place]) -> None:
    """The village a visit's stop names before its group (走进谷地村坝竜组), where no table or model read it."""
    held = None
    for m in _VILLAGE_BEFORE_GROUP.finditer(text):
        name = m.group(1)
        g = _VILLAGER_GROUP.match(text, m.end())
        if g is None or name[0] in _GROUP_NOT_FIRST or g.group(1)[0] in _GROUP_NOT_FIRST:
            continue
        held = model_places.mention_index(places) if held is None else held
        if held.overlaps(m.start(), m.end()):
            continue
        model_places.named_place(places, name, "village", "village-before-group").mentions.append(
            Span(name, m.start(), m.end()))
        held = None  # (the index is read again after an addition)


def _villager_groups(text: str, places: dict[str, Place]) -> None:
    """在中坪村|桃树湾组, 福兴村|后窝堡屯, 蕉路村|上寮自然村: the villagers' group or hamlet a village holds is a village-level place of its
    own, its parent the village; a name read there already (桃树湾, a bay's site to the model) is the group's."""
    _villages_before_groups(text, places)
    villages = [(m.end, p.name) for p in places.values() if p.level == "village" for m in p.mentions]
    for end, village in villages:
        g = _VILLAGER_GROUP.match(text, end)
        if g is None or g.group(1)[0] in _GROUP_NOT_FIRST or all(c in _NUMERAL_CHARS or c.isdigit() for c in g.group(1)):
            continue
        held = [(p, m) for p in places.values() for m in p.mentions if end <= m.start < g.end()]
        if any(m.end > g.end() or (m.start, m.end) not in ((end, g.end(1)), (end, g.end())) for _, m in held):
            continue  # (a longer place runs on: not a group's name; the NER's read of the hamlet, or of it whole, is)
        if len(g.group(1)) > 1 and is_common_word(g.group(1)) and not held and g.group(1)[-1] not in _HAMLET_LAST \
                and not _thing_named_hamlet(g.group(1)):
            continue  # (工作组, 专家组: a team; 桐梓村|大湾|组, where the NER read the hamlet 大湾, is a group; so is 石岔村|
            # 沟口组, a common word that ends as a hamlet's name does, and 东春村|六合组, a word jieba tags a place's or
            # an abbreviation, no team's work)
        for p, m in held:
            p.mentions.remove(m)
        model_places.drop_empty(places)  # (the NER's 下寮自然村, read whole, goes: the group of the same key takes its place)
        name = g.group()
        model_places.named_place(places, name, "village", "villager-group", village).mentions.append(
            Span(name, end, g.end()))
    model_places.drop_empty(places)


# 回、汉、满、蒙古等多个民族: a list of peoples, each by its short name, some of which name states or places too.
_PEOPLES_AFTER = lazy_pattern.compile(r"(?:、\p{Han}{1,4}){0,8}等(?:多个|各|\d+个|[一二三四五六七八九十几]+个)?(?:少数)?民族")


def _in_ethnic_list(text: str, m: Span) -> bool:
    after = _PEOPLES_AFTER.match(text, m.end)
    return after is not None and ("、" in after.group() or text[m.start - 1 : m.start] == "、")


# “陆上三峡”, “塞上江南”: a quoted phrase that likens something to a place by a modifier before the place's name.
_LIKENESS = lazy_pattern.compile(r"“(?:陆上|海上|空中|地下|塞上|草原|沙漠|东方|西部|北方|南方|新|小)\p{Han}{2,4}”")


# “丝绸之路经济带上的明珠”, “雷公山下的葡萄村”: a quoted likeness of something to a thing at a place (not quoted
# words of a stance: “支持巴勒斯坦人民的决心”).
_OF_LIKENESS = lazy_pattern.compile(r"“[^“”]{2,12}[上下里中边畔间]的\p{Han}{1,4}”")


def _quoted_likeness(text: str, m: Span) -> bool:
    """The mention ends a quoted likeness (“陆上三峡”) or lies in one of a thing of a place (“…经济带上的明珠”):
    the watchword names no place."""
    lo = text.rfind("“", max(0, m.start - 4), m.start)
    if lo >= 0 and m.start > lo + 1 and text[m.end : m.end + 1] == "”" and _LIKENESS.fullmatch(text, lo, m.end + 1):
        return True
    lo = text.rfind("“", max(0, m.start - 12), m.start + 1)
    likeness = _OF_LIKENESS.match(text, lo) if lo >= 0 and "”" not in text[lo : m.end] else None
    return likeness is not None and likeness.end() > m.end


# “黄河三峡”文旅品牌, “西藏江南”金字招牌, “波罗的海明珠”综合社区项目: a short quoted name followed by what it
# brands; a place's name inside it is a word of the brand.
_BRANDED = lazy_pattern.compile(r"”(?:\p{Han}{0,4}(?:品牌|招牌|名片|IP)|\p{Han}{0,6}项目)")


def _quoted_brand(text: str, m: Span) -> bool:
    """The mention lies inside a short quoted brand name (`_BRANDED`) that holds more than the place's name."""
    lo = text.rfind("“", max(0, m.start - 8), m.start + 1)
    hi = text.find("”", m.end, m.end + 8)
    if lo < 0 or hi < 0 or "”" in text[lo:m.start] or hi - lo - 1 > 10 or (lo + 1, hi) == (m.start, m.end) \
            or text[hi - 1] in DIVISION_LAST:
        return False  # (“江苏宜兴市”品牌: a place's full name is the brand, and a place)
    return _BRANDED.match(text, hi) is not None


# “江西省乡村旅游重点村”, “浙江省美丽乡村示范县”: an honour a province or city awards, quoted, is no place there.
_HONOUR_END = lazy_pattern.compile(r"(?:重点村|示范村|名村|名镇|特色小镇|示范县|示范区|先进县|文明村|文明镇|美丽乡村)”")


def _quoted_honour(text: str, m: Span) -> bool:
    """The mention opens a short quoted honour (`_HONOUR_END`)."""
    if text[m.start - 1 : m.start] != "“":
        return False
    hi = text.find("”", m.end, m.end + 16)
    honour = _HONOUR_END.search(text, m.end, hi + 1) if hi >= 0 else None
    return honour is not None and honour.end() == hi + 1


def _author_spans(text: str, authors: list[str]) -> list[tuple[int, int]]:
    """Where the reporters' and editors' names stand (authors are names without spans)."""
    return [(m.start(), m.end()) for a in authors if len(a) >= 2 for m in regex.finditer(regex.escape(a), text)]


# A country named inside a formula or a brand names no place there: the One-China formula (一个中国政策), a
# place's quoted brand (“中国薰衣草之乡”, “中国畲乡”, “中国最早的城市”), an event styled with the country and a dot (2026中国·布拖彝族火把节),
# a national programme named for the country it would make (美丽中国, 平安中国, 数字中国, 考古中国), a national day or
# festival (中国农民丰收节), a national designation (中国传统村落, 中国历史文化名镇), the formula 同中国具体实际相结合, an
# outlet's name opening its report (中国人大网讯, 中国青年报讯).
_FORMULA = lazy_pattern.compile(r"一个中国(?:政策|原则)|中国(?:(?!的)\p{Han}){2,5}节(?!日)|“(?:中国|全国|世界)\p{Han}{1,10}(?:之?(?:乡|都|城)|城市|乡村|村|镇|县城)”|中国·[\p{Han}“”]{2,16}?(?:节|会|赛|展)"
                         r"|(?:美丽|平安|健康|数字|法治|书香|智慧|幸福|清廉|诚信|考古)中国"
                         r"|中国(?:传统村落|历史文化名[城镇村]|重要农业文化遗产|具体实际)"
                         r"|中国\p{Han}{0,8}?(?:网|报|台|社)讯")


def _in_formula(text: str, m: Span) -> bool:
    if text[m.start : m.end] != "中国":
        return False  # (布拖 of 中国·布拖彝族火把节 is where the festival is)
    lo = max(0, m.start - 4)
    return any(f.start() <= m.start and m.end <= f.end() for f in _FORMULA.finditer(text, lo, min(len(text), m.end + 20)))


def _listed(name: str) -> bool:
    """A whole item the tables list (“北京、上海”) is a place even in quote marks; one only the model read
    (“塞上江南、江南塞上”) is a word of the watchword."""
    return bool(load().lookup(name))


def _in_quoted_parallel(text: str, m: Span) -> bool:
    """“北国江南、江南北国”: a parallel formulation in quote marks, its places words of the watchword."""
    items = quoted_parallel_items(text, m.start, m.end, reach=20)
    return items is not None and (m.text not in items or not _listed(m.text))


# “旅游兴县”, “工业强市”, “文化大省”: a goal for a place, quoted; its last characters name no place (兴县 is a county).
_GOAL_QUOTE = lazy_pattern.compile(r"“\p{Han}{2,8}(?:强|兴|大)(?:省|市|县|区)”")


def _in_goal_quote(text: str, start: int, end: int) -> bool:
    """The mention is a quoted goal's last two characters (“旅游|兴县”), not a place named in quotes (“北京大兴区”)."""
    if text[end : end + 1] != "”" or end - start != 2:
        return False
    opened = text.rfind("“", max(0, start - 10), start)
    return opened >= 0 and _GOAL_QUOTE.fullmatch(text, opened, end + 1) is not None


def _candidates(ctx: Context, doc: _Doc, gz: Gazetteer, in_person: Callable[[int, int], bool]) -> list[Cand]:
    """Steps 1–3: name hits on word boundaries outside organisations, parks grown from their suffixes,
    deictic mentions and 京, settled longest first."""
    text = ctx.text
    hits = list(gz.scan(text))
    names, org_spans = [], []
    venue_places: set[tuple[int, int]] = set()
    firm_starts: set[int] = set()
    nested = _nested_pairs(gz, hits)
    inner_starts = {s for s, _ in nested}
    abroad = _speaks_of_abroad(ctx, gz, hits)
    for c in _name_cands(doc, gz, hits, nested, abroad):
        at_venue = _at_venue(doc, c.start, c.end)
        if at_venue:
            venue_places.add((c.start, c.end))
        # (四川|自贡恐龙博物馆: the province before the place a body is named from says where the body is; a firm's
        # goes with it, below)
        # (中国|延安干部学院: China's name opens a national body's own name, it locates nothing)
        locates = (c.start, c.end) in nested and c.end in inner_starts and text[c.start : c.end] not in _CHINA \
            and not _inside_org(doc, c.end, COMPANY_SUFFIXES)
        if _inside_org(doc, c.end) and not at_venue and not locates:
            org_spans.append((c.start, c.end))
            if _inside_org(doc, c.end, COMPANY_SUFFIXES):
                firm_starts.add(c.start)
        elif not in_person(c.start, c.end):
            names.append(c)
    persons = frozenset(o.name for o in ctx.doc.officials if o.name)
    parks, companies = [], []
    for c in _park_cands(doc, gz, hits, persons) + _city_ports(doc, gz, hits):
        # 北京丽泽金融商务区|控股有限公司: a zone's name heading a company is the company's
        (companies if _inside_org(doc, c.end, COMPANY_SUFFIXES) else parks).append(c)
    org_spans += [(c.start, c.end) for c in companies]
    # a name inside a longer one that heads an organisation goes with it (中关村 of
    # 中关村国家自主创新示范区展示中心), and so does the place it is nested in (中国|雄安|集团)
    starts = {s for s, _ in org_spans}
    firm_starts |= {c.start for c in companies}
    while True:
        # …but not the places that locate a school, hospital or organ (重庆|石柱县|中益乡小学, 安徽|合肥市太湖路小学):
        # a body other than a firm is named from one place, and the places written before it say where it is
        joined = [
            c for c in names
            if c.end in firm_starts and c.start not in starts and (c.start, c.end) in nested
            and (c.start, c.end) not in venue_places
        ]
        if not joined:
            break
        org_spans += [(c.start, c.end) for c in joined]
        starts |= {c.start for c in joined}
        firm_starts |= {c.start for c in joined}
    in_org = SpanIndex(org_spans).contains
    in_company = SpanIndex((k.start, k.end) for k in companies).contains
    names = [c for c in names if not in_org(c.start, c.end)]
    parks = [c for c in parks if not in_company(c.start, c.end)]
    deictic = [Cand(h.start, h.end, "deictic", h) for h in hits if h.deictic and doc.start_ok(h.start)]
    return _settle(names + parks + deictic + _jing(gz, text, dict(doc.model_locations())))


def _meta_candidates(ctx: Context, gz: Gazetteer) -> list[Cand]:
    """Context from the metadata too: a paper called 北京日报 is about Beijing, a page of 松阳县人民政府门户网站 about
    松阳县."""
    meta = " ".join(filter(None, [ctx.doc.source, ctx.doc.title, ctx.site]))
    source = ctx.doc.source or ""
    out = [Cand(h.start, h.end, "name", h, senses=_outlet_senses(gz, source, h)) for h in gz.scan(meta)
           if h.senses and len(h.surface) >= 2]
    # 本报延吉1月27日电: a dateline names where the report was filed by the short form the news writes, as sure as a
    # full name (a bare county short elsewhere needs its province or city nearby)
    line = _DATELINE_PLACE.search(ctx.text, 0, 80)
    senses = {k: gz.entries[k] for k, _ in gz.surfaces.get(line["town"], ())} if line else {}
    if line and len(senses) == 1 and (e := next(iter(senses.values()))).level in ("city", "district"):
        at = len(meta) + 1  # (placed after the metadata's text: no rule reads it as the source's own name)
        out.append(Cand(at, at + len(line["town"]), "name", None, senses=[(e, FULL)]))
    return out


# What a county's or city's own outlet is called after its short name (宿松融媒, 安吉发布, 巩义日报, 江津区融媒体中心).
_OUTLET_AFTER = lazy_pattern.compile(r"融媒|发布|日报|新闻|广播电视台|电视台|宣传")


def _outlet_senses(gz: Gazetteer, source: str, h: Hit) -> list[tuple[Entry, str]]:
    """The senses of a name in the metadata. A short form opening the source's name, which its outlet word follows
    (宿松|融媒, 安吉|发布), names the county or city as surely as its full name, never a township of that name (安吉街道):
    an outlet is named for the one division it serves."""
    senses = [(gz.entries[k], kd) for k, kd in h.senses]
    if h.start != 0 or h.end > len(source) or not _OUTLET_AFTER.match(source, h.end):
        return senses
    served = [(e, FULL if kd == SHORT else kd) for e, kd in senses if e.level in ("province", "city", "district")]
    return served or senses


_DATELINE_PLACE = lazy_pattern.compile(r"(?:新华社|中新社|人民日报|光明日报|经济日报|央视网?|总台|央广|本报|本台)"
                                r"(?P<town>\p{Han}{2,4}?)(?=\d{1,2}月\d{1,2}日电)")


# Verbs and prepositions of going to or being at a place, right before a name.
_GOING_TO = lazy_pattern.compile(r"(?:在|到|来到|赴|前往|走进|深入|抵达|途经|从)$")


def _model_vouches(doc: _Doc, settled: list[Cand], w: Counter) -> None:
    """A county's bare short form right after a verb of going or being there, which the NER reads as a place on
    the very span (来到巩义调研) and which names one county only, needs no province or city beside it: the two
    readings agree. It vouches for itself alone (its weight, not its ancestors'). (Elsewhere such a short form
    spells too many other things: 贵南高铁, 开江鱼, 惠农.)"""
    model_locs = doc.model_locations()
    for c in settled:
        if c.kind == "name" and len(c.senses) == 1 and (c.start, c.end) in model_locs \
                and _GOING_TO.search(doc.text, max(0, c.start - 2), c.start):
            e, kind = c.senses[0]
            if kind == SHORT and e.level == "district" and not w[e.key] and not is_common_word(c.hit.surface) \
                    and not _compass_couplet(doc.text, c.start, c.end):
                w[e.key] = 1


def _compass_couplet(text: str, start: int, end: int) -> bool:
    """连南接北, 承东启西: a four-character couplet of two compass points, whose first half a county's short form
    may spell."""
    return text[end - 1] in COMPASS and text[end + 1 : end + 2] in COMPASS and end + 1 < len(text) and end - start == 2


COMPASS = frozenset("东西南北")


def _resolve_rounds(gz: Gazetteer, settled: list[Cand], meta_cands: list[Cand]) -> Counter:
    """Step 4: weigh every sense by the document; a second round lets what the first pinned down (通州区 →
    Beijing's) support the rest (西集). Returns the final weights."""
    w = _weights(gz, settled, meta_cands)
    for c in settled:
        if c.kind == "name" and len({e.key for e, _ in c.senses}) > 1:
            e, kind = _resolve(gz, c, w)
            if e is not None and not (e.level == "town" and kind == SHORT):
                c.senses = [(e, kind)]
    return _weights(gz, settled, meta_cands)


def _group(
    text: str, gz: Gazetteer, settled: list[Cand], w: Counter, meta_cands: list[Cand]
) -> tuple[dict[str, Place], dict[tuple[int, int], str], dict[str, str]]:
    """Step 5: one Place per real place with its mentions; how each mention names it; parks' head stems."""
    places: dict[str, Place] = {}
    kinds: dict[tuple[int, int], str] = {}  # how each mention names its place
    park_heads: dict[str, str] = {}

    for c in settled:
        span = Span(text[c.start : c.end], c.start, c.end)
        if c.kind == "name":
            e, kind = _resolve(gz, c, w)
            if e is None:
                levels = {x.level for x, _ in c.senses}
                full = all(k in (FULL, ALIAS) for _, k in c.senses)
                if kind == "ambiguous" and full and ("town" not in levels or (levels == {"town"} and _named_township(c.hit.surface))):
                    # a real name we cannot pin down: keep it, codeless (a township written with its suffix, 万家镇,
                    # is one though the article does not say which county's)
                    key = f"?{c.hit.surface}"
                    places.setdefault(key, Place(name=c.hit.surface, level=levels.pop() if len(levels) == 1 else None,
                                                 evidence="gazetteer:ambiguous"))
                    places[key].mentions.append(span)
                continue
            _entry_place(places, gz, e).mentions.append(span)
            kinds[(c.start, c.end)] = kind
        elif c.kind == "park":
            if _NUMBERED_NAME.fullmatch(c.name):
                continue  # 一城两寺: a numbered formulation, not a temple
            key = "park:" + _park_key(c.name)
            if key not in places:
                places[key] = Place(name=_park_key(c.name), level=_park_level(c.name), evidence="park-suffix")
            places[key].mentions.append(span)
            if c.head:
                park_heads.setdefault(key, c.head)

    # 我市/我省/我区 resolve last, to the most-mentioned place of their level (own mentions only:
    # the district hosting 经开区 is not the paper's district because 经开区 is)
    own = Counter({k: len(p.mentions) for k, p in places.items() if k in gz.entries})
    for c in settled:
        if c.kind == "deictic" and c.hit:
            e = _home(gz, own + _meta_counts(meta_cands), c.hit.deictic or "")
            if e is not None:
                _entry_place(places, gz, e).mentions.append(Span(text[c.start : c.end], c.start, c.end))
                kinds[(c.start, c.end)] = ALIAS
    return places, kinds, park_heads


# Counted kinds of place read as one name (一城两寺, 一湖两岸): a formulation.
_NUMBERED_NAME = lazy_pattern.compile(r"[一二两三四五六七八九十]\p{Han}[一二两三四五六七八九十]\p{Han}{1,2}")
# The gazetteer drops a lone township or village name as a likely coincidence (a Chinese 蒙西镇 for the one
# in New York): where the model reads the same span as a place, the place stands, without a code.
_COINCIDENCE_LEVELS = frozenset({"town", "village"})


def _add_localities(ctx: Context, doc: _Doc, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """Villages, sites and regions (`_localities`) where no division, zone or park already stands."""
    taken = model_places.mention_index(places).overlaps
    # (a township's code opens with its county's: 杨家泊镇 names 滨海新区 where the article does not)
    counties = {p.code[:6] for p in places.values() if p.code and p.level in ("district", "town")}
    towns = {p.name for p in places.values() if p.level == "town"}
    for loc in localities.find(ctx.text, ctx.analysis, counties, towns):
        if loc.level == "region" and _trim_grown_region(places, doc.gz, loc.start, loc.end):
            taken = model_places.mention_index(places).overlaps
        if taken(loc.start, loc.end) and (
                (loc.level == "region" and _regions_within(places, loc.start, loc.end))
                or (loc.level == "site" and _short_forms_within(places, loc.start, loc.end,
                                                                ctx.text.startswith(SITE_SUFFIXES, loc.end)))
                or (loc.level == "village" and loc.parent and (_short_forms_within(places, loc.start, loc.end)
                                                               or _old_village_read_as_site(places, loc.start, loc.end)
                                                               or _foreign_within(places, loc, counties)))):
            # 粤东北地区, 中西部地区: the longer region wins over the one its words hold (东北地区, 西部地区), a listed
            # bay over the state it is named after (墨西哥湾); a listed site over its division's short form
            # (山西|平遥古城: 平遥 of 平遥县 is the site's name here), and a listed village whose township the
            # article fixes likewise (涿州|万全庄村, not 万全区)
            model_places.drop_mentions_within(places, loc.start, loc.end)
            taken = model_places.mention_index(places).overlaps
        grown = _grown_same(places, loc.start, loc.end) if loc.level == "site" and not (
            in_person(loc.start, loc.end) or _inside_org(doc, loc.end)) else []
        if grown:
            taken = model_places.mention_index(places).overlaps  # (玉龙雪山: the list's entry, with its city, wins)
        if taken(loc.start, loc.end) or in_person(loc.start, loc.end) or _inside_org(doc, loc.end):
            continue
        place = model_places.named_place(places, loc.name, loc.level, _LOCALITY_EVIDENCE[loc.level], loc.parent)
        place.mentions.append(Span(ctx.text[loc.start : loc.end], loc.start, loc.end))
        for key in grown:  # (…and the grown place's other mentions, 根宫佛国 of 根宫佛国文化旅游区, are the site's)
            if key in places and places[key] is not place:
                model_places.absorb(place, places.pop(key))
        town = loc.parent if loc.level == "village" and loc.parent else ""
        if town and ctx.text.startswith(town, loc.start - len(town)) and not taken(loc.start - len(town), loc.start):
            # 泽库县宁秀乡|拉格日村: the township the village table gives, written right before it, is a place too
            model_places.named_place(places, town, "town", "village-table").mentions.append(
                Span(town, loc.start - len(town), loc.start))
    _add_township_villages(ctx, places, in_person)


def _grown_same(places: dict[str, Place], start: int, end: int) -> list[str]:
    """The keys of the places a park's suffix grew with a mention on exactly [start, end), which a list names (玉龙|雪山
    is a listed site, whose entry knows its city); that mention is dropped (a place left without any goes)."""
    keys = [k for k, p in places.items() if p.evidence == "park-suffix"
            and any((m.start, m.end) == (start, end) for m in p.mentions)]
    if keys:
        model_places.drop_mentions_where(
            places, lambda place, m: place.evidence == "park-suffix" and (m.start, m.end) == (start, end))
    return keys


def _trim_grown_region(places: dict[str, Place], gz: Gazetteer, start: int, end: int) -> bool:
    """渝东北|三峡库区: a listed region at ``start``-``end`` that opens a region the suffix rule grew, whose rest has a
    proper name of its own, is a region of its own; the grown one is trimmed to that rest."""
    for region in [p for p in places.values() if p.level == "region" and p.evidence == "park-suffix"]:
        if len(region.mentions) == 1 and region.mentions[0].start == start and region.mentions[0].end > end and \
                region.mentions[0].text == region.name and _region_after_state(gz, region, end - start) == "name":
            m = region.mentions[0]
            region.name = m.text[end - start :]
            region.mentions = [Span(region.name, end, m.end)]
            return True
    return False


def _add_township_villages(ctx: Context, places: dict[str, Place], in_person: Callable[[int, int], bool],
                           evidence: str | None = None) -> None:
    """Villages right after a township's mention (`_localities.township_villages`); ``evidence``: only after
    the townships that rule found (the NER's, which come in after the tables' places)."""
    town_ends = {m.end: p.name for p in places.values() if p.level == "town" and evidence in (None, p.evidence)
                 for m in p.mentions}
    taken = model_places.mention_index(places).overlaps
    for loc in localities.township_villages(ctx.text, ctx.analysis, town_ends):
        if taken(loc.start, loc.end) and (_short_forms_within(places, loc.start, loc.end)
                                          or _unplaced_tail(places, loc.start, loc.end)
                                          or _namesake_elsewhere(places, loc.start, loc.end, loc.parent)
                                          or _state_within(places, loc.start, loc.end)):
            # 万兴街道|金融街社区: right after its township, the community's name holds no other place; nor a
            # village of the table's, named elsewhere, that only ends it (花园乡|卡日|塔里村), nor a province or
            # country whose name its characters spell (日土镇|德吉林社区, not 吉林)
            model_places.drop_mentions_within(places, loc.start, loc.end)
            taken = model_places.mention_index(places).overlaps
        if taken(loc.start, loc.end) or in_person(loc.start, loc.end):
            continue
        place = model_places.named_place(places, loc.name, "village", "after-township", loc.parent)
        place.mentions.append(Span(loc.name, loc.start, loc.end))


def _overlapping(places: dict[str, Place], start: int, end: int) -> list[tuple[Place, Span]]:
    return [(p, m) for p in places.values() for m in p.mentions if m.start < end and start < m.end]


def _short_forms_within(places: dict[str, Place], start: int, end: int, whole: bool = False) -> bool:
    """Whether every mention overlapping [start, end) opens it and is a division's short form (平遥 of 平遥古城)
    or a small area or site (金融街 of 金融街社区); ``whole``: the short form may also be all of it (沙坡头 of
    沙坡头区, where 景区 follows: the listed site of that name)."""
    hits = _overlapping(places, start, end)
    return bool(hits) and all(m.start == start and (m.end < end or (whole and m.end == end)) and (
        (p.level in ("district", "city", "town") and m.text != p.name) or p.level in ("area", "site")) for p, m in hits)


def _foreign_within(places: dict[str, Place], loc: localities.Locality, counties: set[str]) -> bool:
    """博乐市|介格得布拉格村: a foreign state or town read inside a village the table lists under a county the article
    names (布拉格, Prague) is a syllable run of the village's name."""
    hits = _overlapping(places, loc.start, loc.end)
    return bool(hits) and all(p.code is None and p.level in ("country", "city") for p, _ in hits) and any(
        county in counties for _, county in localities.villages_named(loc.name))


def _old_village_read_as_site(places: dict[str, Place], start: int, end: int) -> bool:
    """建湖|沙庄古村: the site the 古村 suffix made of exactly the span where the village table fixes a village of the
    article's county or township (沙庄村): the village it is."""
    hits = _overlapping(places, start, end)
    return bool(hits) and all((m.start, m.end) == (start, end) and p.level == "site" and m.text.endswith("古村")
                              for p, m in hits)


def _namesake_elsewhere(places: dict[str, Place], start: int, end: int, town: str | None) -> bool:
    """阜宁镇|阜宁村, 秤架瑶族乡|大坪村: the span is a village the table lists only under another township (南贾镇, 黄坌镇),
    read with that parent; right after its own township the village is that township's. A township the table's ends
    with is that one written short (田东县…瑶族乡|平略村 is 作登瑶族乡's, as the table says)."""
    hits = _overlapping(places, start, end)
    return bool(hits) and town is not None and all(
        (m.start, m.end) == (start, end) and p.level == "village" and p.evidence == "village-table"
        and not (p.parent or "").endswith(town) for p, m in hits)


def _state_within(places: dict[str, Place], start: int, end: int) -> bool:
    """Whether every mention overlapping [start, end) lies inside it and is a province's or a country's."""
    hits = _overlapping(places, start, end)
    return bool(hits) and all(start <= m.start and m.end <= end and p.level in ("province", "country")
                              for p, m in hits)


def _unplaced_tail(places: dict[str, Place], start: int, end: int) -> bool:
    """Whether every mention overlapping [start, end) ends it, starts inside it, and is a village the table
    lists only outside the article's divisions (no township found for it, or one the article never names: 大河口乡|
    哈日|宝力格村 is no 宝力格村 of 兴隆洼镇)."""
    hits = _overlapping(places, start, end)
    towns = {p.name for p in places.values() if p.level == "town"}
    return bool(hits) and all(m.end == end and m.start > start and p.level == "village" and p.parent not in towns
                              and p.evidence == "village-table" for p, m in hits)


def _regions_within(places: dict[str, Place], start: int, end: int) -> bool:
    """Whether every mention overlapping [start, end) lies strictly inside it and is a region's, or a state's or
    division's that opens it (墨西哥|湾, 杭州|湾: the water is named after the place)."""
    hits = _overlapping(places, start, end)
    return bool(hits) and all(start <= m.start and m.end <= end and m.end - m.start < end - start and (
        p.level == "region" or m.start == start) for p, m in hits)


# An item of an enumeration of townships and villages (深入三岔河镇、谷曲乡、新城镇等地): the whole item up
# to the next separator, ending in the suffix of its kind.
_LIST_MEMBER = lazy_pattern.compile(r"、(\p{Han}{1,6}(?:镇|乡|街道|苏木|村|社区|嘎查))(?=[、和及等，,。；;\s]|$)")
_GENERIC_TAILS = (*localities.COMMON_VILLAGE_WORDS, *_WORDS["generic-tail"])
_MEMBER_LEVEL = {"镇": "town", "乡": "town", "街道": "town", "苏木": "town", "村": "village", "社区": "village",
                 "嘎查": "village"}
_MEMBER_SUFFIXES = tuple(_MEMBER_LEVEL)
# The rule that made each kind of locality a place (Place.evidence).
_LOCALITY_EVIDENCE = {"village": "village-table", "site": "site-list", "region": "region-list"}


def _add_list_members(ctx: Context, doc: _Doc, places: dict[str, Place],
                      in_person: Callable[[int, int], bool]) -> None:
    """Townships and villages the tables do not hold, listed with ones they do: the list's other items
    are of the same kind (an unknown 谷曲乡 beside a known 三岔河镇); and the short townships they hold."""
    text = ctx.text
    spans = {m.end: m for p in places.values() for m in p.mentions if m.text.endswith(_MEMBER_SUFFIXES)}
    queue = sorted(spans)
    while queue:
        end = queue.pop(0)
        item = _LIST_MEMBER.match(text, end) or _last_member(ctx, end)
        if item is None or item.end(1) in spans or in_person(item.start(1), item.end(1)):
            continue
        name = item.group(1)
        if name.endswith(_GENERIC_TAILS) or "城乡" in name or _joins_two(text, places, item.start(1), item.end(1)):
            continue  # 、美丽乡村 / 、城乡社区: kinds of place, not places; 、灵峰街道及|余村: two items, not one
        level = _MEMBER_LEVEL[next(k for k in _MEMBER_SUFFIXES if name.endswith(k))]
        # (曲阳|桥乡: a county's short form the township's name opens is no mention of the county)
        model_places.drop_mentions_within(places, item.start(1), item.end(1), short_only=True)
        place = model_places.named_place(places, name, level, "list-member")
        place.mentions.append(Span(name, item.start(1), item.end(1)))
        spans[item.end(1)] = place.mentions[-1]
        queue.append(item.end(1))
        _add_repeats(doc, places, place, in_person)
    _add_short_listed_townships(ctx, load(), places, in_person)


def _joins_two(text: str, places: dict[str, Place], start: int, end: int) -> bool:
    """Whether a place's mention opens [start, end) and ends right before 及, 和 or 与 inside it (灵峰街道|及余村)."""
    return any(m.start == start and m.end < end and text[m.end] in "及和与" for p in places.values() for m in p.mentions)


# A township of one character and its kind right after a list's joiner (、坝乡): no table's surface, being so short.
_SHORT_MEMBER = lazy_pattern.compile(r"[、和及](\p{Han}[乡镇])(?!\p{Han}{0,2}[长委府])")


def _add_short_listed_townships(ctx: Context, gz: Gazetteer, places: dict[str, Place],
                                in_person: Callable[[int, int], bool]) -> None:
    """…崔久乡、|坝乡|调研: a township of one character and its kind, which the gazetteer holds under the county of the
    township listed right before it, is that township (two characters are too short a name to look up alone)."""
    text = ctx.text
    for town in [p for p in places.values() if p.level == "town" and p.code and len(p.code) == 9]:
        for m in list(town.mentions):
            item = _SHORT_MEMBER.match(text, m.end)
            if item is None or not ctx.analysis.is_token_boundary(item.end(1)) or in_person(item.start(1), item.end(1)) \
                    or model_places.mention_index(places).overlaps(item.start(1), item.end(1)):
                continue
            short = gz.child_named(gz.entries[town.code].parent or "", item.group(1))
            if short is not None:
                _entry_place(places, gz, short).mentions.append(Span(item.group(1), item.start(1), item.end(1)))


def _add_repeats(doc: _Doc, places: dict[str, Place], place: Place, in_person: Callable[[int, int], bool]) -> None:
    """者米乡 of a list, written again later (来到者米乡顶青村): the later mentions are the same township's, where the
    name opens a word (not 新者米乡, a longer name's end)."""
    model_places.add_bare_mentions(doc.text, places, place, place.name,
                                   lambda s, e: doc.start_ok(s) and not in_person(s, e))


# Counties' short names listed and closed by 等地 (前往昆山、晋江等地): each item vouches for the others.
_SHORTS_LIST = lazy_pattern.compile(r"((?:\p{Han}{2}[、和])+\p{Han}{2})等地")


# A list of townships' short forms closed by their kind (到太平川、太平山、前七号等镇, 临海、海河和洋马等乡镇): each
# item, of two to four characters, after 、, 和 or 及 (the first after whatever opens the clause).
_TOWNSHIP_SHORTS = lazy_pattern.compile(r"((?:\p{Han}{2,4}[、和及])+\p{Han}{2,4})等(?:[\d一二三四五六七八九十]+个)?(镇|乡|乡镇|街道|镇街)")


def _listed_township_shorts(doc: _Doc, places: dict[str, Place]) -> None:
    """到太平川、太平山、前七号等镇调研 … 在太平川镇…: each item of a list closed by 等镇 is the short form of a township,
    the one the article writes in full (太平川镇), whatever other reading it got alone (an untyped name the NER read,
    the park 洋马药材产业园 that the form opens)."""
    towns = {p.name: p for p in places.values() if p.level == "town" and p.mentions}
    if not towns:
        return
    text = doc.text
    for lm in doc.township_lists():
        kinds = _TOWNSHIP_KINDS if lm.group(2) in ("乡镇", "镇街") else (lm.group(2),)
        end = lm.end(1)
        for item in reversed(regex.split("[、和及]", lm.group(1))):
            start = end - len(item)
            # (the first item runs back into the words that open the clause: 到|太平川; its longest ending the list names)
            found = next(((k, towns[item[k:] + kind]) for k in range(len(item) - 1) for kind in kinds
                          if item[k:] + kind in towns), None)
            if found is not None:
                a, town = start + found[0], found[1]
                if not any(m.start == a and m.end == end for m in town.mentions):
                    model_places.drop_mentions_within(places, a, end)
                    town.mentions = sorted([*town.mentions, Span(text[a:end], a, end)], key=lambda m: m.start)
            end = start - 1


def _listed_county_shorts(ctx: Context, gz: Gazetteer, places: dict[str, Place],
                          in_person: Callable[[int, int], bool]) -> None:
    """昆山、晋江等地: a bare county's short name needs its province or city nearby (see ``_resolve``), but a list of
    two or more, each one county's short name and no other word's, says what they all are."""
    text, an = ctx.text, ctx.analysis
    held = model_places.mention_index(places)
    for lm in _SHORTS_LIST.finditer(text):
        items = [(lm.start(1) + i * 3, lm.start(1) + i * 3 + 2) for i in range((len(lm.group(1)) + 1) // 3)]
        entries = [_listed_county(gz, text[a:b]) for a, b in items]
        if any(e is None for e in entries) or not all(an.is_token_boundary(a) and an.is_token_boundary(b)
                                                      for a, b in items):
            continue
        for (a, b), e in zip(items, entries, strict=True):
            if not held.overlaps(a, b) and not in_person(a, b):
                _entry_place(places, gz, e).mentions.append(Span(text[a:b], a, b))


def _listed_county(gz: Gazetteer, word: str) -> Entry | None:
    """The one county whose short name ``word`` is (townships' short names aside: 昆山 of 昆山街道), where the
    dictionary knows the word as a name or not at all."""
    senses = gz.surfaces.get(word, ())
    counties = [gz.entries[k] for k, kind in senses if kind == SHORT and gz.entries[k].level == "district"]
    if len(counties) != 1 or any(kind != SHORT or gz.entries[k].level not in ("district", "town") for k, kind in senses):
        return None
    tag = tag_table().get(word)
    return counties[0] if tag is None or tag.startswith(("ns", "nz")) else None


# The last item of such a list, running into the words after it (、杭桂乡|特色种植, 、文城街道|要把): a township or
# community of two or three characters whose suffix ends a word (not a village: 、王庄村|村民 is read by the tables).
_LAST_MEMBER = lazy_pattern.compile(r"、(\p{Han}{2,3}(?:镇|乡|街道|苏木|社区|嘎查))(?=\p{Han})")


def _last_member(ctx: Context, end: int) -> regex.Match | None:
    m = _LAST_MEMBER.match(ctx.text, end)
    return m if m is not None and ctx.analysis.is_token_boundary(m.end(1)) and not is_common_word(m.group(1)) else None


_GROWN_LEVELS = ("park", "zone", "site", "region")


@functools.cache
def _suffixes_longest_first(gz: Gazetteer) -> tuple[str, ...]:
    return tuple(sorted(gz.suffixes, key=len, reverse=True))


# What a city's nickname opens where it names a community, a village or a street, not the city (泉城|社区, 蓉城|小区).
_NICKNAME_OPENS = lazy_pattern.compile(r"(?:社区|村|小区|花园|广场|公园|大道|路|街道|街)")
_NICKNAME_VILLAGES = ("社区", "村")


def _nicknames_opening_names(text: str, places: dict[str, Place], in_person: Callable[[int, int], bool]) -> None:
    """察看…和泉城社区网格化管理: a city's or province's nickname (泉城 for 济南, 蓉城 for 成都: a surface that is no
    short form of its name) right before 社区, 村, 小区, 路 … opens the name of the place there, and is no mention of
    the city; a community or village so named is a place of its own."""
    for key, place in list(places.items()):
        if place.code is None or place.level not in ("city", "province"):
            continue
        for m in list(place.mentions):
            kind = _NICKNAME_OPENS.match(text, m.end)
            if kind is None or len(m.text) < 2 or place.name.startswith(m.text) or in_person(m.start, kind.end()):
                continue
            place.mentions.remove(m)
            if kind.group() in _NICKNAME_VILLAGES:
                name = text[m.start : kind.end()]
                model_places.named_place(places, name, "village", "nickname-named").mentions.append(
                    Span(name, m.start, kind.end()))
        if not place.mentions:
            del places[key]


def _join_short_forms(text: str, gz: Gazetteer, places: dict[str, Place]) -> None:
    """A grown name's tail after the division it opens with, said again later, is that place (孟津区智能装备产业园
    … 智能装备产业园): its mentions join the full name's, and a place grown from the tail alone merges in."""
    grown = [(k, p) for k, p in places.items() if p.level in _GROWN_LEVELS and p.evidence == "park-suffix"]
    if not grown:
        return
    taken = {(m.start, m.end) for p in places.values() for m in p.mentions}
    suffixes = _suffixes_longest_first(gz)
    for _key, full in grown:
        lead = next((full.name[:n] for n in range(min(6, len(full.name) - 4), 1, -1)
                     if any(gz.entries[k].level in ("province", "city", "district", "town")
                            for k, _ in gz.surfaces.get(full.name[:n], ()))), None)
        if lead is None:
            continue
        tail = full.name[len(lead):]
        suffix = next((x for x in suffixes if tail.endswith(x)), "")
        stem = tail[: len(tail) - len(suffix)]
        if tail in gz.suffixes or len(stem) < 2 or stem in GENERIC_STEMS:
            continue  # 浙江|自贸试验区: the tail is a kind of zone, said of any
        for k, other in grown:
            if other is not full and other.name == tail and k in places:
                full.mentions.extend(other.mentions)
                del places[k]
        starts = {m.start for m in full.mentions}
        for i in occurrences(text, tail):
            if i - len(lead) not in starts and i not in starts and not any(a <= i < b for a, b in taken):
                full.mentions.append(Span(tail, i, i + len(tail)))
        full.mentions.sort(key=lambda m: m.start)


def _city_ports(doc: _Doc, gz: Gazetteer, hits: list[Hit]) -> list[Cand]:
    """石首|港, 滨州|港, 连云港|港: a city or county named, and 港 as a word of its own after it, is that city's port (a
    site); 港 of a longer word (港口, 港区, 港务局) or a name the segmenter holds whole (香港) is none. A county whose
    bare name is a common word (石首) names its port where the article names the county in full."""
    text, out = doc.text, []
    if "港" not in text:
        return out
    ends = {h.end: h for h in hits if text.startswith("港", h.end) and len(h.surface) >= 2 and any(
        gz.entries[key].level in ("city", "district") and gz.entries[key].code for key, _kind in h.senses)
        and not is_common_word(h.surface)}  # (a foreign city's port: _city_named_places)
    for pos in occurrences(text, "港"):
        tok = doc.token_at(pos)
        if tok is None or (tok.start, tok.end) != (pos, pos + 1):
            continue
        if pos in ends:
            start = ends[pos].start
        elif (before := _word_ending_at(doc, pos)) is not None and _county_named_in_full(doc, gz, before[1]):
            start = before[0]
        else:
            continue
        if doc.start_ok(start):
            port = Hit(pos, pos + 1, "港", ())  # (the suffix where it stands: a known name ending there wins in _settle)
            out.append(Cand(start, pos + 1, "park", port, name=text[start : pos + 1], head=text[start:pos]))
    return out


def _park_key(name: str) -> str:
    for q in QUALIFIERS:
        name = name.removeprefix(q)
    return name


def _park_level(name: str) -> str:
    if name.endswith(REGION_SUFFIXES):
        return "region"
    if name.endswith(SITE_SUFFIXES):
        return "site"
    if name.endswith("港"):  # a city's port; a free-trade port (海南自由贸易港) is a zone
        return "zone" if name.endswith(("贸易港", "自贸港")) else "site"
    if name.endswith(("区", "新城", "片区", "板块", "城")):
        return "zone"
    return "park"


def _join_heads(
    doc: _Doc, gz: Gazetteer, places: dict[str, Place], kinds: dict[tuple[int, int], str], heads: dict[str, str]
) -> None:
    """A bare stem names the park it heads: 张家湾 with 张家湾设计小镇, 台马 with 台马科技板块."""
    by_head: dict[str, list[str]] = defaultdict(list)
    for key, head in heads.items():
        by_head[head].append(key)
    text = doc.text
    for head, keys in by_head.items():
        if len(keys) != 1:
            continue
        park = places[keys[0]]
        if (park.level == "region" or park.name.endswith(_WORKS_ENDINGS)) and head[-1] in "河江湖海山":
            continue  # 黄河 of 黄河文化旅游带 is the river, not the belt's short name (长株潭 is 长株潭都市圈's); 泸沽湖 of
            # 泸沽湖湿地 the lake, 麦积山 of 麦积山石窟 the mountain
        if head.endswith(("村", "社区", "嘎查")):
            continue  # 白岩村 of 白岩村茶叶基地 is the village the base lies in, a place of its own
        # mentions of a town by its short form, or of a zone by a weak alias, move to the park (not an item of a list
        # of townships: 到文市、黄关、洞井等乡镇 … 文市红枣种植基地 keeps 文市 the township's)
        listed = [(lm.start(1), lm.end(1)) for lm in doc.township_lists()]
        for key, p in list(places.items()):
            if key == keys[0] or not key[:1].isdigit() and not key.startswith("zone:"):
                continue
            e = gz.entries.get(key)
            if e is None:
                continue
            moving = [
                m
                for m in p.mentions
                if m.text == head
                and (
                    kinds.get((m.start, m.end)) == WEAK or (e.level == "town" and kinds.get((m.start, m.end)) == SHORT
                                                            and not any(a <= m.start < b for a, b in listed))
                )
            ]
            park.mentions.extend(moving)
            gone = {(m.start, m.end, m.text) for m in moving}
            p.mentions = [m for m in p.mentions if (m.start, m.end, m.text) not in gone]
        # bare occurrences nobody claimed (台马 is in no gazetteer), unless the article names a division by it
        # (北九州市 … 北九州生态工业园区 … 大连与北九州结好: the short form is the city's; 明亮镇 … 明亮镇中心小学)
        if head in gz.surfaces or any(head + c in text for c in "市县州省镇乡"):
            continue
        model_places.add_bare_mentions(text, places, park, head, lambda s, e: doc.start_ok(s) and (
            e >= len(text) or not _is_cjk(text[e]) or doc.end_ok(e)))
