"""Shared position helpers for the event extractors (meetings, activities, directives).

Events never re-parse names, dates or places: they link to the records the earlier layers put on
``ctx.doc`` by character position. These helpers turn those records into sorted position lists and
answer "which person / date / place lies here".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from policyie import lazy_pattern
from policyie.extractors._people import LOCAL_HEAD_POST, jieba_freq
from policyie.extractors._spans import SpanIndex, occurrences
from policyie.extractors.base import Context
from policyie.nlp import split_on
from policyie.records import DateMention

# Clause and sentence punctuation; the normaliser may leave half-width commas in Chinese text.
CLAUSE_PUNCT = "，,；;。！？!?：:\n"
SENT_PUNCT = "。！？!?；;\n"
SENT_PUNCT_RE = lazy_pattern.compile("[" + regex.escape(SENT_PUNCT) + "]")
_SENT_PUNCT_LAST = lazy_pattern.compile("[" + regex.escape(SENT_PUNCT) + "]", flags=regex.REVERSE)
_CLAUSE_PUNCT_LAST = lazy_pattern.compile("[" + regex.escape(CLAUSE_PUNCT) + "]", flags=regex.REVERSE)
PARA_BREAK = lazy_pattern.compile(r"\n+|(?<=[。！？!?”」])[ \t\u3000]+")
# A team a leader takes on a tour (检查组, 执法检查组, 督导组): in the report it stands for its leader.
TEAM_VERBS = "检查|调研|督导|督查|考察|视察|巡视|巡察"
TEAM = rf"(?:执法)?(?:{TEAM_VERBS})组"


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str
    start: int
    end: int


def _cache(ctx: Context) -> dict:
    """Per-document memo of the sorted position lists below."""
    return ctx.memo.setdefault("events", {})


# jieba frequency from which a dictionary word is taken for a common word, not a person (安全法 53 is not one).
COMMON_WORD = 40


def person_mentions(ctx: Context) -> list[PersonMention]:
    """Every known mention of a person, sorted by position.

    Officials come first; when that layer is empty we fall back to the NLP layer's PER entities and
    ``nr`` tokens of two or three characters, which is weaker but better than nothing.
    """
    cache = _cache(ctx)
    if "persons" in cache:
        return cache["persons"]
    out: list[PersonMention] = []
    for o in ctx.doc.officials or []:
        for m in o.mentions or []:
            out.append(PersonMention(o.name, m.start, m.end))
        if not o.mentions:  # names without offsets: find them ourselves
            out += [PersonMention(o.name, at, at + len(o.name)) for at in occurrences(ctx.text, o.name or "")]
    if not out:
        # (a common word of the dictionary is no name here, whatever the tagger or jieba's own tag says: 西风,
        # 关怀, 越冬, 秦岭, 汤加 are nr in jieba's dict.txt)
        # (a place the places layer settled is no person, nor part of one, though jieba tags it nr: 昌珠寺、桑耶寺等
        # 寺庙, 唐山港|曹妃甸|港区)
        in_place = SpanIndex((m.start, m.end) for p in ctx.doc.places or [] for m in p.mentions).contains
        seen: set[tuple[int, int]] = set()
        for e in ctx.analysis.entities:
            if e.label == "PER" and 2 <= len(e.text) <= 4 and jieba_freq().get(e.text, 0) < COMMON_WORD \
                    and not in_place(e.start, e.end):
                out.append(PersonMention(e.text, e.start, e.end))
                seen.add((e.start, e.end))
        for t in ctx.analysis.tokens:
            if t.pos == "nr" and 2 <= len(t.text) <= 3 and (t.start, t.end) not in seen \
                    and jieba_freq().get(t.text, 0) < COMMON_WORD and not in_place(t.start, t.end):
                out.append(PersonMention(t.text, t.start, t.end))
    out = sorted({(p.start, p.end, p.name): p for p in out}.values(), key=lambda p: (p.start, -p.end))
    # Drop mentions nested in a longer one (a surname token inside a full name).
    kept: list[PersonMention] = []
    for p in out:
        if kept and p.start < kept[-1].end:
            continue
        kept.append(p)
    cache["persons"] = kept
    cache["person_starts"] = [p.start for p in kept]
    return kept


def persons_in(ctx: Context, lo: int, hi: int) -> list[PersonMention]:
    ps = person_mentions(ctx)
    starts = _cache(ctx)["person_starts"]
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    return [p for p in ps[i:j] if p.end <= hi]


def person_ending_at(ctx: Context, pos: int, slack: str = "同志") -> PersonMention | None:
    """The person whose mention ends at ``pos`` (allowing a trailing 同志)."""
    for p in persons_in(ctx, max(0, pos - 12), pos):
        tail = ctx.text[p.end : pos]
        if tail == "" or tail == slack:
            return p
    return None


def last_person_before(ctx: Context, pos: int, lo: int = 0) -> PersonMention | None:
    ps = persons_in(ctx, lo, pos)
    return ps[-1] if ps else None


def resolve_pronoun(ctx: Context, pos: int) -> str | None:
    """Who 他/她 at ``pos`` refers to: the officials layer's resolver, else the last person before it."""
    from policyie.extractors.officials import resolve_pronoun as officials_resolve

    name = officials_resolve(ctx, pos)
    if name:
        return name
    p = last_person_before(ctx, pos)
    return p.name if p else None


# No sentence of the 46k-item corpus runs past 800 characters between stops. Looking no further
# than this either way keeps every per-mention lookup bounded, so unpunctuated input costs time
# linear in its length (README "Limits") instead of quadratic.
MAX_SENTENCE = 1000


def sentence_bounds(ctx: Context, pos: int) -> tuple[int, int]:
    """The sentence holding ``pos`` (at most `MAX_SENTENCE` characters either side of it), computed
    on the text itself so any analysis works."""
    text = ctx.text
    lo = max(0, pos - MAX_SENTENCE)
    hi = min(len(text), pos + MAX_SENTENCE)
    before = _SENT_PUNCT_LAST.search(text, lo, pos)  # scans back from pos, not char by char in Python
    after = SENT_PUNCT_RE.search(text, pos, hi)
    return (before.end() if before else lo), (after.end() if after else hi)


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    if pos <= floor:
        return pos
    before = _CLAUSE_PUNCT_LAST.search(text, floor, pos)
    return before.end() if before else floor


def paragraphs(text: str) -> list[tuple[int, int]]:
    return split_on(PARA_BREAK, text, keep=False)


def paragraph_at(ctx: Context, pos: int) -> tuple[int, int]:
    cache = _cache(ctx)
    if "paras" not in cache:
        cache["paras"] = paragraphs(ctx.text)
        cache["para_starts"] = [a for a, _ in cache["paras"]]
    paras = cache["paras"]
    i = bisect_right(cache["para_starts"], pos) - 1
    return paras[max(i, 0)] if paras else (0, len(ctx.text))


def _dates(ctx: Context) -> list[DateMention]:
    cache = _cache(ctx)
    if "dates" not in cache:
        cache["dates"] = sorted((d for d in ctx.doc.dates or [] if d.value), key=lambda d: d.start)
        cache["date_starts"] = [d.start for d in cache["dates"]]
    return cache["dates"]


def dates_between(ctx: Context, lo: int, hi: int) -> list[DateMention]:
    ds = _dates(ctx)
    starts = _cache(ctx)["date_starts"]
    return ds[bisect_left(starts, lo) : bisect_left(starts, hi)]


def date_before(ctx: Context, pos: int, lo: int, exclude: tuple[int, int] | None = None) -> DateMention | None:
    """The date mention nearest before ``pos`` that starts at or after ``lo``.

    ``exclude`` is a span (a meeting's own name, 2024年第2次工委会议) whose dates are not the event's.
    Dates of year or coarser lose to a finer one further back (1月12日上午 … 2024年第2次).
    """
    best: DateMention | None = None
    for d in dates_between(ctx, lo, pos):
        if d.start < lo or d.end > pos:
            continue
        if exclude and d.start >= exclude[0] and d.end <= exclude[1]:
            continue
        if _festival_not_the_day(ctx.text, d) or _HOLIDAY_IS.search(ctx.text, max(0, d.start - 4), d.start):
            continue
        if best is None or _finer(d, best) or (_same_grain(d, best) and d.start > best.start and not (
                _FESTIVAL.search(d.text) and not _FESTIVAL.search(best.text))):
            best = d
    return best


# A holiday dated by its day (五一假期, 元旦前后) names the day an event is after or around, not the event's own
# day where the calendar's is written before it (5月8日，五一假期后首个工作日，…调研).
_FESTIVAL = lazy_pattern.compile(r"春节|元旦|国庆|劳动节|五一|清明|元宵|端午|中秋|重阳|七夕|腊八|假期|期间")


# 今年清明节假期为|4月3日至5日: the days a holiday's dates are said to be, no event's day.
_HOLIDAY_IS = lazy_pattern.compile(r"(?:假期|假日|长假|放假)(?:时间)?为$")


# What says a day named is still ahead (重阳节将至, 春节临近, 中秋节到来之际) or just past (清明节假期刚过): the time
# around an event, not its day.
AHEAD_OR_PAST = lazy_pattern.compile(r"将至|临近|即将到来|到来之际|来临之际|前夕|刚过|刚刚过去|刚结束|过后")


def _festival_not_the_day(text: str, d: DateMention) -> bool:
    """做好端午假期客流高峰应急准备, 重阳节将至: a festival named inside a clause, after its verb, is what the step
    prepares for, and one drawing near is still ahead (one just past, behind): none is the day of an event after it;
    one that opens its clause (端午假期，…) may date it."""
    if not _FESTIVAL.search(d.text):
        return False
    if AHEAD_OR_PAST.match(text, d.end) or text.startswith(("为", "时间为"), d.end):
        return True  # (今年清明节假期|为4月3日至5日: the holiday whose days are told, no event's day)
    return _OPENS_CLAUSE.fullmatch(text, clause_start(text, d.start), d.start) is None


# What may stand before a date that opens its clause (在端午假期, 一是|…).
_OPENS_CLAUSE = lazy_pattern.compile(r"\s*(?:在|于|从|自|是|一是|二是|三是|同时)?")


def date_after(ctx: Context, pos: int, hi: int) -> DateMention | None:
    for d in dates_between(ctx, pos, hi):
        if d.start >= pos and d.end <= hi:
            return d
    return None


_GRAIN = {"year": 0, "half": 1, "quarter": 1, "month": 2, "week": 3, "day": 4, "hour": 5, "minute": 5}
# Patterns tried at single positions, compiled once: regex's per-call cache lookup cost more than the match.
_DAY_VALUE = lazy_pattern.compile(r"^(\d{4}|XXXX)-\d\d-\d\d")
_TIME_VALUE = lazy_pattern.compile(r"^((?:\d{4}|XXXX)-\d\d-\d\d)T")


def is_day(d: DateMention) -> bool:
    """Whether the mention's value starts with a calendar day (2024-04-29, XXXX-10-26, a range from one)."""
    return _DAY_VALUE.match(d.value or "") is not None


def _grain(d: DateMention) -> int:
    if d.granularity in _GRAIN:
        return _GRAIN[d.granularity]
    return 4 if is_day(d) else 0


def _finer(a: DateMention, b: DateMention) -> bool:
    return (_grain(a) >= 4) and (_grain(b) < 4)


def _same_grain(a: DateMention, b: DateMention) -> bool:
    return (_grain(a) >= 4) == (_grain(b) >= 4)


def date_value(d: DateMention | None) -> str | None:
    if d is None:
        return None
    v = d.value
    # Part-of-day and time-of-day belong in `part`; the event date is the calendar day.
    m = _TIME_VALUE.match(v or "")
    return m.group(1) if m else v


def _places_from(ctx: Context, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every place mention starting inside [lo, hi), in text order (indexed once)."""
    cache = _cache(ctx)
    if "places" not in cache:
        cache["places"] = sorted((m.start, m.end, p.name) for p in ctx.doc.places or [] for m in p.mentions or [])
        cache["place_starts"] = [x[0] for x in cache["places"]]
    starts = cache["place_starts"]
    return cache["places"][bisect_left(starts, lo) : bisect_left(starts, hi)]


def place_names_in(ctx: Context, lo: int, hi: int) -> list[str]:
    """Canonical names of the places mentioned inside [lo, hi), in text order."""
    hits = [h for h in _places_from(ctx, lo, hi) if h[1] <= hi]
    # 北京 inside 北京经济技术开发区 is part of the longer name, not a place of its own.
    hits = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in hits)]
    return dedupe([name for _, _, name in hits])


def without_places(ctx: Context, lo: int, hi: int) -> str:
    """text[lo:hi] with every place mentioned inside written as 地 (他拉哈镇's 他 is no pronoun, 要 of a name no modal)."""
    chars = list(ctx.text[lo:hi])
    for s, e, _ in _places_from(ctx, lo, hi):
        chars[s - lo : min(e, hi) - lo] = "地" * (min(e, hi) - s)
    return "".join(chars)


def slogans_in(ctx: Context, lo: int, hi: int) -> list[str]:
    cache = _cache(ctx)
    if "slogans" not in cache:
        cache["slogans"] = sorted((m.start, m.end, s.text) for s in ctx.doc.slogans or [] for m in s.mentions or [])
        cache["slogan_starts"] = [x[0] for x in cache["slogans"]]
    ms = cache["slogans"][bisect_left(cache["slogan_starts"], lo) : bisect_left(cache["slogan_starts"], hi)]
    return dedupe([text for _, end, text in ms if end <= hi])


def dedupe(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


# What may sit between two names of one list: a separator and the next person's titles
# (陈吉宁，市人大常委会主任李伟), never a verb or a clause of its own.
_LIST_GAP = lazy_pattern.compile(r"^(?:同志)?(?:[、，,]|和|及|以及|与)?[\p{Han}、（）()·]{0,18}$")
_GAP_VERBS = lazy_pattern.compile(r"强调|指出|要求|表示|调研|考察|视察|检查|来到|察看|了解|主持|召开|出席|参加|在|到|时|要|将|是")
_LIST_TAIL = lazy_pattern.compile(r"^(?:同志)?(?:等[\p{Han}]{0,12})?$")


def leader_named_before(ctx: Context, leads: regex.Pattern, hi: int, reach: int) -> str | None:
    """Who leads, by the last match of ``leads`` before ``hi`` with a person named within ``reach`` characters
    before it (X带队 → the inspection team's leader, X率代表团 → the delegation's), or None."""
    leader = None
    for lm in leads.finditer(ctx.text, 0, hi):
        found = persons_in(ctx, max(0, lm.start() - reach), lm.start())
        leader = found[-1].name if found else leader
    return leader


def list_before(ctx: Context, pos: int, lo: int) -> list[str]:
    """The names listed right before ``pos`` (X、Y，Z等…出席 → [X, Y, Z]), nearest last."""
    ps = persons_in(ctx, lo, pos)
    if not ps:
        return []
    text = ctx.text
    last = ps[-1]
    if not _LIST_TAIL.match(text[last.end : pos]) and not own_post(ctx, last.name, text[last.end : pos]):
        return []
    names = [last.name]
    nxt = last
    for p in reversed(ps[:-1]):
        gap = text[p.end : nxt.start]
        if not _LIST_GAP.match(gap) or _GAP_VERBS.search(gap):
            break
        names.append(p.name)
        nxt = p
    return dedupe(list(reversed(names)))


def own_post(ctx: Context, name: str, between: str) -> bool:
    """茆瑗副区长|一同检查: what stands between the name and the verb is a local head's post the article gives that
    person (not 习近平总书记|在…时指出, a leader's words another official relays)."""
    return LOCAL_HEAD_POST.fullmatch(between) is not None and any(
        between in (t.text, t.post) for o in ctx.doc.officials or [] if o.name == name for t in o.titles)


# The order the contract fixes for the layers (see extractors/__init__.py).
def token_starts(ctx: Context) -> list[int]:
    cache = _cache(ctx)
    if "tok_starts" not in cache:
        cache["tok_starts"] = ctx.analysis.token_starts  # the analysis's own, shared with token_at
    return cache["tok_starts"]
