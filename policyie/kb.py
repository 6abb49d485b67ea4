"""A knowledge base of office-holders: who held which posts, where and when, under one stable id.

Researchers ask who met whom across thousands of articles, so the same person must carry the same key
in every document (`Official.id`), and a name written without a title (吴政隆、穆虹陪同考察) must be
recognised as an office-holder's when the person is known to hold a post around the article's date.

The KB is **built, not typed**: `build` harvests each person's posts (with country, first and last date
seen, and counts) from documents policyie extracted, and merges curated name lists (the 19th Central
Committee with its members' careers, provincial leaders 1998–2017, prefecture mayors 1990–2019, the China
Political Elite Database). `policyie kb build` runs it; `scripts/build_kb.py` builds the shipped KB from
those lists and the 新闻联播 corpus (facts only: names, posts, places, dates, counts — no article text).

A KB file is JSON Lines (optionally gzipped): a header line ``{"policyie_kb": 1, …}``, then one person
per line. It is read with `json` only, so a user's KB is data, never code.

Ids are ``<country>:<name>`` (中国:蔡奇), with the birth year, or a place, added for a name two people
share (中国:王宁#1955); a person the KB cannot tell apart from a namesake in a document gets no id.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from policyie import lexicons

FORMAT = 1
SHIPPED = lexicons.path("kb.jsonl.gz")
# How far around a person's known span of posts an article may be dated and still count as "around the
# article's date" (SPEC §3's untitled office-holders): news cites a leader shortly after they leave, and
# the lists stop in 2017–2019 while people stay in office.
YEARS_BEFORE, YEARS_AFTER = 1, 4


class KBError(ValueError):
    """A KB file that cannot be read as one (not JSON Lines, not a policyie KB, a later format)."""


@dataclass
class Post:
    title: str  # the surface title as seen (北京市委书记, 法国总统) or as a list names it
    org: str | None = None
    post: str | None = None
    place: str | None = None  # the province or city where the post is, when known (北京市, 山东省)
    first: str | None = None  # ISO date or month (2018-01, 2018-01-02)
    last: str | None = None
    count: int = 0  # documents that name the person with this title
    source: str = ""  # cc19, provincial_leaders, prefecture_mayors, cped, documents


@dataclass
class Person:
    id: str
    name: str
    country: str | None = "中国"
    born: str | None = None
    posts: list[Post] = field(default_factory=list)
    count: int = 0  # documents that name the person with a title

    @property
    def first(self) -> str | None:
        return min((p.first for p in self.posts if p.first), default=None)

    @property
    def last(self) -> str | None:
        return max((p.last for p in self.posts if p.last), default=None)

    def active_around(self, day: date | None) -> bool:
        """Whether the person held a known post around ``day`` (any time when ``day`` is None)."""
        if day is None:
            return bool(self.posts)
        for p in self.posts:
            lo, hi = _year(p.first), _year(p.last)
            if lo is None and hi is None:
                continue
            if (lo or hi) - YEARS_BEFORE <= day.year <= (hi or lo) + YEARS_AFTER:
                return True
        return False

    def places(self) -> set[str]:
        return {p.place for p in self.posts if p.place} | {p.org for p in self.posts if p.org}

    def titles(self) -> set[str]:
        return {p.title for p in self.posts}

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["posts"] = [{k: v for k, v in p.items() if v not in (None, "", 0)} for p in d["posts"]]
        return {k: v for k, v in d.items() if v not in (None, [], 0) or k in ("id", "name", "country")}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Person:
        posts = [Post(**{k: v for k, v in p.items() if k in Post.__dataclass_fields__}) for p in d.get("posts", [])]
        return cls(id=str(d["id"]), name=str(d["name"]), country=d.get("country"), born=d.get("born"),
                   posts=posts, count=int(d.get("count", 0)))


def _year(iso: str | None) -> int | None:
    if not iso or len(iso) < 4 or not iso[:4].isdigit():
        return None
    return int(iso[:4])


# The name field of a KB line as `save` writes it (sorted keys, so "name" follows "id"): read without
# parsing the whole line, so the shipped KB loads its names index at once and a person only when asked.
_NAME_FIELD = re.compile(r'"name": ("(?:[^"\\]|\\.)*")')


class KB:
    """Persons by id and by name."""

    def __init__(self, persons: Iterable[Person] = (), meta: dict[str, Any] | None = None) -> None:
        self._persons: dict[str, Person] = {}
        self.meta = dict(meta or {})
        self._by_name: dict[str, list[Person]] = defaultdict(list)
        self._raw: dict[str, list[str]] = {}  # name → unparsed lines (a lazily loaded KB)
        for p in persons:
            self.add(p)

    def add(self, person: Person) -> None:
        if person.id in self._persons:
            raise KBError(f"two persons share the id {person.id!r}")
        self._persons[person.id] = person
        self._by_name[person.name].append(person)
        self.__dict__.pop("names", None)

    @property
    def persons(self) -> dict[str, Person]:
        for name in list(self._raw):
            self._parse(name)
        return self._persons

    def _parse(self, name: str) -> None:
        for line in self._raw.pop(name, ()):
            self.add(Person.from_json(json.loads(line)))

    def __len__(self) -> int:
        # Counted without parsing the lazily loaded lines (parsing all 6,537 shipped persons took 0.19 s).
        return len(self._persons) + sum(len(lines) for lines in self._raw.values())

    def __bool__(self) -> bool:
        # `if ctx.kb` runs for every candidate name: answered without counting.
        return bool(self._persons) or bool(self._raw)

    def __iter__(self) -> Iterator[Person]:
        return iter(self.persons.values())

    def get(self, pid: str) -> Person | None:
        return self.persons.get(pid)

    def by_name(self, name: str) -> list[Person]:
        if name in self._raw:
            self._parse(name)
        return self._by_name.get(name, [])

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(self._by_name) | frozenset(self._raw)

    # ---------------------------------------------------------------- files

    def save(self, path: str | Path) -> None:
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        header = {"policyie_kb": FORMAT, **self.meta, "persons": len(self)}
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        # mtime=0 keeps a gzipped KB byte-identical across rebuilds of the same facts.
        raw = "\n".join(json.dumps(x, ensure_ascii=False, sort_keys=True)
                        for x in [header, *(p.to_json() for p in sorted(self, key=lambda p: p.id))]) + "\n"
        if path.suffix == ".gz":
            with open(tmp, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as gz:
                gz.write(raw.encode("utf-8"))
        else:
            with opener(tmp, "wt", encoding="utf-8") as f:
                f.write(raw)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: str | Path, *, lazy: bool = False) -> KB:
        """Read a KB file. ``lazy`` (for the shipped KB, which policyie wrote itself) parses a person only
        when asked for; otherwise every line is parsed and checked now, so a damaged file fails at once."""
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(path, "rt", encoding="utf-8") as f:
                lines = [line for line in f if line.strip()]
        except (OSError, UnicodeDecodeError, EOFError) as exc:
            raise KBError(f"{path}: cannot read a knowledge base ({exc})") from None
        if not lines:
            raise KBError(f"{path}: empty, not a policyie knowledge base")
        try:
            header = json.loads(lines[0])
        except json.JSONDecodeError:
            raise KBError(f"{path}: not JSON Lines, so not a policyie knowledge base") from None
        if not isinstance(header, dict) or "policyie_kb" not in header:
            raise KBError(f"{path}: its first line is no policyie_kb header")
        if header["policyie_kb"] != FORMAT:
            raise KBError(f"{path}: KB format {header['policyie_kb']}, this policyie reads format {FORMAT}")
        meta = {k: v for k, v in header.items() if k not in ("policyie_kb", "persons")}
        if lazy:
            kb = cls(meta=meta)
            for line in lines[1:]:
                m = _NAME_FIELD.search(line)
                if m is None:
                    raise KBError(f"{path}: a person record without a name")
                quoted = m.group(1)
                # (a name without escapes is its quoted text: json.loads for each of 7,000 lines was a tenth
                # of a cold start)
                name = quoted[1:-1] if "\\" not in quoted else json.loads(quoted)
                kb._raw.setdefault(name, []).append(line)
            return kb
        persons = []
        for n, line in enumerate(lines[1:], 2):
            try:
                persons.append(Person.from_json(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise KBError(f"{path} line {n}: not a person record ({exc})") from None
        return cls(persons, meta)


_LOADED: dict[tuple[str, int, int], KB] = {}


def open_kb(spec: KB | str | Path | bool | None) -> KB | None:
    """The KB an `extract(kb=…)` argument names: None → the shipped KB, False → none, a path → that file
    (loaded once per process while it is unchanged), a `KB` → itself."""
    if spec is False:
        return None
    if isinstance(spec, KB):
        return spec
    if spec is None or spec is True:
        # Package data, read once: three file-system calls per document were 2 % of a short item's time.
        if not _SHIPPED_KB:
            _SHIPPED_KB.append(KB.load(SHIPPED, lazy=True) if SHIPPED.exists() else None)
        return _SHIPPED_KB[0]
    path = Path(spec)
    try:
        st = path.stat()
    except OSError as exc:
        raise KBError(f"{path}: cannot read a knowledge base ({exc.strerror or exc})") from None
    where = _RESOLVED.get(str(path))
    if where is None:
        where = _RESOLVED[str(path)] = str(path.resolve())
    key = (where, st.st_mtime_ns, st.st_size)
    kb = _LOADED.get(key)
    if kb is None:
        kb = KB.load(path, lazy=path == SHIPPED)
        _LOADED.clear()  # one KB at a time: a batch uses one
        _LOADED[key] = kb
    return kb


_SHIPPED_KB: list[KB | None] = []
# A user's KB path as given → resolved (the key of its loaded copy; its stat still tells a changed file).
_RESOLVED: dict[str, str] = {}


# ---------------------------------------------------------------- who is who in a document


def resolve(kb: KB, name: str, country: str | None, titles: list[Any], day: date | None) -> str | None:
    """The id of the person a document names, or None where the KB does not know them or cannot tell
    namesakes apart. ``titles`` are the document's `Title`s for the name (text, org)."""
    cands = [p for p in kb.by_name(name) if country is None or p.country in (None, country)]
    if len(cands) <= 1:
        return cands[0].id if cands else None
    # Namesakes: the one whose posts share a title, place or organ with the titles, then the one in office then.
    texts = [t.text for t in titles] + [t.org or "" for t in titles]
    by_place = [p for p in cands if _matches(p, texts)]
    if len(by_place) == 1:
        return by_place[0].id
    pool = by_place or [p for p in cands if _compatible(p, titles)]
    active = [p for p in pool if p.active_around(day)] if day else []
    if len(active) == 1:
        return active[0].id
    return None


def _compatible(person: Person, titles: list[Any]) -> bool:
    """Whether the person ever held the post a title names (县长李强 is not the premier, whoever is in office)."""
    posts = [t.post or t.text for t in titles if (t.post or t.text)]
    return not posts or any(any(p in own for own in person.titles()) for p in posts)


def _matches(person: Person, texts: list[str]) -> bool:
    """Whether a title of the document names one of the person's places or organs, or is one of their titles."""
    texts = [x for x in texts if x]
    if any(pl and any(_short(pl) in x for x in texts) for pl in person.places()):
        return True
    # A title equal to one of theirs, or one holding the other when both name their organ (6+ characters:
    # 武警部队司令员); a bare 省委书记 fits every provincial secretary and tells no one apart.
    own = person.titles()
    return any(x in own or (len(x) >= 6 and any(x in t or t in x for t in own if len(t) >= 6)) for x in texts)


def _short(place: str) -> str:
    for suffix in ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区"):
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[: -len(suffix)]
    return place


# ---------------------------------------------------------------- building


def harvest(documents: Iterable[Any]) -> dict[tuple[str, str | None], dict[str, Post]]:
    """(name, country) → title → Post with first/last date and count, from extracted documents (`Document`s
    or their JSON dicts). Only titled mentions count: an untitled one is the KB's own inference."""
    seen: dict[tuple[str, str | None], dict[str, Post]] = defaultdict(dict)
    for doc in documents:
        d = doc if isinstance(doc, dict) else json.loads(doc.to_json())
        day = (d.get("published") or "")[:10] or None
        for o in d.get("officials") or []:
            key = (o["name"], o.get("country"))
            for t in o.get("titles") or []:
                post = seen[key].get(t["text"])
                if post is None:
                    post = seen[key][t["text"]] = Post(title=t["text"], org=t.get("org"), post=t.get("post"),
                                                       source="documents")
                post.count += 1
                if day:
                    post.first = min(filter(None, [post.first, day]))
                    post.last = max(filter(None, [post.last, day]))
    return seen


def build(documents: Iterable[Any] = (), lists: Iterable[Person] = (), *, min_count: int = 1,
          meta: dict[str, Any] | None = None) -> KB:
    """Persons from curated lists, plus every (name, country) the documents name with a title at least
    ``min_count`` times. A harvested name joins the list person of that name when there is exactly one,
    or the one whose places its titles name; otherwise it stays its own person."""
    listed: dict[str, list[Person]] = defaultdict(list)
    for p in lists:
        listed[p.name].append(p)
    persons: list[Person] = [p for group in listed.values() for p in group]
    for (name, country), posts in _one_country_each(_clean_harvest(harvest(documents))).items():
        total = sum(p.count for p in posts.values())
        if (total < min_count and name not in listed) or not looks_like_name(name):
            continue
        group = [p for p in listed.get(name, []) if p.country in (None, country)]
        target = None
        if len(group) == 1:
            target = group[0]
        elif group:
            hit = [p for p in group if _matches(p, list(posts))]
            target = hit[0] if len(hit) == 1 else None
        if target is None:
            target = Person(id="", name=name, country=country)
            persons.append(target)
            listed[name].append(target)
        target.posts.extend(sorted(posts.values(), key=lambda p: (p.first or "", p.title)))
        target.count += total
    return KB(_with_ids(persons), meta)


def looks_like_name(name: str) -> bool:
    """A harvested name that is a common word (发布, 政治) or a country or place (阿富汗, 卢森堡) is a misreading
    of some document, however often it recurs: the KB does not learn it."""
    from policyie.extractors._foreign import countries
    from policyie.extractors._people import is_common_word, place_forms
    from policyie.gazetteer import load

    if len(name) < 2 or name in countries() or name in place_forms() or name in load().surfaces:
        return False
    return not is_common_word(name) or "·" in name


def _clean_harvest(seen: dict[tuple[str, str | None], dict[str, Post]]) -> dict[tuple[str, str | None], dict[str, Post]]:
    """Drop what the hand check of the KB (docs/kb.md) found harvested by mistake, as general rules:

    * a name that is another harvested name plus the start of the next word (特朗普本 of 特朗普本月,
      巴赫通 of 巴赫通过), when the shorter name was seen far more often;
    * a name that starts with a character no name starts with (们提出 of 代表们提出, 兼伊 of 副外长兼伊核…);
    * a foreign name with no country, when its own titles name one (拉比耶 of 埃及苏伊士运河管理局主席)."""
    from policyie.extractors._foreign import country_of
    from policyie.extractors._people import NOT_SURNAME

    counts: dict[str, int] = defaultdict(int)
    for (name, _), posts in seen.items():
        counts[name] += sum(p.count for p in posts.values())
    out: dict[tuple[str, str | None], dict[str, Post]] = {}
    for (name, country), posts in seen.items():
        if name[0] in "们兼及与和" or (country == "中国" and name[0] in NOT_SURNAME):
            continue
        if country in (None, "中国") and not _name_shaped(name):
            continue  # 一道努力: a phrase, not a Chinese name (nor a transliteration)
        mine = counts[name]
        if any(counts.get(name[:k], 0) >= 5 * mine for k in range(2, len(name)) if "·" not in name):
            continue
        if country is None:
            found = [c for c in (country_of(t) for t in posts) if c]
            country = max(set(found), key=found.count) if found else None
        into = out.setdefault((name, country), {})
        for title, post in posts.items():
            into.setdefault(title, post)
    return out


def _name_shaped(name: str) -> bool:
    """A surname-led Chinese name, a dotted or transliterated one, or Mongolian or Tibetan name elements."""
    from policyie.extractors._people import MONGOLIAN, TIBETAN, looks_transliterated, surname_at

    return ("·" in name or bool(surname_at(name, 0)) or looks_transliterated(name)
            or name[:2] in MONGOLIAN or name[:2] in TIBETAN)


def _one_country_each(seen: dict[tuple[str, str | None], dict[str, Post]]) -> dict[tuple[str, str | None], dict[str, Post]]:
    """A name seen under one country almost always, and under another (or none) a few times, is one person
    whose title was misread those few times (缅甸…向中华人民共和国主席习近平): fold the stray entries into it."""
    by_name: dict[str, list[tuple[str | None, int]]] = defaultdict(list)
    for (name, country), posts in seen.items():
        by_name[name].append((country, sum(p.count for p in posts.values())))
    out: dict[tuple[str, str | None], dict[str, Post]] = {}
    for (name, country), posts in seen.items():
        main, top = max(by_name[name], key=lambda ck: ck[1])
        mine = sum(p.count for p in posts.values())
        if country != main and (country is None or mine * 10 <= top):
            country = main
        into = out.setdefault((name, country), {})
        for title, post in posts.items():
            have = into.get(title)
            if have is None:
                into[title] = post
            else:
                have.count += post.count
                have.first = min(filter(None, [have.first, post.first]), default=None)
                have.last = max(filter(None, [have.last, post.last]), default=None)
    return out


def _with_ids(persons: list[Person]) -> list[Person]:
    """Stable ids: country:name, with the birth year or the first post's place for namesakes."""
    groups: dict[tuple[str | None, str], list[Person]] = defaultdict(list)
    for p in persons:
        groups[(p.country, p.name)].append(p)
    out = []
    for (country, name), group in groups.items():
        base = f"{country or '?'}:{name}"
        if len(group) == 1:
            group[0].id = base
            out.append(group[0])
            continue
        used: set[str] = set()
        for p in sorted(group, key=lambda p: (p.born or "9999", p.first or "", -p.count)):
            tag = (p.born or "")[:4] or next((pl for pl in sorted(p.places()) if pl), "") or "?"
            pid, n = f"{base}#{tag}", 2
            while pid in used:
                pid, n = f"{base}#{tag}-{n}", n + 1
            used.add(pid)
            p.id = pid
            out.append(p)
    return out
