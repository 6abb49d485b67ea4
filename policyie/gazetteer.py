"""The place gazetteer: GB/T 2260 divisions plus curated zones, loaded once, matched in one pass.

``divisions.tsv`` (built by scripts/build_gazetteer.py) holds every division to township level with
its short form and centre; ``zones.tsv`` holds curated policy zones, parks, regions and countries,
and extra aliases for divisions (首都 for 北京市). Every surface form goes into one Aho-Corasick
automaton together with the generic suffixes of named parks (…产业园, …小镇), so a document is
scanned once and the extractor decides what each hit means.

Parsing the TSVs and building the automaton costs ~0.5 s, so scripts/build_gazetteer.py also ships
``gazetteer.pkl.gz``: the parsed tables and the pickled automaton (~20 ms to load). It carries a
fingerprint of the TSVs and of this module's matching constants; a stale or missing cache falls back
to parsing the TSVs, so editing zones.tsv without rebuilding is slow, never wrong.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import pickle
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple, TypeVar

import ahocorasick

from policyie import lexicons

LEXICONS = lexicons.HERE
SOURCES = ("divisions.tsv", "zones.tsv", "foreign_cities.tsv")
CACHE = LEXICONS / "gazetteer.pkl.gz"
CACHE_VERSION = 5  # 3: the automaton reads UTF-16 code units as latin-1 pairs (see as_units); 4: 兴发乡 aliases; 5: 瑞士联邦
log = logging.getLogger(__name__)
# The curated words of place names (ordinary-word division names, park and zone suffixes, deictics): data, in
# lexicons/place_words.tsv.
_WORDS = lexicons.lists("place_words.tsv")

LEVEL_RANK = {
    "country": 0,
    "region": 1,
    "province": 2,
    "city": 3,
    "zone": 4,
    "district": 4,
    "area": 5,
    "park": 6,
    "town": 6,
}

# How a surface form names its entry, strongest first. A weak alias (亦庄) or a short form needs
# support from the document before it counts; see extractors/places.py.
FULL, ALIAS, SHORT, WEAK = "full", "alias", "short", "weak"

# Division names that are ordinary words (several 城区/郊区/矿区 exist): never matched.
NAME_STOP = frozenset(_WORDS["name-stop"])

# Where a township's short form plus 地区 names its area (大红门地区, 西红门地区): Beijing.
AREA_NAMED_PROVINCES = ("11",)

# A township of one or more peoples (兴发苗族彝族回族乡, 长哨营满族乡) ends so: its kind after the peoples' names.
PEOPLES_TOWNSHIP = ("族乡", "族镇")

# Township-level units that are really development zones (高新区, 经济开发区, 某某农场).
ZONE_LIKE_TOWNS = _WORDS["zone-like-town"]

# Suffixes of named parks, bases, towns and zones, in three tiers by how much name the stem needs:
# "area" ones name a place even after a generic stem (文化旅游区, 运河商务区); "park" ones after a
# long or proper stem (人力资源服务产业园, not 蔬菜产业园); "weak" ones only after a proper name
# (亦庄新城, 台马科技板块, 永丰产业基地; not 金融板块, 现代化新城, 芒果生产基地).
AREA_SUFFIXES = list(_WORDS["area-suffix"])
PARK_SUFFIXES = list(_WORDS["park-suffix"])
WEAK_SUFFIXES = list(_WORDS["weak-suffix"])

# Deictic references to the paper's own place (我市 in a Beijing paper is Beijing), by level wanted.
DEICTICS = lexicons.tables("place_words.tsv")["deictic"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One place the gazetteer knows: a division (keyed by code) or a curated zone."""

    key: str
    name: str
    level: str
    code: str | None
    parent: str | None  # key of the enclosing entry (a division code), if any
    lat: float | None
    lon: float | None


class Hit(NamedTuple):
    """One automaton match: ``text[start:end]`` is ``surface``."""

    # A named tuple, not a frozen dataclass: a document has dozens of hits and the dataclass's __init__ (one
    # object.__setattr__ per field) was a third of the scan.

    start: int
    end: int
    surface: str
    senses: tuple[tuple[str, str], ...]  # (entry key, FULL/ALIAS/SHORT/WEAK)
    suffix: str | None = None  # "area"/"park"/"weak" when the surface is a park suffix
    deictic: str | None = None  # level of the paper's own place that 我市/我省… refers to


_V = TypeVar("_V")


class _Lazy(Mapping[str, _V]):
    """A mapping over a dict of plain strings, each value decoded on first access: most of the
    45,000 rows are never looked at, and a dict of strings unpickles several times faster than objects."""

    def __init__(self, raw: dict[str, str]) -> None:
        self._raw = raw
        self._made: dict[str, _V] = {}

    def _decode(self, key: str, raw: str) -> _V:
        raise NotImplementedError

    def __getitem__(self, key: str) -> _V:
        value = self._made.get(key)
        if value is None:
            value = self._made[key] = self._decode(key, self._raw[key])
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class _Entries(_Lazy[Entry]):
    """Entries by key, from rows "name\tlevel\tcode\tparent\tlat\tlon"."""

    def _decode(self, key: str, raw: str) -> Entry:
        name, level, code, parent, lat, lon = raw.split("\t")
        return Entry(key, name, level, code or None, parent or None, _float(lat), _float(lon))


Senses = tuple[tuple[str, str], ...]


class _Surfaces(_Lazy[Senses]):
    """Surface form -> its (entry key, kind) senses, decoded from "key,kind;key,kind" on use."""

    def _decode(self, key: str, raw: str) -> Senses:
        return tuple(tuple(s.split(",", 1)) for s in raw.split(";"))  # type: ignore[misc]

    def get(self, surface: str, default=None):  # type: ignore[override]
        senses = self._made.get(surface)  # the common case, without a second method call
        if senses is not None:
            return senses
        return self[surface] if surface in self._raw else default


class Gazetteer:
    def __init__(
        self,
        rows: dict[str, str],
        surfaces: dict[str, str],
        automaton: ahocorasick.Automaton | None = None,
    ) -> None:
        self.rows = rows
        self.raw_surfaces = surfaces
        self.entries: Mapping[str, Entry] = _Entries(rows)
        self.surfaces: Mapping[str, Senses] = _Surfaces(surfaces)
        self.suffixes = (
            {s: "area" for s in AREA_SUFFIXES} | {s: "park" for s in PARK_SUFFIXES} | {s: "weak" for s in WEAK_SUFFIXES}
        )
        if automaton is None:
            # values are match lengths (in units): the surface is the matched text itself
            automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
            for key in sorted(set(surfaces) | set(self.suffixes) | set(DEICTICS)):  # reproducible cache
                automaton.add_word(as_units(key))
            automaton.make_automaton()
        self.automaton = automaton
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._common_named: dict[tuple[str, str], str] | None = None

    def names_at(self, levels: Iterable[str]) -> list[str]:
        """The names of every entry at one of ``levels``, read from the raw rows: decoding all 45,000
        entries to ask each its level took a fifth of a second of the first document."""
        wanted = frozenset(levels)
        return [name for name, level, _ in (raw.split("\t", 2) for raw in self.rows.values()) if level in wanted]

    def child_named(self, parent: str, name: str) -> Entry | None:
        """The division called ``name`` directly under ``parent`` (a code), for the names that are never matched
        alone: common words (`NAME_STOP`: 郊区, 城区, 矿区) and townships of one character and their kind (坝乡, 堡镇,
        which `_parse` gives no surface); None where there is none."""
        if self._common_named is None:
            self._common_named = {
                (row[3], row[0]): code
                for code, row in ((code, raw.split("\t")) for code, raw in self.rows.items())
                if row[0] in NAME_STOP or (row[1] == "town" and len(row[0]) < 3)
            }
        code = self._common_named.get((parent, name))
        return self.entries[code] if code else None

    def lookup(self, name: str) -> list[Entry]:
        """Every entry that ``name`` may denote (full name, alias or short form)."""
        return [self.entries[k] for k, _ in self.surfaces.get(name, [])]

    def ancestors(self, key: str) -> tuple[str, ...]:
        """``key`` and the keys of the entries enclosing it, innermost first."""
        # the chain never changes and the extractor asks for the same few keys dozens of times a document
        chain = self._ancestors.get(key)
        if chain is None:
            out: list[str] = []
            k = key
            while k and k in self.entries and len(out) < 6:
                out.append(k)
                k = self.entries[k].parent or ""
            chain = self._ancestors[key] = tuple(out)
        return chain

    def parent_name(self, entry: Entry) -> str | None:
        parent = self.entries.get(entry.parent or "")
        return parent.name if parent else None

    def scan(self, text: str) -> list[Hit]:
        """All (overlapping) matches of names, aliases and park suffixes in ``text``, one pass."""
        surfaces, suffixes = self.surfaces, self.suffixes
        out = []
        for start, end in unit_spans(self.automaton, text):
            key = text[start:end]
            out.append(Hit(start, end, key, tuple(surfaces.get(key, ())), suffixes.get(key), DEICTICS.get(key)))
        return out


def unit_spans(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, int]]:
    """(start, end) in characters of every match of a STORE_LENGTH automaton built over `as_units` keys, in the
    automaton's order (by end, longest first)."""
    units = as_units(text)
    if len(units) == 2 * len(text):
        # Every character one code unit: character index = unit index / 2. A match that begins on the second
        # byte of a unit is no match of characters. One comprehension: it runs for every scan of every text.
        return [
            (first >> 1, (last + 1) >> 1)
            for last, length in automaton.iter(units)
            if not (first := last - length + 1) & 1
        ]
    char_at = {}  # characters beyond the BMP take two units
    u = 0
    for i, ch in enumerate(text):
        char_at[u] = i
        u += 4 if ord(ch) > 0xFFFF else 2
    char_at[u] = len(text)
    return [
        (char_at[first], char_at[last + 1])
        for last, length in automaton.iter(units)
        if not (first := last - length + 1) & 1
    ]


def as_units(text: str) -> str:
    """``text`` as the automaton reads it: each UTF-16 code unit as two latin-1 characters.

    pyahocorasick finds a node's child by a linear search, and the root of a trie over Chinese names has thousands
    of children (one per first character): about 1 µs a character. Spelled as bytes no node has more than 256
    children and the scan runs ~5x faster; a match then counts only where it starts on a unit boundary.
    """
    return text.encode("utf-16-be", "surrogatepass").decode("latin-1")


def _float(s: str) -> float | None:
    return float(s) if s else None


def _parse() -> Gazetteer:
    """The gazetteer from the TSVs (slow path; the build script caches its result)."""
    rows: dict[str, str] = {}
    surfaces: dict[str, list[tuple[str, str]]] = {}

    def add(surface: str, key: str, kind: str) -> None:
        if surface and surface not in NAME_STOP:
            senses = surfaces.setdefault(surface, [])
            if (key, kind) not in senses:
                senses.append((key, kind))

    for code, name, shorts, level, parent, lat, lon in lexicons.rows("divisions.tsv", header=True):
        rows[code] = "\t".join((name, level, code, parent, lat, lon))
        if level == "town" and (name.endswith(ZONE_LIKE_TOWNS) or len(name) < 3):
            continue  # a 经济开发区 listed as a township unit is found by the park patterns instead
        add(name, code, FULL)
        for s in filter(None, shorts.split(",")):
            if s.startswith("="):  # another full name (西北旺镇 for 西北旺地区)
                add(s[1:], code, ALIAS)
            else:
                add(s, code, SHORT)
                if level == "town" and code.startswith(AREA_NAMED_PROVINCES) and len(s) >= 2:
                    add(s + "地区", code, ALIAS)  # 大红门地区: Beijing names a township's area so
                if level == "town" and len(s) >= 2 and name.endswith(PEOPLES_TOWNSHIP):
                    add(s + name[-1], code, ALIAS)  # 兴发乡: a people's township written without its peoples

    for name, aliases, level, parent, code, lat, lon in lexicons.rows("zones.tsv", header=True):
        if code and code in rows:  # extra aliases for a division (首都 → 北京市)
            key = code
        else:
            key = code or f"zone:{name}"
            rows[key] = "\t".join((name, level, code, parent, lat, lon))
            add(name, key, FULL)
        for a in filter(None, aliases.split("|")):
            weak = a.startswith("~")
            add(a.lstrip("~"), key, WEAK if weak else ALIAS)
        if level == "country" and not code:
            add(name + "联邦", key, ALIAS)  # 瑞士联邦主席, 德国联邦总理: a federation's organs, which jieba reads as one word
    for city, country, _kind in lexicons.rows("foreign_cities.tsv"):
        parent = f"zone:{country}" if f"zone:{country}" in rows else ""
        key = f"zone:{city}"
        if key in rows:  # a foreign city zones.tsv curates: it gains its country
            name, level, code, old, lat, lon = rows[key].split("\t")
            rows[key] = "\t".join((name, level, code, old or parent, lat, lon))
        elif city not in surfaces:  # (not a Chinese place's name)
            rows[key] = "\t".join((city, "city", "", parent, "", ""))
            add(city, key, FULL)
    return Gazetteer(rows, {k: ";".join(f"{key},{kind}" for key, kind in v) for k, v in surfaces.items()})


def fingerprint() -> str:
    """What the cache was built from: the TSVs and the constants that shape the automaton."""
    h = hashlib.blake2b(digest_size=16)
    for name in SOURCES:
        h.update((LEXICONS / name).read_bytes())
    consts = (CACHE_VERSION, sorted(NAME_STOP), ZONE_LIKE_TOWNS, AREA_SUFFIXES, PARK_SUFFIXES, WEAK_SUFFIXES, AREA_NAMED_PROVINCES)
    h.update(repr((consts, sorted(DEICTICS.items()))).encode("utf-8"))
    return h.hexdigest()


def write_cache(path: Path = CACHE) -> int:
    """Parse the TSVs and write the load cache; returns its size in bytes."""
    gz = _parse()
    data = {"fingerprint": fingerprint(), "rows": gz.rows, "surfaces": gz.raw_surfaces, "automaton": gz.automaton}
    blob = gzip.compress(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), compresslevel=9, mtime=0)
    path.write_bytes(blob)
    return len(blob)


def _from_cache() -> Gazetteer | None:
    try:
        data = pickle.loads(gzip.decompress(CACHE.read_bytes()))  # our own build output, shipped in the package
    except Exception as err:  # any failure (another pyahocorasick's format included) means: parse instead
        log.info("gazetteer cache unreadable (%s); parsing the TSVs", err)
        return None
    if data.get("fingerprint") != fingerprint():
        log.info("gazetteer cache is stale; parsing the TSVs (rebuild: scripts/build_gazetteer.py --cache-only)")
        return None
    return Gazetteer(data["rows"], data["surfaces"], data["automaton"])


@cache
def load() -> Gazetteer:
    """The process-wide gazetteer: from the shipped cache (~20 ms), else parsed from the TSVs (~0.5 s)."""
    return _from_cache() or _parse()
