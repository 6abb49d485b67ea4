"""Villages, sites and physical regions: the places below and beside the administrative divisions.

SPEC.md §2 counts villages and communities (下姜村, 十八洞村, …社区, …嘎查), landmarks and sites (外滩,
八达岭长城) and physical or informal regions (黄土高原, 河西走廊, 中东, 长株潭) as places. The division
gazetteer does not list them, so the places extractor asks this module after it has settled the
divisions, zones and parks:

* **sites and regions** come from lexicons/sites.tsv (5A scenic areas with their short forms, physical
  regions, curated informal regions), kept where the match sits on the segmenter's word boundaries;
* **villages** are a name ending in 村 / 社区 / 嘎查 that the village table (lexicons/villages/, 647k
  villages and communities with township and county) lists, the longest such name that starts on a word
  boundary. Generic words (农村, 示范村, 该社区) are no names. Where the article names the village's county
  or township, the village takes that township as its parent; where the table holds several villages of
  the name and the article does not say which, it has no parent.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from typing import NamedTuple

import regex

from policyie import gazetteer, lazy_pattern, lexicons
from policyie.extractors._literals import Literals
from policyie.extractors._people import inside_common_word, is_common_word, place_forms, surnames
from policyie.extractors._spans import in_work_title
from policyie.nlp import Analysis

LEXICONS = lexicons.HERE
# The curated words of villages and sites: data, in lexicons/place_words.tsv.
_WORDS = lexicons.lists("place_words.tsv")
SHARDS = 64  # scripts/build_localities.py
VILLAGE_END = lazy_pattern.compile(r"(?:村|社区|嘎查)")
MAX_STEM = 6
# Words that end in a village suffix but name no village.
GENERIC = frozenset(_WORDS["village-generic"])
# Words 村 opens that speak of villages in general (沿河|村组, 临水|村寨: the villages along the river, by the water):
# the 村 before them ends no village's name.
SETTLEMENT_WORDS = frozenset(("村组", "村镇", "村庄", "村落", "村级", "村居", "村社", "村屯", "村寨"))
# Common words a village suffix ends (发展乡村, 爱农村): no village's name; the places layer reads them so too.
COMMON_VILLAGE_WORDS = _WORDS["village-common"]
# What follows a village inside an organisation's name (下姜村党支部): then the village is no place of its own.
VILLAGE_ORG = lazy_pattern.compile(r"党支部|党委|党总支|村委会|村委|居委会|委员会|合作社|股份经济合作社|集体经济|公司|小学|卫生室|幼儿园")
# Levels of sites.tsv rows that become places.
LEVELS = ("site", "region")


class Locality(NamedTuple):
    start: int
    end: int
    name: str  # canonical
    level: str  # village, site, region
    parent: str | None


@cache
def _sites() -> dict[str, tuple[str, str, str]]:
    out = {}
    for cells in lexicons.rows("sites.tsv"):
        form, level, canon, parent = (cells + ["", "", "", ""])[:4]
        if level in LEVELS:
            out[form] = (level, canon, parent)
    return out


def site_ends_at(text: str, end: int) -> bool:
    """Whether a listed site's form ends at ``end`` (黄鹤楼 before 景区)."""
    return any(text.startswith(f, end - len(f)) for f in _site_forms_by_last().get(text[end - 1 : end], ()))


@cache
def _site_forms_by_last() -> dict[str, tuple[str, ...]]:
    by_last: dict[str, list[str]] = {}
    for f in _sites():
        by_last.setdefault(f[-1], []).append(f)
    return {c: tuple(fs) for c, fs in by_last.items()}


def is_site(form: str) -> bool:
    """Whether ``form`` is a listed site or region (洞庭湖, 黄土高原): a proper name wherever it stands."""
    return form in _sites()


def is_region(form: str) -> bool:
    """Whether ``form`` is a region the site list holds, short names too (中东, 南亚, 东非)."""
    return _sites().get(form, ("",))[0] == "region"


def region_canonical(form: str) -> str | None:
    """The list's name of the region ``form`` writes (北美 → 北美洲), or None where the list holds no such region."""
    level, canon, _ = _sites().get(form, ("", "", ""))
    return canon if level == "region" else None


def is_listed_region(form: str) -> bool:
    """Whether ``form`` is a region the site list holds under its own name (黄淮平原, 河西走廊)."""
    return len(form) >= 3 and is_region(form)


def is_area_region(form: str) -> bool:
    """Whether ``form`` is a listed region written as an area (环渤海地区, 中西部地区): a place of its own."""
    return form.endswith(("地区", "区域")) and is_region(form)


@cache
def _site_literals() -> Literals:
    return Literals(_sites())


def _shard_rows(n: int) -> Iterator[list[str]]:
    """The (name, township, county code) lines of village shard ``n``; none when it is absent."""
    name = f"villages/{n:02d}.tsv.gz"
    if lexicons.path(name).exists():
        yield from lexicons.rows(name)


@cache
def _village_shard(n: int) -> dict[str, tuple[tuple[str, str], ...]]:
    rows: dict[str, list[tuple[str, str]]] = {}
    for name, township, county in _shard_rows(n):
        rows.setdefault(name, []).append((township, county))
    return {k: tuple(v) for k, v in rows.items()}


def villages_named(name: str) -> tuple[tuple[str, str], ...]:
    """(township, county code) of every village or community called ``name``."""
    db = _village_db()
    if db is not None:
        try:
            return tuple(db.execute("SELECT township, county FROM village WHERE name = ?", (name,)).fetchall())
        except sqlite3.Error:
            pass  # damaged under us: the shards answer
    return _village_shard(zlib.crc32(name[0].encode("utf-8")) % SHARDS).get(name, ())


@cache
def townships_of(county: str) -> frozenset[str]:
    """The townships the village table files villages under in ``county`` (a 6-digit code): the table is older than
    the division table and still holds the townships later merged (丹巴县's 聂呷乡, 中路乡)."""
    db = _village_db()
    if db is not None:
        try:
            return frozenset(r[0] for r in db.execute("SELECT DISTINCT township FROM village WHERE county = ?", (county,)))
        except sqlite3.Error:
            pass  # damaged under us: the shards answer
    return _shard_townships().get(county, frozenset())


@cache
def _shard_townships() -> dict[str, frozenset[str]]:
    """Every county's townships read from all shards: the fallback where no cache directory holds the SQLite file."""
    out: dict[str, set[str]] = {}
    for n in range(SHARDS):
        for row in _shard_rows(n):
            if len(row) == 3:
                out.setdefault(row[2], set()).add(row[1])
    return {k: frozenset(v) for k, v in out.items()}


# The table is 647k rows: held in memory it would cost a batch worker over 100 MB. It is looked up in an
# SQLite file built once from the shipped shards in the user's cache directory, keyed by the shards' sizes
# and this format, so a changed table rebuilds it and a damaged or foreign file is rebuilt, never trusted.
_DB_FORMAT = "policyie-villages-2"  # 2: an index by county (`townships_of`)
_DB: tuple[int, sqlite3.Connection | None] | None = None


def _village_db() -> sqlite3.Connection | None:
    global _DB
    if _DB is not None and _DB[0] == os.getpid():  # a forked worker opens its own connection
        return _DB[1]
    conn = None
    try:
        conn = _open_village_db()
    except (OSError, sqlite3.Error):
        conn = None  # no writable cache directory: the shards, in memory
    _DB = (os.getpid(), conn)
    return conn


def _fingerprint() -> str:
    shards = sorted((LEXICONS / "villages").glob("*.tsv.gz"))
    key = _DB_FORMAT + "|" + "|".join(f"{p.name}:{p.stat().st_size}" for p in shards)
    return hashlib.sha1(key.encode()).hexdigest()[:20]


def _open_village_db() -> sqlite3.Connection | None:
    from policyie.nlp import cache_dir

    if not (LEXICONS / "villages").is_dir():
        return None
    path = cache_dir() / f"villages-{_fingerprint()}.sqlite"
    if path.exists():
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            if conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() == (_DB_FORMAT,):
                return conn
            conn.close()
        except sqlite3.Error:
            pass
        path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    build = sqlite3.connect(tmp)
    try:
        build.execute("CREATE TABLE village (name TEXT, township TEXT, county TEXT)")
        build.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        for n in range(SHARDS):
            build.executemany("INSERT INTO village VALUES (?, ?, ?)", (r for r in _shard_rows(n) if len(r) == 3))
        build.execute("CREATE INDEX village_name ON village (name)")
        build.execute("CREATE INDEX village_county ON village (county)")
        build.execute("INSERT INTO meta VALUES ('format', ?)", (_DB_FORMAT,))
        build.commit()
    finally:
        build.close()
    os.replace(tmp, path)  # whole or absent: a concurrent reader never sees half a file
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def find(text: str, an: Analysis, counties: set[str], towns: set[str]) -> list[Locality]:
    """Sites, regions and villages in ``text``; ``counties`` (6-digit codes) and ``towns`` (names) are the
    divisions the article names, which tell a village's township."""
    out: list[Locality] = []
    starts, ends = set(an.token_starts), set(an.token_ends)
    sites = _sites()
    for m in _site_literals().finditer(text):
        if (m.start() in starts or _after_place(text, m.start())) and _ends_word(text, m, ends, sites) and \
                not in_work_title(text, m.start()) and _site_context(text, m, an):
            level, canon, parent = sites[m.group()]
            start, end = m.start(), m.end()
            if level == "site" and parent and _other_county_before(text, start, parent):
                continue  # 木垒|胡杨林景区: a county's own site of a common kind, not the listed one elsewhere (阿拉善盟's)
            if level == "region" and _direction_before(text, an, start):
                start, canon = start - 1, text[start - 1] + canon  # 南|高加索地区, 东|地中海地区: a part of the region
            elif (around := _AROUND.match(text, end)) is not None and text[start - 1 : start] == "环":
                # 环|青海湖|地区, 环渤海地区: the lands around a lake or sea are a region of their own
                start, end, canon, level, parent = start - 1, around.end(), "环" + canon + around.group(), "region", ""
            elif level == "site" and (kind := _SITE_KIND.match(text, end)) is not None:
                end = kind.end()  # 沙坡头|景区, 锁阳城|遗址: the mention is the name as written, the place the listed site
            out.append(Locality(start, end, canon, level, parent or None))
    def named_here(name: str) -> bool:
        return any(r[1] in counties or r[0] in towns for r in villages_named(name))

    for m in VILLAGE_END.finditer(text):
        if (tok := an.token_at(m.start())) is not None and tok.start == m.start() and tok.text in SETTLEMENT_WORDS:
            continue  # 临水|村寨: villages in general
        v = _village_ending(text, an, starts, m.start(), m.end(), named_here)
        listed = v[0] if v is not None else None
        if v is None and (v := _old_village(text, starts, m.start(), named_here)) is not None:
            listed = v[0][:-2] + "村"
        if v is None or listed is None:
            continue
        name, start = v
        rows = villages_named(listed)
        # The township the article names (民和县中川乡的金田村), or the county it names.
        fit = [r for r in rows if r[1] in counties or r[0] in towns or r[0] in text]
        parent = fit[0][0] if len({r[0] for r in fit}) == 1 else (rows[0][0] if len({r[0] for r in rows}) == 1 else None)
        site = next((i for i, o in enumerate(out) if (o.start, o.end) == (start, m.end())), None)
        if site is not None:
            if not fit:
                continue  # 北极村 the scenic area, where the article names none of the village's divisions
            del out[site]  # …北极镇的北极村: the village of the township the article names
        out.append(Locality(start, m.end(), name, "village", parent))
    return out


_AROUND = lazy_pattern.compile(r"地区|区域")


def _other_county_before(text: str, start: int, parent: str) -> bool:
    """Whether a county or city that lies outside ``parent`` (a listed site's place) is named right before ``start``."""
    gz = gazetteer.load()
    for k in range(2, min(start, 8) + 1):
        named = [e for e in gz.lookup(text[start - k : start]) if e.level in ("province", "city", "district")]
        if not named:
            continue
        homes = {e.key for e in gz.lookup(parent)}
        around = homes | {a for h in homes for a in gz.ancestors(h)}  # (西安|兵马俑: the city holding 临潼区 is no other place)
        # (西安|兵马俑: one sense of the name, 西安市, holds the site; 西安区 elsewhere does not count)
        return bool(homes) and all(e.key not in around and not homes & set(gz.ancestors(e.key)) for e in named)
    return False


def _ends_word(text: str, m, ends: set[int], sites: dict) -> bool:
    """Whether a listed site or region ends where a word does, or a region's 国家 follows it inside one word of
    jieba's (北非国家, 拉美国家: the states of the region, which it names)."""
    if sites[m.group()][0] == "site" and m.group()[-1] == "林" and text.startswith("区", m.end()):
        return False  # 沿岸|胡杨林|区: a forest area of that kind of tree, no listed forest (额济纳胡杨林)
    return m.end() in ends or (sites[m.group()][0] == "region" and text.startswith("国家", m.end()))
_SITE_KIND = lazy_pattern.compile(r"风景名胜区|旅游景区|旅游区|风景区|景区|遗址")


def _direction_before(text: str, an: Analysis, start: int) -> bool:
    """A compass point standing as a word of its own right before a region's name (期待|南|高加索地区)."""
    if start < 1 or text[start - 1] not in "东南西北":
        return False
    tok = an.token_at(start - 1)
    return tok is not None and tok.start == start - 1 and tok.end == start


# A village or community named right after its township (谢家湾街道|民主村社区, 良渚街道|新港村): the township
# vouches for it, so it need not be in the village table. 村社区 is one suffix (a village turned community).
# (a people's hamlet too, 中路乡|中路藏寨: the township's village, written by its people's kind of settlement)
_AFTER_TOWNSHIP = lazy_pattern.compile(r"(\p{Han}{2,5}?(?:村社区|社区|村|嘎查|屯|[羌藏苗侗瑶彝傣壮佤黎畲]寨))(?!社区|村)")
# Characters no village's name holds (的, 等), or opens with (各村, 该社区, 本村, 全村, 两村).
_STEM_NEVER = frozenset("的等、")
# (乡, 镇 first: the township mention ended a character short, 茅坪|乡神山村, and its name runs on; 要, 将, 也 …: an
# auxiliary or adverb the segmenter glued onto the township's last character, 宣化|镇要|做好农村)
_STEM_NEVER_FIRST = frozenset("各该本全两多每其此这那在对从到与及和为乡镇要将把也都还就均已")
# (塔峰|段各村: 各 before the village's kind is "each", 沿…段各村 the villages along a reach, no name)
_STEM_NEVER_LAST = frozenset("各")


def township_villages(text: str, an: Analysis, towns: dict[int, str]) -> list[Locality]:
    """Villages and communities that directly follow a township mention; ``towns``: where each mention of a
    township (镇, 乡, 街道, 苏木) ends → its name, which becomes the village's parent."""
    out: list[Locality] = []
    ends = set(an.token_ends)
    for at, town in towns.items():
        if (tail := _PEOPLES_TAIL.match(text, at)) is not None:
            at = tail.end()  # 漳溪|畲族乡|蓝屋村: the township's short form, its peoples' kind written after it
        m = _AFTER_TOWNSHIP.match(text, at) or _surname_village(text, at)
        if m is None or (m.end() not in ends and _HAMLET_AFTER.match(text, m.end()) is None
                         and text[m.end() : m.end() + 1] not in _JOINED_AFTER):
            # (石练镇|上坪村|大坞自然村: a hamlet written after the village may take the cut across its end; so may a
            # joiner, 花桥镇|新港|村及|一家合作社)
            continue
        name = m.group(1)
        stem = name.removesuffix("社区").removesuffix("村").removesuffix("嘎查") or name
        tok = an.token_at(at)
        # (四排乡|四排村, 玲珑塔镇|玲珑社区: a village named as its township is, by the stem their names share, however
        # jieba tags it: 四排 is a numeral to it, 玲珑 an adjective)
        listed = (tok is not None and tok.start == at and _listed_under(tok, name, town)) or \
            (len(stem) >= 2 and town.startswith(stem))
        if any(c in _STEM_NEVER for c in stem) or (stem[0] in _STEM_NEVER_FIRST and not listed) or name in GENERIC \
                or (stem[-1] in _STEM_NEVER_LAST and not listed) \
                or is_common_word(name):
            continue
        if text[at : m.end()] in COMMON_VILLAGE_WORDS or VILLAGE_ORG.match(text, m.end()) or in_work_title(text, at):
            continue
        if tok is not None and tok.start == at and tok.pos[:1] in ("v", "a", "d", "p", "c", "r", "m") \
                and not _glued_first(an, tok, m.end()) and not _listed_with_adjective(an, tok, name) and not listed \
                and not _common_village_name(text, tok, name, m.end()) and not _ROAD_COMMUNITY.fullmatch(name) \
                and not (tok.text in SIZE_AGE and len(name) <= 4) and tok.text not in _ZHUANG_FIRST:
            # 镇|发展乡村, 镇|各村: a verb, pronoun or number opens no village's name (镇|幸福路社区: a road's does; 镇|小从村,
            # 大王庄村: so does the size or age many a village is named by)
            continue
        out.append(Locality(at, m.end(), name, "village", town))
    return out


# A village named by one surname (僧念镇|段村, 秋口镇|王村), right after its township, the clause or a list going on.
_SURNAME_VILLAGE = lazy_pattern.compile(r"(\p{Han}村)(?=[，,。；;、和及与的]|\p{Han}{1,4}?(?:自然村|组))")
SURNAME_VILLAGE_FREQ = 100  # a surname this common (段 320, 代 112; not 全 44, 东 7, 上 5: words before 村 as often)


def _surname_village(text: str, at: int) -> regex.Match[str] | None:
    m = _SURNAME_VILLAGE.match(text, at)
    return m if m is not None and surnames().get(m.group(1)[0], 0) >= SURNAME_VILLAGE_FREQ else None


# What joins a village to the next stop, which jieba may glue to its 村 (村及, 村和).
_JOINED_AFTER = ("及", "和", "与")
# A natural hamlet or villagers' group named right after a village (上坪村|大坞自然村, 弄怀村|上弄组: jieba's 村上 across).
_HAMLET_AFTER = lazy_pattern.compile(r"\p{Han}{1,4}?(?:自然村|村民小组|组(?![织长成建合员团委]))")
# One-character adjectives that open many villages' names (小岗村, 大寨村, 新华村, 老街村).
SIZE_AGE = frozenset("大小新老")
# The first syllables of Zhuang and Bouyei place names, words of other sorts to jieba (弄 a verb, 那 a pronoun): a karst
# valley (弄, 陇), a paddy (那), a rock (岜), a village (板) open many villages' names in Guangxi, Guizhou and Yunnan.
_ZHUANG_FIRST = frozenset("弄陇那岜板")
# A community named after its street (幸福路社区, 和平街社区, 光明巷社区): the road's name may open with an adjective or a verb.
_ROAD_COMMUNITY = lazy_pattern.compile(r"\p{Han}{2,3}[路街巷]社区")


# The peoples and kind that close a people's township's name after its short form (畲族乡, 蒙古族乡, 回族镇).
_PEOPLES_TAIL = lazy_pattern.compile(r"\p{Han}{1,4}?族(?:乡|镇)")


# How many villages must bear a name for it to be a village's name, not a verb's phrase, where a verb opens it.
COMMON_VILLAGE_NAME = 20


def _common_village_name(text: str, tok, name: str, end: int) -> bool:
    """街道|建新社区, 镇|前进村: a verb that opens a name dozens of the table's villages bear (建新社区 45, 前进村 424;
    发展社区 3, 提升村 none), where the clause or a list goes on right after it (not 镇|建设村级…, 镇|发展村集体经济)."""
    return tok.pos[:1] == "v" and text[end : end + 1] in _AFTER_NAME and len(villages_named(name)) >= COMMON_VILLAGE_NAME


_AFTER_NAME = frozenset("，,。、；;和与及")


def _listed_with_adjective(an: Analysis, tok, name: str) -> bool:
    """枫桥镇|大|竹园村: one character jieba reads as an adjective (大, 小, 新, 老) opens the name of a village the
    table lists (大竹园村, 小岗村)."""
    return tok.pos[:1] == "a" and tok.end - tok.start == 1 and bool(villages_named(name))


def _listed_under(tok, name: str, town: str) -> bool:
    """于家乡|于|家村: one character of any kind opens the name of a village the table lists under that very
    township (the township's first character often names its seat village too)."""
    return tok.end - tok.start == 1 and any(township == town for township, _ in villages_named(name))


def _glued_first(an: Analysis, tok, end: int) -> bool:
    """乡|才|召村: one character jieba reads as an adverb or verb, then a word it does not know that ends the
    village's name: the name's first character, cut off."""
    rest = an.token_at(tok.end)
    return tok.end - tok.start == 1 and rest is not None and rest.start == tok.end and rest.end == end \
        and rest.pos == "un"


# Before a two-character region (中亚, 西亚) a name may run on (阿纳斯塔|西亚|迪斯): only these may precede it.
SHORT_PREV = frozenset("在向与和、及对赴从同至到的，,。；;：:（(“ \n往抵访")
# The provinces' one-character forms that open a part of the province (豫南, 晋北, 闽中), a region's name of its own
# (新 贵 青 宁 云 黑 open other words as often: 新中国, 云南, 宁东).
PART_ABBREVIATIONS = "京津冀晋蒙辽吉沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘陇"
# 是|豫南|重要的粮食主产区, 把|晋南|历史文化资源: a listed province's part, a word of its own, is no run of sounds,
# unless a body it names follows (中共|鄂西特委, 工农革命军|鄂东军) or 中 is China beside a state (奏|苏中|两国国歌)
_PROVINCE_PART = lazy_pattern.compile(f"[{PART_ABBREVIATIONS}][东南西北中]")
_PART_NAMES_NONE = lazy_pattern.compile("|".join(("两国", "双方", "特委", "地委", "军(?!事)", *_WORDS["organ-suffix"])))
# An adjectival use: 非洲裔, 亚洲式.
ADJECTIVAL_NEXT = _WORDS["adjectival-next"]
_DIVISION_AFTER = ("镇", "乡", "村", "街道", "社区", "苏木", "嘎查")


def _site_context(text: str, m, an: Analysis) -> bool:
    if text.startswith(ADJECTIVAL_NEXT, m.end()) or text.startswith(_DIVISION_AFTER, m.end()):
        return False  # (唐古拉山|镇: the site names the township, which is the place there)
    if m.group().endswith("山") and text.startswith(("脉", "区"), m.end()):
        return False  # 武陵山|脉, 武陵山|区: the range or the mountain area, not the mountain
    core = m.group()
    if (kind := _SITE_KIND.search(core)) is not None and kind.end() == len(core) and kind.start() > 0:
        core = core[: kind.start()]  # (仙|华山景区 is as short a name as 仙|华山: the kind word adds no syllable)
    if len(core) <= 2 and m.start() > 0 and text[m.start() - 1] not in SHORT_PREV and \
            not _after_place(text, m.start()) and not _word_after_verb(an, m.start(), m.start() + len(core)) and \
            (_PROVINCE_PART.fullmatch(m.group()) is None or _PART_NAMES_NONE.match(text, m.end()) is not None):
        return False
    return True


def _word_after_verb(an: Analysis, start: int, end: int) -> bool:
    """推动|关中: a two-character region that is a word of its own right after a verb (not 阿纳斯塔|西亚|迪斯)."""
    tok, prev = an.token_at(start), an.token_at(start - 1)
    return tok is not None and (tok.start, tok.end) == (start, end) and prev is not None and prev.end == start \
        and prev.pos.startswith("v") and prev.end - prev.start >= 2


def _village_ending(text: str, an: Analysis, starts: set[int], at: int, end: int,
                    named_here: Callable[[str], bool]) -> tuple[str, int] | None:
    """The longest listed village name that ends at ``end`` and starts on a word boundary, or None.
    ``named_here``: whether the table lists a name under a county or township the article names."""
    if VILLAGE_ORG.match(text, end) or in_work_title(text, at):
        return None
    # 发展乡村, 爱农村, 和美乡村: the common word, not a village's name; but a listed name may end in one where
    # a bound morpheme opens it (峒|山村) or its county stands right before it
    common = text[max(0, at - 1) : end] in COMMON_VILLAGE_WORDS
    for k in range(min(MAX_STEM, at), 1, -1):
        s = at - k
        name = text[s:end]
        if not all("\u4e00" <= c <= "\u9fff" for c in name[:k]):
            continue
        if common and not (_after_county(text, s) or _bound_morpheme_at(an, s)):
            continue
        if name in GENERIC or is_common_word(name):
            continue
        # 长征|村, 平安|村: a common word before 村 names a village only right after its division (海伦市平安村),
        # or where the table lists it under a county or township the article names (木门镇 … 来到|茶园村);
        # elsewhere it is as often a kind of village (示范村) as one
        if is_common_word(name[:k]) and not _after_county(text, s) and not (
                named_here(name) and not text.startswith("社区", end)):  # (民主村|社区: a community, named on)
            continue
        if s not in starts and (not _after_division(text, s) or (inside_common_word(an, s) and not named_here(name))):
            continue  # (乡|镇和村 of 乡镇|和|村组: the division's character ends no division there, 乡镇 is a word)
        tok = an.token_at(s)
        if tok is not None and tok.start == s and tok.pos[:1] in ("v", "a", "d", "p", "c", "r") and not (
                _bound_morpheme_at(an, s)) and not (tok.pos[:1] == "a" and (_after_county(text, s) or (
                    tok.end - tok.start == 1 and named_here(name)))) and not (
                tok.pos[:1] == "v" and tok.end == at and _VISITED_AT.search(text, max(0, s - 3), s) and named_here(name)):
            continue  # 发展|乡村, 这个|村: a verb or pronoun opens no village's name (睦|和村: a bound morpheme may; so
            # may 大, 小 where the table lists the whole under a division the article names: 在|大|神堂村; and so may a
            # verb that is all the name where a visit leads to it and the table lists it so: 走进|落水|村)
        if villages_named(name):
            return name, s
    return None


# A visit's verb or preposition right before a village (走进|落水|村, 察看|自强|村).
_VISITED_AT = lazy_pattern.compile(r"(?:走进|来到|走访|深入|前往|到|在|察看|考察|调研)$")


def _old_village(text: str, starts: set[int], at: int, named_here: Callable[[str], bool]) -> tuple[str, int] | None:
    """新叶|古村 → 新叶古村: a village written with 古 ("old") before its 村 is the table's 新叶村, where the table
    lists that name under a county or township the article names (elsewhere 古村 is a kind: 千年古村)."""
    if at < 3 or text[at - 1] != "古":
        return None
    for k in range(min(MAX_STEM - 1, at - 1), 1, -1):
        s = at - 1 - k
        stem = text[s : at - 1]
        if s in starts and all("\u4e00" <= c <= "\u9fff" for c in stem) and named_here(stem + "村"):
            return text[s : at + 1], s
    return None


DIVISION_END = frozenset(_WORDS["division-end"])


def _after_county(text: str, s: int) -> bool:
    """海伦市|平安村: a county-level name ends right before ``s`` (after a township, `township_villages` reads
    the village with the township as its parent)."""
    return s > 0 and text[s - 1] in "县市区旗"


def _bound_morpheme_at(an: Analysis, s: int) -> bool:
    """A one-character word jieba tags as a bound morpheme (峒 g, 睦 ag) starts at ``s``: no word of its own."""
    tok = an.token_at(s)
    return tok is not None and tok.start == s and tok.end - tok.start == 1 and tok.pos.endswith("g")


def _after_place(text: str, s: int) -> bool:
    """上海|外滩: a city or province name the segmenter fused with the site after it."""
    forms = place_forms()
    return any(text[s - k : s] in forms for k in (2, 3, 4) if s >= k)


def _after_division(text: str, s: int) -> bool:
    """花垣县|十八洞村: the segmenter glued the village's first characters to nothing, but a division ends here."""
    return s > 0 and text[s - 1] in DIVISION_END
