"""Readers for the curated name lists a knowledge base is built from (`policyie kb build --lists DIR`).

Each reader takes the folder the files sit in (``../shared/data/names`` and ``../shared/data/officials``
in a development checkout; any folder holding files of these names and layouts) and yields `Person`s
with the posts the list states. Persons of several lists are merged by name and birth year, or by name
alone when only one person of that name is listed.

* ``cc19_central_committee_2017.tsv``: the 19th Central Committee (2017), with birth date, current post
  and career (履历: ``2012.12—2014.07,任济南军区空军政治委员。 | …``, read into dated posts);
* ``provincial_leaders_1998_2017.tsv``: provincial Party secretaries and governors, one row per year;
* ``prefecture_mayors_1990_2019.tsv``: prefecture-level mayors, one row per year, with birth month;
* ``background1.csv`` (China Political Elite Database v1.0, Jiang 2018): names with birth dates, which
  tell namesakes apart (李建国(山东省), 王宁(1955)).
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from policyie.kb import Person, Post

CAREER_ITEM = re.compile(r"^\s*(\d{4})(?:\.(\d{1,2}))?\s*[—–-]+\s*(?:(\d{4})(?:\.(\d{1,2}))?)?\s*[,，]\s*(.+?)\s*$")
ROLE_TITLES = {"party_secretary": "省委书记", "governor": "省长"}
# The lists' snapshot dates: a post the 2017 list calls current was held at least until then.
CC19_AS_OF = "2017-10"


def read_all(folder: str | Path) -> list[Person]:
    """Every list found in ``folder`` (and its ``names``/``officials`` subfolders), merged."""
    root = Path(folder)
    dirs = [root, root / "names", root / "officials", root.parent / "officials"]

    def find(name: str) -> Path | None:
        return next((d / name for d in dirs if (d / name).is_file()), None)

    people: list[Person] = []
    readers = (
        ("cc19_central_committee_2017.tsv", cc19),
        ("provincial_leaders_1998_2017.tsv", provincial_leaders),
        ("prefecture_mayors_1990_2019.tsv", prefecture_mayors),
        ("background1.csv", cped),
    )
    for name, reader in readers:
        path = find(name)
        if path is not None:
            people = merge(people, reader(path))
    return people


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _month(y: str | None, m: str | None) -> str | None:
    if not y or not y.isdigit() or not 1900 <= int(y) <= 2100:
        return None  # 9999 and the like: "until now", which the caller supplies
    return f"{y}-{int(m):02d}" if m and m.isdigit() and 1 <= int(m) <= 12 else y


def cc19(path: Path) -> Iterator[Person]:
    for r in _tsv(path):
        name = (r.get("姓名") or "").strip()
        if not name:
            continue
        posts = []
        for item in (r.get("履历") or "").split("|"):
            m = CAREER_ITEM.match(item)
            if not m:
                continue
            desc = re.sub(r"^(?:任|历任|先后任|后任)", "", m.group(5)).rstrip("。；; ")
            if not desc or len(desc) > 60 or "学习" in desc[-4:]:
                continue
            posts.append(Post(title=desc, first=_month(m.group(1), m.group(2)),
                              last=_month(m.group(3), m.group(4)) or CC19_AS_OF, source="cc19"))
        current = (r.get("担任职务") or "").strip()
        if current:
            posts.append(Post(title=current, last=CC19_AS_OF, first=posts[-1].first if posts else None, source="cc19"))
        born = (r.get("出生日期") or "")[:7] or None
        yield Person(id="", name=name, born=born, posts=posts)


def _province_names() -> dict[str, str]:
    from policyie.gazetteer import load

    out = {}
    for e in load().entries.values():
        if e.level == "province" and e.code:
            out[e.code[:2]] = e.name
    return out


def provincial_leaders(path: Path) -> Iterator[Person]:
    provinces = _province_names()
    spans: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for r in _tsv(path):
        name, code, role = (r.get("name") or "").strip(), (r.get("provcode") or "")[:2], r.get("role") or ""
        if name and role in ROLE_TITLES:
            spans[(name, code, role)] += [_ym(r.get("start")), _ym(r.get("end"))]
    people: dict[str, Person] = {}
    for (name, code, role), dates in spans.items():
        prov = provinces.get(code)
        dates = [d for d in dates if d]
        short = prov.removesuffix("省") if prov else ""
        title = (short + ROLE_TITLES[role]) if prov else ROLE_TITLES[role]
        if prov and prov.endswith(("市", "自治区")):  # 北京市委书记, 广西壮族自治区党委书记
            title = prov + ("委书记" if role == "party_secretary" and prov.endswith("市") else
                            "党委书记" if role == "party_secretary" else "市长" if prov.endswith("市") else "主席")
        person = people.setdefault(name, Person(id="", name=name))
        person.posts.append(Post(title=title, place=prov, first=min(dates, default=None), last=max(dates, default=None),
                                 source="provincial_leaders"))
    yield from people.values()


def _ym(value: str | None) -> str | None:
    """1993-1 → 1993-01."""
    if not value:
        return None
    parts = value.strip().split("-")
    if not parts[0].isdigit():
        return None
    return _month(parts[0], parts[1] if len(parts) > 1 else None)


def prefecture_mayors(path: Path) -> Iterator[Person]:
    spans: dict[tuple[str, str, str], dict[str, list[str]]] = defaultdict(lambda: {"d": [], "b": []})
    for r in _tsv(path):
        name, pref = (r.get("name") or "").strip(), (r.get("pref") or "").strip()
        if not name or not pref:
            continue
        s = spans[(name, pref, (r.get("birth") or "")[:7])]
        s["d"] += [d for d in (_ym(r.get("start")), _ym(r.get("end"))) if d]
    people: dict[tuple[str, str], Person] = {}
    for (name, pref, born), s in spans.items():
        person = people.setdefault((name, born), Person(id="", name=name, born=born or None))
        title = pref + ("长" if pref.endswith(("市", "州", "盟")) else "市长")
        person.posts.append(Post(title=title, place=pref, first=min(s["d"], default=None), last=max(s["d"], default=None),
                                 source="prefecture_mayors"))
    yield from people.values()


DISAMBIGUATOR = re.compile(r"[(（]([^)）]*)[)）]$")


def cped(path: Path) -> Iterator[Person]:
    raw = path.read_bytes().decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    for r in csv.DictReader(io.StringIO(raw)):
        name = (r.get("姓名") or "").strip()
        name = DISAMBIGUATOR.sub("", name).strip()
        if not name:
            continue
        birth = (r.get("出生日期(YYYY-MM-DD)") or "").strip()
        parts = birth.split("/")
        born = f"{parts[2]}-{int(parts[1]):02d}" if len(parts) == 3 and parts[2].isdigit() and parts[1].isdigit() else None
        yield Person(id="", name=name, born=born)


def merge(people: list[Person], more: Iterable[Person]) -> list[Person]:
    """Add ``more`` to ``people``: the same person when name and birth year agree, or when the name is
    listed once on each side and neither gives a birth year that differs."""
    by_name: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        by_name[p.name].append(p)
    out = list(people)
    for p in more:
        group = by_name[p.name]
        year = (p.born or "")[:4]
        same = [q for q in group if year and (q.born or "")[:4] == year]
        if not same and len(group) == 1 and (not year or not group[0].born):
            same = group
        if len(same) == 1:
            q = same[0]
            q.born = q.born or p.born
            q.posts.extend(p.posts)
            continue
        out.append(p)
        group.append(p)
    return out
