"""Officials: a name with the surface titles written next to it (SPEC.md §2, §3).

Recognised shapes, all driven by lexicons/posts.tsv and lexicons/orgs.tsv:

* titles before the name, chained by 、: 中共中央政治局常委、国务院副总理丁薛祥, 市委副书记、市长陈吉宁;
* a title shared over a list of names: 市领导崔述强、殷勇、杨晋柏，… (each gets 市领导);
* a few posts after the name: 习近平总书记;
* later bare mentions of an established name: 蔡奇、陈吉宁来到… .

Each title's org is normalised with the document's home jurisdiction (a Beijing paper's 市委 is 北京市委).
Reporters and editors (``ctx.doc.authors``) are never officials.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from policyie.extractors._people import (
    HAN,
    name_at,
    name_ending_at,
    orgs,
    place_forms,
    posts,
    resolve_pronoun,
)
from policyie.extractors.base import Context, register
from policyie.nlp import Analysis
from policyie.records import Official, Span, Title

__all__ = ["extract", "resolve_pronoun", "normalise_title", "home_jurisdiction"]

# Posts that may follow the name (习近平总书记); others after a name are too often something else.
SUFFIX_POSTS = ("总书记", "主席", "副主席", "总理", "副总理", "委员长", "副委员长")
# Segmenter tags a title's organ part is made of.
TITLE_POS = ("n", "ns", "nt", "nz", "j", "b", "nr", "un")
# Words that open a clause, never part of a title.
NOT_TITLE = {
    "会上",
    "会议",
    "期间",
    "其中",
    "同时",
    "此外",
    "随后",
    "今天",
    "昨天",
    "记者",
    "本报",
    "他",
    "她",
    "我们",
    "大家",
}
DROPPED = ("时任", "原任")
TITLE_SEP = regex.compile(r"[,，]?、[,，]?|兼")
LIST_SEP = regex.compile(r"[,，]?、[,，]?|和|及|以及")
MAX_TITLE = 24
# The organ implied by a bare post (市长 → 市政府).
IMPLIED_ORG = {
    "市长": "市政府", "副市长": "市政府", "常务副市长": "市政府", "省长": "省政府", "副省长": "省政府",
    "常务副省长": "省政府", "区长": "区政府", "副区长": "区政府", "县长": "县政府", "副县长": "县政府",
    "总理": "国务院", "副总理": "国务院", "国务委员": "国务院", "总书记": "中共中央", "委员长": "全国人大常委会",
    "副委员长": "全国人大常委会",
}  # fmt: skip
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


@cache
def post_pattern() -> regex.Pattern:
    words = sorted(posts(), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in words))


@cache
def base_posts() -> list[str]:
    """Posts without an organ folded in (书记, not 党委书记), longest first: the `post` of a Title."""
    folded = ("党委", "党组", "党工委", "工委", "政治局", "纪检", "国家", "监事会", "主席团")
    table = posts()
    keep = [
        p
        for p, k in table.items()
        if k != "group" and not any(p.startswith(f) and p[len(f) :] in table for f in folded)
    ]
    return sorted(keep, key=len, reverse=True)


@cache
def _organ_forms() -> frozenset[str]:
    return frozenset(orgs()) | frozenset(place_forms()) | frozenset(p for p, k in posts().items() if k != "group")


@cache
def place_pattern() -> regex.Pattern:
    forms = sorted((f for f in place_forms() if len(f) >= 2), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(f) for f in forms))


# ---------------------------------------------------------------------------------------------
# titles


def _post_ends_cleanly(an: Analysis, end: int) -> bool:
    """False when the post is the head of a longer word (委员|会, 书记|处)."""
    tok = an.token_at(end - 1)
    return tok is None or tok.end == end or tok.pos.startswith(("nr", "un"))


def _title_piece(piece: str, pos: str) -> bool:
    if not piece or not all(HAN.match(c) for c in piece) or piece in NOT_TITLE:
        return False
    if piece in orgs() or piece in posts() or piece in place_forms():
        return True
    return pos.startswith(TITLE_POS)


def _segment_start(text: str, an: Analysis, s: int) -> int:
    """Where the title whose post starts at ``s`` begins: walk left over organ and place words."""
    x = s
    forms = _organ_forms()
    while x > 0 and s - x < MAX_TITLE:
        # A known organ or place wins over the segmenter (发展改革委 is cut 发展/改革/委).
        k = next((k for k in range(min(12, x), 1, -1) if text[x - k : x] in forms), 0)
        if k and not text[x - k - 2 : x - k].endswith(DROPPED):
            x -= k
            continue
        tok = an.token_at(x - 1)
        if tok is None:
            break
        piece = text[tok.start : x]
        if piece.endswith(DROPPED) or not _title_piece(piece, tok.pos):
            break
        # A person's name right before the post is another person (习近平主席和…), not an organ.
        if x == s and tok.pos.startswith(("nr", "un")) and piece not in orgs() and piece not in place_forms():
            break
        x = tok.start
    return x


def _title_chain(text: str, an: Analysis, m: regex.Match, by_end: dict[int, regex.Match]) -> list[str]:
    """Title texts ending at ``m``: 市委副书记、市长 → [市委副书记, 市长]."""
    a = _segment_start(text, an, m.start())
    chain = [text[a : m.end()]]
    while True:
        sep = None
        for k in (3, 2, 1):
            if a - k >= 0 and TITLE_SEP.fullmatch(text, a - k, a):
                sep = a - k
                break
        prev = by_end.get(sep) if sep is not None else None
        if prev is None or not _post_ends_cleanly(an, prev.end()):
            break
        a = _segment_start(text, an, prev.start())
        chain.insert(0, text[a : prev.end()])
    return chain


# ---------------------------------------------------------------------------------------------
# jurisdiction and normalisation


def home_jurisdiction(ctx: Context) -> tuple[str | None, str | None]:
    """(province, city) the document is written from: its publisher first, then what it names most."""
    forms = place_forms()
    pat = place_pattern()
    for src in (ctx.doc.source or "",):
        m = pat.search(src)
        if m:
            level, canon = forms[m.group()]
            if level == "province":
                return canon, canon if canon in MUNICIPALITIES else None
            return None, canon
    prov: Counter[str] = Counter()
    city: Counter[str] = Counter()
    for place in ctx.doc.places or []:
        hit = forms.get(place.name)
        if hit:
            (prov if hit[0] == "province" else city)[hit[1]] += max(len(place.mentions), 1)
    if not prov and not city:
        for m in pat.finditer((ctx.doc.title or "") + "\n" + ctx.text):
            level, canon = forms[m.group()]
            (prov if level == "province" else city)[canon] += 1
    p = prov.most_common(1)[0][0] if prov else None
    c = city.most_common(1)[0][0] if city else None
    if p in MUNICIPALITIES and (c is None or city[c] < prov[p]):
        c = p
    return p, c


def _short(place: str) -> str:
    return place[:-1] if place.endswith(("省", "市")) and len(place) > 2 else place


def normalise_title(text: str, home: tuple[str | None, str | None] = (None, None)) -> Title:
    """Split a surface title into organ and post, naming the organ's place where the paper implies it."""
    province, city = home
    kind = posts().get(text)
    if kind == "group":
        scope = {"市": city, "省": province, "自治区": province}.get(
            text[: text.index("领导")] if "领导" in text else ""
        )
        return Title(text=text, org=scope, post=None)
    post = next((p for p in base_posts() if text.endswith(p)), None)
    org = text[: len(text) - len(post)] if post else text
    if not org and post in IMPLIED_ORG:
        org = IMPLIED_ORG[post]
    if org.startswith("市") and not org.startswith("市场") and city:
        org = _short(city) + org
    elif org.startswith("省") and province:
        org = _short(province) + org
    return Title(text=text, org=org or None, post=post)


# ---------------------------------------------------------------------------------------------
# the extractor


class _Found:
    def __init__(self) -> None:
        self.titles: dict[str, list[str]] = {}
        self.first: dict[str, int] = {}

    def add(self, name: str, pos: int, titles: list[str]) -> None:
        self.first.setdefault(name, pos)
        have = self.titles.setdefault(name, [])
        for t in titles:
            t = t.removeprefix("时任")
            if t and t not in have:
                have.append(t)


def _segment_starts(text: str, an: Analysis, matches: list[regex.Match]) -> set[int]:
    return {_segment_start(text, an, m.start()) for m in matches}


def find_titled(ctx: Context) -> _Found:
    text, an = ctx.text, ctx.analysis
    matches = [m for m in post_pattern().finditer(text) if _post_ends_cleanly(an, m.end())]
    by_end = {m.end(): m for m in matches}
    starts = _segment_starts(text, an, matches) | {m.start() for m in matches}
    found = _Found()
    for m in matches:
        # Web copy sometimes puts a space between post and name (市委书记 蔡奇).
        at = m.end() + 1 if text[m.end() : m.end() + 1] in (" ", "\u3000") else m.end()
        g = name_at(text, at, an)
        if g is not None:
            chain = _title_chain(text, an, m, by_end)
            found.add(g.text_in(text), g.start, chain)
            end = g.end
            # Names listed after the first share its titles, until the next title starts.
            while (sep := LIST_SEP.match(text, end)) is not None and sep.end() not in starts:
                nxt = name_at(text, sep.end(), an)
                if nxt is None or (sep.group() in ("和", "及", "以及") and nxt.score < 1.5):
                    break
                found.add(nxt.text_in(text), nxt.start, chain)
                end = nxt.end
        if m.group() in SUFFIX_POSTS:
            g = name_ending_at(text, m.start(), an)
            if g is not None:
                found.add(g.text_in(text), g.start, [m.group()])
    return found


@register("officials")
def extract(ctx: Context) -> list[Official]:
    text = ctx.text
    found = find_titled(ctx)
    authors = set(ctx.doc.authors or [])
    home = home_jurisdiction(ctx)
    out: list[Official] = []
    for name in sorted(found.titles, key=lambda n: found.first[n]):
        if name in authors:
            continue
        mentions = [Span(name, m.start(), m.end()) for m in regex.finditer(regex.escape(name), text)]
        titles = [normalise_title(t, home) for t in found.titles[name]]
        out.append(Official(name=name, titles=titles, mentions=mentions))
    return out
