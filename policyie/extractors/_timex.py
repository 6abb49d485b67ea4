"""What a date expression means: `Spec` (what the text says), the anchoring that fills what it
leaves open, and the calendar arithmetic that writes TIMEX-style values.

Kept apart from the grammar in `dates.py` so that the grammar reads as rules and this module as
arithmetic. Values follow SPEC.md §2: ``2024-04-29``, ``2024-04``, ``2024``, ``2024-Q1``,
``2024-H2``, ``2024-SU``, ``2024-W18``, an unknown year as ``XXXX`` (``XXXX-10-26``) and a
range as ``start/end``.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from policyie import lexicons
from policyie.extractors._numerals import DIGITS

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

# Lunar New Year (春节) in the Gregorian calendar. A fixed astronomical fact, not a lexicon; beyond
# this table the festival falls back to month granularity in late January / February.
SPRING_FESTIVAL = {
    2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9),
    2006: (1, 29), 2007: (2, 18), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3),
    2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28),
    2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
    2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
    2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19), 2035: (2, 8),
}

# Meteorological seasons; 暑期/暑假 and 寒假 are narrower school holidays.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


_FULLWIDTH_DIGIT = re.compile("[０-９]")


def ascii_digits(text: str) -> str:
    """Full-width digits to ASCII, one character for one so offsets survive."""
    # translate() looks every character up in the table; most texts have no full-width digit at all
    return text.translate(_FULLWIDTH) if _FULLWIDTH_DIGIT.search(text) else text


def cn_number(s: str) -> int | None:
    """``2024``, ``二〇二四`` (digit by digit), ``十二``, ``二十六``, ``三十一`` → int; None if unreadable."""
    s = ascii_digits(s)
    if s.isdigit():
        return int(s)
    if not s or any(c not in DIGITS and c != "十" for c in s):
        return None
    if "十" not in s:  # 二〇二四: positional digits
        n = 0
        for c in s:
            n = n * 10 + DIGITS[c]
        return n
    tens, _, units = s.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def valid_day(year: int | None, month: int | None, day: int) -> bool:
    if not 1 <= day <= 31:
        return False
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    return day <= last_day(year if year is not None else 2024, month)  # a leap year admits 2月29日


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


@dataclass(frozen=True)
class Resolved:
    """One resolved calendar value: the TIMEX string, its granularity and its first and last day."""

    value: str
    granularity: str
    first: date | None = None
    last: date | None = None

    @property
    def interval(self) -> list[str] | None:
        if self.first is None or self.last is None:
            return None
        return [self.first.isoformat(), self.last.isoformat()]


def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def day_value(year: int | None, month: int | None, day: int | None, granularity: str = "day") -> Resolved:
    m = "XX" if month is None else f"{month:02d}"
    d = "XX" if day is None else f"{day:02d}"
    return Resolved(f"{_y(year)}-{m}-{d}", granularity)


def month_value(year: int | None, month: int, first_day: int = 1, last: int | None = None) -> Resolved:
    if year is None:
        return Resolved(f"XXXX-{month:02d}", "month")
    end = min(last or 31, last_day(year, month))
    return Resolved(f"{year:04d}-{month:02d}", "month", date(year, month, first_day), date(year, month, end))


def year_value(year: int | None) -> Resolved:
    if year is None:
        return Resolved("XXXX", "year")
    return Resolved(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def quarter_value(year: int | None, q: int) -> Resolved:
    if year is None:
        return Resolved(f"XXXX-Q{q}", "quarter")
    m0 = 3 * q - 2
    return Resolved(f"{year:04d}-Q{q}", "quarter", date(year, m0, 1), date(year, m0 + 2, last_day(year, m0 + 2)))


def half_value(year: int | None, h: int) -> Resolved:
    if year is None:
        return Resolved(f"XXXX-H{h}", "half")
    return Resolved(f"{year:04d}-H{h}", "half", date(year, 1 if h == 1 else 7, 1), date(year, 6 if h == 1 else 12, 30 if h == 1 else 31))


def season_value(year: int | None, code: str, months: tuple[int, int] | None = None) -> Resolved:
    """夏季 → 2024-SU; a school holiday, whose months are known (暑假, 暑期, 寒假), → its months as a range (2024-07/2024-08),
    as the annotators of every check set that holds one (jan46, jan47, jan65, jan66) value it."""
    if year is None:
        return Resolved(f"XXXX-{code}", "season")
    m0, m1 = months or SEASON_MONTHS[code]
    y1 = year + 1 if m1 < m0 else year
    value = f"{year:04d}-{m0:02d}/{y1:04d}-{m1:02d}" if months else f"{year:04d}-{code}"
    return Resolved(value, "season", date(year, m0, 1), date(y1, m1, last_day(y1, m1)))


def week_value(monday: date) -> Resolved:
    iso = monday.isocalendar()
    return Resolved(f"{iso[0]:04d}-W{iso[1]:02d}", "week", monday, monday + timedelta(days=6))


def xun_value(year: int | None, month: int, xun: int, last_xun: int | None = None) -> Resolved:
    """上旬 1–10, 中旬 11–20, 下旬 21–end (中下旬 11–end): the month as the value, as every check set's
    annotators write it (10月下旬 → 2026-10), the days in the interval (2026-10-21 to 2026-10-31)."""
    d0 = 1 + 10 * (xun - 1)
    xun_end = last_xun or xun
    if year is None:
        return Resolved(f"XXXX-{month:02d}", "xun")
    d1 = 10 * xun_end if xun_end < 3 else last_day(year, month)
    return Resolved(f"{year:04d}-{month:02d}", "xun", date(year, month, d0), date(year, month, d1))


def span(a: Resolved, b: Resolved) -> Resolved:
    """An explicit range ``a`` to ``b`` (3月30日至31日, 1至3月, 2021—2025年)."""
    # 7月下旬至8月上旬: either end may be a period itself; the range runs from the first's start to the last's end
    first, last = a.value.split("/")[0], b.value.split("/")[-1]
    if a.granularity == "xun" or b.granularity == "xun":
        # 7月下旬至8月上旬 runs from the first 旬's first day to the last's last day
        first = a.first.isoformat() if a.first else first
        last = b.last.isoformat() if b.last else last
        return Resolved(f"{first}/{last}", "day", a.first or _day_of(first), b.last or _day_of(last))
    return Resolved(f"{first}/{last}", a.granularity, a.first or _day_of(first), b.last or _day_of(last))


def _day_of(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# ---------------------------------------------------------------- what the text says, and what it means


@dataclass(frozen=True)
class Spec:
    """One parsed expression before anchoring. Unset fields are what the anchors must supply."""

    unit: str  # day, month, xun, year, ymod, quarter, quarters, half, season, week, weekday, holiday, approx
    year: int | None = None  # written out: 2024年
    year_shift: int | None = None  # deictic: 今年 0, 去年 −1
    year_anaphor: bool = False  # 同年/当年: the year of the previous date
    month: int | None = None
    month_shift: int | None = None  # 本月 0, 上月 −1
    month_anaphor: bool = False  # 当月/同月
    day: int | None = None
    day_shift: int | None = None  # 今天 0, 昨天 −1
    day_anaphor: int | None = None  # 当天 0, 次日 +1
    n: int | None = None  # quarter, half or 旬 number; week shift
    code: str | None = None  # season code, 底/末/初, holiday name
    months: tuple[int, int] | None = None  # narrower season (暑期 = Jul–Aug)
    part: str | None = None
    future: bool = False  # announced, not reported (将于, 预计, 力争…前): may lie after the paper
    onward: bool = False  # 7月1日起: a start that may lie months after the paper
    workday: int | None = None  # 处暑后首个工作日 +1, …前最后一个工作日 −1: the working day from the day named
    weekday_from: tuple[int, int] | None = None  # 雨水后第一个周一 (+1, 0): the first such weekday after (−1: before; 0: in its week)
    weekday_nth: int | None = None  # 腊月第二个周五: the n-th such weekday counted from the day itself, in weekday_from's way

    @property
    def day_of_month(self) -> int | None:
        """The day for a day expression; a 旬 keeps its range end in ``day`` and is month-level."""
        return self.day if self.unit == "day" else None


# ---------------------------------------------------------------- anchoring


@dataclass
class Anchors:
    """What a document offers to fill the gaps, updated as the mentions are read in order."""

    published: date | None
    doc_year: int | None
    sentence_years: dict[tuple[int, int], list[tuple[int, int]]]  # sentence → [(position, year)]
    # positions of target years (到2030年, 2035年前): one written after a date is no year of that date
    targets: frozenset[int] = frozenset()
    last_year: tuple[int, int | None, int | None] | None = None  # latest date with a known year, this paragraph
    # the sentence of last_year when that date was announced (计划2026年建成): beyond it, no anchor
    last_year_announced: tuple[int, int] | None = None
    last_month: tuple[int | None, int] | None = None  # latest date with a known month
    last_day: date | None = None  # latest full date
    top_day: date | None = None  # the story's day: the latest day read with its part (12日上午), see dates.py
    inset: bool = False  # last_day looks back from top_day inside a paragraph (… 11日晚，习近平抵达)
    para_dated: bool = False  # a date opens the paragraph being read (14日至15日，…)
    span_first: date | None = None  # first day of the latest span of days (10月21日至22日), if later than last_day
    listed: bool = False  # span_first is the first of two days listed (本周二、周三), not of a range (12日到13日)
    tour: tuple[date, date] | None = None  # the latest span of days, kept across the single days told in it (第三天)
    span_months: tuple[str, str] | None = None  # the latest span's ends where it crosses a month (1月31日至2月6日)
    month_from_day: bool = False  # last_month came from a full date (4月28日), not a month (去年9月)
    crossed: bool = False  # a paragraph break lies between the last date and this one
    story_days: dict[int, date] = field(default_factory=dict)  # bare days read as the paper's (2日 → 11月2日)
    sentence: tuple[int, int] | None = None  # the sentence of the mention being resolved
    month_sentence: tuple[int, int] | None = None  # the sentence last_month was read in

    def sentence_year(self, sentence: tuple[int, int], pos: int) -> int | None:
        """The year written nearest to ``pos`` in its sentence, other than one at ``pos`` itself
        (the earlier year on a tie) and other than a target written after it (新馆将于10月开放，2030年前全面建成).
        ``sentence_years`` lists are sorted: only the neighbours on either side can be nearest, which keeps a
        sentence of many years linear."""
        years = self.sentence_years.get(sentence)
        if not years:
            return None
        i = bisect_left(years, (pos,))
        j = i
        while j < len(years) and (years[j][0] == pos or years[j][0] in self.targets):
            j += 1
        near = [(pos - years[i - 1][0], years[i - 1][1])] if i > 0 else []
        if j < len(years):
            near.append((years[j][0] - pos, years[j][1]))
        return min(near)[1] if near else None


def _now_year(anc: Anchors, sentence_year: int | None) -> int | None:
    """The year a deictic word (今年, 明年) counts from."""
    if anc.published:
        return anc.published.year
    if sentence_year is not None:
        return sentence_year
    if anc.last_year and not anc.last_year_announced:
        return anc.last_year[0]
    return anc.doc_year


def _carried_year(anc: Anchors) -> int | None:
    """The last date's year, unless it was a target announced in another sentence."""
    if not anc.last_year or (anc.last_year_announced and anc.last_year_announced != anc.sentence):
        return None
    return anc.last_year[0]


def _not_after_publication(anc: Anchors, year: int, month: int | None, day: int | None) -> bool:
    """A reported event is not after the paper: 12月20日 … 部署2025年工作 is still 2024."""
    if anc.published is None or month is None:
        return True
    if day is None:
        return (year, month) <= (anc.published.year, anc.published.month)
    return (year, month, day) <= (anc.published.year, anc.published.month, anc.published.day)


def _fill_year(spec: Spec, anc: Anchors, sentence_year: int | None) -> int | None:
    if spec.year is not None:
        return spec.year
    if spec.year_shift is not None:
        base = _now_year(anc, sentence_year)
        return None if base is None else base + spec.year_shift
    if spec.year_anaphor:
        return anc.last_year[0] if anc.last_year else (anc.published.year if anc.published else None)
    pub = anc.published
    day = spec.day_of_month
    # 今天（3月25日）, 3月22日 in a paper of 25 March: a day within days of the paper is the paper's,
    # whatever statistics year the sentence also names (2025年度…发布).
    if pub is not None and spec.month is not None and day is not None and valid_day(pub.year, spec.month, day):
        if -10 <= (date(pub.year, spec.month, day) - pub).days <= 3:
            return pub.year
    if spec.unit == "holiday" and pub is not None:
        return _nearest_year(pub, spec)  # 春节临近: the festival at hand, not a year the sentence cites
    dated = spec.unit in ("day", "month", "xun") and not spec.future  # events reported: not after the paper
    carried = _carried_year(anc)
    if spec.unit == "ymod" and spec.code in ("底", "末") and pub is not None and carried is not None \
            and carried > pub.year and sentence_year is None:
        return pub.year  # 明年6月底前建成，年底前完成…: a bare 年底 is the paper's year, not the later deadline's
    if spec.future and pub is not None and carried is not None and carried > pub.year and spec.month is not None \
            and (spec.month, day or 1) >= (pub.month, pub.day if day else 1):
        # 明年1月底前完成…；12月20日前报送 in a paper of 28 November: a deadline still ahead this year is this year's,
        # not the year a later deadline named
        return pub.year
    for y, from_before in ((sentence_year, False), (carried, True)):
        if y is None or (spec.future and pub is not None and pub.year - 2 <= y < pub.year):
            continue  # an announced date is not in the year a comparison cites (同比2023年)
        if from_before and spec.future and pub is not None and y == pub.year and spec.month is not None \
                and (spec.month, day or last_day(y, spec.month)) < (pub.month, pub.day):
            continue  # 要在1月5日前完成 in a paper of December that dated the inspection this year: the coming one
        if y == (pub.year - 1 if pub else None) and _just_closed(spec, pub):
            continue  # 去年，全县…，上半年农村居民人均可支配收入… in a paper of July: the half just reported, this year's
        if not dated or _not_after_publication(anc, y, spec.month, day):
            return y
    if pub is not None:
        return _nearest_year(pub, spec)
    return anc.doc_year


def _just_closed(spec: Spec, pub: date | None) -> bool:
    """Whether a bare half or quarter of the paper's own year, or its first months (前三季度), ended at most four months
    before the paper: the period the news reports figures for (no check set reads a bare one as last year's)."""
    if pub is not None and spec.unit == "month" and spec.months is not None and spec.months[0] == 1:
        last_month = spec.months[1]  # 前三季度, 前10个月: the year's first months, just reported
    elif pub is None or spec.unit not in ("half", "quarter") or spec.code is not None:
        return False
    else:
        last_month = 6 * (spec.n or 1) if spec.unit == "half" else 3 * (spec.n or 1)
    end = date(pub.year, last_month, last_day(pub.year, last_month))
    return timedelta(0) < pub - end <= timedelta(days=120)


def _day_after(r: Resolved, pub: date) -> bool:
    """Whether a resolved day lies months after the paper's (a holiday's few days ahead may still be reported: 五一假期第二天
    in a page dated the day before the holiday)."""
    parts = r.value.split("-")
    return len(parts) == 3 and all(p.isdigit() for p in parts) and date(*map(int, parts)) > pub + timedelta(days=_MONTHS_AHEAD)


_MONTHS_AHEAD = 60


def _nearest_year(pub: date, spec: Spec) -> int:
    """For 12月30日 in a paper of 2 January, the year before; otherwise the paper's year."""
    y = pub.year
    if spec.unit == "holiday" and spec.part and not spec.future and (
            spec.weekday_from or spec.day_shift or spec.workday) and _day_after(_holiday_value(spec, y), pub):
        return y - 1  # 教师节后第一个周五上午 in a paper of January: a meeting the page reports, last September's
    if spec.month is None:
        if spec.unit == "holiday" and spec.code in ("春节", "元旦", "元宵节", "正月") and pub.month >= 11:
            return y + 1
        if spec.unit == "holiday" and (spec.code or "").startswith("solar:") and spec.code[6:] in SOLAR_TERMS:
            # 冬至 (and 三九 counted from it) in a paper of January is last December's; 小寒 in December the coming one
            term_month = SOLAR_TERMS[spec.code[6:]][0]
            if term_month == 12 and pub.month <= 2:
                return y - 1
            if term_month <= 2 and pub.month == 12:
                return y + 1
        if spec.unit == "quarter" and spec.n == 1 and spec.future and pub.month >= 11:
            return y + 1  # 确保一季度开门红 in a paper of December: the coming quarter
        return y
    day = spec.day_of_month
    if day is None:
        if pub.month <= 2 and (spec.month >= 11 or (spec.months is not None and spec.months[1] >= 11)):
            return y - 1  # (前11个月 in a paper of January: last year's first eleven months, as a bare 11月 is)
        if spec.future and spec.month < pub.month:
            return y + 1  # 要在1月下旬前完成 in a paper of December: the coming January (a deadline is ahead)
        return y
    if spec.future:  # 力争10月31日前完工 in a paper of March: the coming 31 October
        return next(c for c in (y, y + 1) if not valid_day(c, spec.month, day) or _safe(c, spec.month, day) >= pub)
    best = y
    for cand in (y - 1, y, y + 1):
        if valid_day(cand, spec.month, day):
            d = date(cand, spec.month, day)
            if abs((d - pub).days) < abs((_safe(best, spec.month, day) - pub).days):
                best = cand
    # A reported day months ahead of the paper is last year's (会议指出，3月21日…爆炸 in November);
    # an announced one keeps its future (spec.future returned above).
    if not spec.onward and (_safe(best, spec.month, day) - pub).days > 90 and valid_day(best - 1, spec.month, day):
        best -= 1
    return best


def _safe(y: int, m: int, d: int) -> date:
    return date(y, m, min(d, last_day(y, m)))


def resolve_spec(spec: Spec, anc: Anchors, sentence_year: int | None) -> Resolved:
    u = spec.unit
    pub = anc.published
    if u == "approx":
        return Resolved(pub.isoformat(), "approx", pub, pub) if pub else Resolved("XXXX-XX-XX", "approx")
    if u == "day" and spec.day_shift is not None:
        return _shift_day(pub, spec.day_shift)
    if u == "day" and spec.code in ("prev-workday", "next-workday"):
        return _workday_from(pub, -1 if spec.code == "prev-workday" else 1)
    if u == "day" and (spec.code or "").startswith("workdays:"):
        return _workdays_from(pub, int(spec.code.removeprefix("workdays:")))
    if u == "day" and (spec.code or "").startswith("quarter:"):
        return _quarter_edge(pub, spec.n or 0, spec.code.removeprefix("quarter:"))
    if u == "day" and spec.day_anaphor is not None and spec.day_anaphor >= 2:
        return _ordinal_day(anc, spec.day_anaphor)
    if u == "day" and spec.day_anaphor is not None:
        # 10月21日至22日…。次日上午: with no single day before, the day after a span's first day, the visit's second;
        # 本周二、周三…。当天下午: the first of two days listed, a tour told day by day, where they are the news of
        # the month before the paper (a range's 当天, 12日到13日…乌方当天表示, stays unsaid: its last day as often)
        after_span = anc.span_first is not None and anc.last_day is None and (spec.day_anaphor > 0 or (
            anc.listed and pub is not None and timedelta(0) <= pub - anc.span_first <= timedelta(days=31)))
        if not after_span and spec.day_anaphor == 1 and spec.part and anc.tour is not None \
                and anc.last_day == anc.tour[1] > anc.tour[0]:
            # 6月15日至16日…次日，…次日下午，…: a part of the next day once the tour has reached its last day re-tells
            # that day (the second 次日 counts from the tour's first, as the first did), not a day after the tour
            return _shift_day(anc.last_day, 0)
        return _shift_day(anc.span_first if after_span else anc.last_day or pub, spec.day_anaphor)
    if u in ("week", "weekday"):
        if pub is None:
            return Resolved("XXXX-WXX", "week") if u == "week" else day_value(None, None, None)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=spec.n or 0)
        if u == "week":
            return week_value(monday)
        d = monday + timedelta(days=spec.day or 0)
        near = anc.last_day or anc.span_first
        if spec.n is None and near is not None and timedelta(0) <= pub - near < timedelta(weeks=2):
            # 上周五至周六…。周六上午，他来到…: a weekday no 本/上/下 places is the first after the days just told
            d = near + timedelta(days=((spec.day or 0) - near.weekday()) % 7)
        return day_value(d.year, d.month, d.day)
    if u == "day" and spec.month is None and spec.month_shift is None and not spec.month_anaphor:
        return _bare_day(spec, anc)
    if spec.month_shift is not None or spec.month_anaphor:
        y, mo = _relative_month(spec, anc)
        spec = replace(spec, year=y, month=mo, year_shift=None, year_anaphor=False)
    year = _fill_year(spec, anc, sentence_year)
    if u == "day" and is_month_edge(spec.code) and year is not None and spec.month is not None:
        spec = replace(spec, day=edge_day(year, spec.month, spec.code))
    return _build(spec, year)


def _quarter_edge(pub: date | None, shift: int, edge: str) -> Resolved:
    """本季度首日, 上季度最后一天: the first or last day (or working day) of the paper's quarter, or one so many before or
    after it."""
    if pub is None:
        return day_value(None, None, None)
    q = pub.year * 4 + (pub.month - 1) // 3 + shift
    year, month = q // 4, (q % 4) * 3 + (1 if edge.startswith("first") else 3)
    return day_value(year, month, edge_day(year, month, edge))


# 上月最后一天, 本月首个工作日: a day named by where it falls in its month; a working day is Monday to Friday (the
# calendar's moved holidays are a State Council notice of each year, not arithmetic)
_MONTH_EDGES = frozenset(("first", "last", "first-workday", "last-workday"))


def is_month_edge(code: str | None) -> bool:
    """Whether a day's code names it by its place in its month (the codes `edge_day` reads)."""
    return code is not None and (code in _MONTH_EDGES or code.startswith(("weekday:", "from-last:", "xun:", "term:")))


def edge_day(year: int, month: int, edge: str) -> int:
    last = calendar.monthrange(year, month)[1]
    if edge.startswith("from-last:"):  # 倒数第二天: counted back from the month's last day
        return last + 1 - int(edge.split(":")[1])
    if edge.startswith("xun:"):  # 上旬最后一天: the 10th; 下旬第一天: the 21st; 下旬最后一天: the month's last
        _, xun, end = edge.split(":")
        first, final = (int(xun) - 1) * 10 + 1, (last if xun == "3" else int(xun) * 10)
        if end == "first-workday":  # 中旬首个工作日: the first weekday from the 11th on
            return _next_workday(date(year, month, first) - timedelta(days=1), 1).day
        if end == "last-workday":
            return _next_workday(date(year, month, final) + timedelta(days=1), -1).day
        return first if end == "first" else final
    if edge.startswith("term:"):  # 本月第二个节气: every month holds two solar terms, in the order of the year
        return sorted(solar_term_day(year, t).day for t, (mo, _) in SOLAR_TERMS.items() if mo == month)[int(edge[5:]) - 1]
    if edge.startswith("weekday:"):  # the month's n-th (or last) Monday … Sunday, or a day before or after it
        _, nth, wd, *shift = edge.split(":")
        if nth == "last":
            return last - (date(year, month, last).weekday() - int(wd)) % 7 + sum(map(int, shift))
        first = 1 + (int(wd) - date(year, month, 1).weekday()) % 7
        return min(first + 7 * (int(nth) - 1), last) + sum(map(int, shift))
    if edge == "first":
        return 1
    if edge == "last":
        return last
    if edge == "first-workday":
        return _next_workday(date(year, month, 1) - timedelta(days=1), 1).day
    return _next_workday(date(year, month, last) + timedelta(days=1), -1).day


def _workday_from(base: date | None, step: int) -> Resolved:
    """The working day (Monday to Friday) before or after ``base``."""
    if base is None:
        return day_value(None, None, None)
    d = _next_workday(base, step)
    return day_value(d.year, d.month, d.day)


def _workdays_from(base: date | None, n: int) -> Resolved:
    """三个工作日前: the day so many working days (Monday to Friday) before (n < 0) or after ``base``, which is not counted."""
    if base is None:
        return day_value(None, None, None)
    d = base
    for _ in range(abs(n)):
        d = _next_workday(d, 1 if n > 0 else -1)
    return day_value(d.year, d.month, d.day)


def _next_workday(base: date, step: int) -> date:
    """The first working day (Monday to Friday) after ``base`` in the direction of ``step`` (+1 or −1)."""
    d = base + timedelta(days=step)
    while d.weekday() >= 5:
        d += timedelta(days=step)
    return d


def _ordinal_day(anc: Anchors, offset: int) -> Resolved:
    """第三天, 第四天: the tour's third or fourth day, counted from the first of the latest span of days where it falls
    inside it (本周一至周三…次日…第三天); else the day after the last one told (3月2日…第二天…第三天)."""
    if anc.tour is not None and anc.tour[0] + timedelta(days=offset) <= anc.tour[1]:
        return _shift_day(anc.tour[0], offset)
    return _shift_day(anc.last_day, 1)


def _bounds_of(value: str) -> date | None:
    """The last day of a span of days (2027-03-15/2027-03-17), or None."""
    _, _, hi = value.partition("/")
    try:
        return date.fromisoformat(hi) if len(hi) == 10 else None
    except ValueError:
        return None


def _shift_day(base: date | None, shift: int) -> Resolved:
    if base is None:
        return day_value(None, None, None)
    d = base + timedelta(days=shift)
    return day_value(d.year, d.month, d.day)


def _from_publication(day: int, pub: date) -> date | None:
    """News reports the recent past: 8日 in a paper of the 30th is this month, 30日 in a paper of
    the 2nd is last month; up to a week ahead (将于8日举行) stays in this month."""
    y, mo = (pub.year, pub.month) if day <= pub.day + 7 else shift_month(pub.year, pub.month, -1)
    return date(y, mo, day) if valid_day(y, mo, day) else None


def _inherits_month(anc: Anchors, day: int) -> bool:
    """Whether a bare day takes the month of the last date rather than the paper's.

    Within a paragraph it does. Across a paragraph break only a full date passes its month on
    (去年9月。⏎16日 is this month's 16th), and not when that date lies weeks before the paper
    while the paper's own month puts the day in its last few days (a news round-up's next item), nor when the day
    would fall before that date in its month (a story goes on forward).
    """
    if not anc.month_from_day and anc.sentence != anc.month_sentence:
        return False  # 去年8月…。央视记者8日…: a month passes on its month only within its sentence
    if not anc.crossed or anc.published is None:
        return True
    own = _from_publication(day, anc.published)
    stale = anc.last_day is not None and (anc.published - anc.last_day).days > 15
    if stale and own is not None and day < anc.last_day.day and anc.last_month == (anc.last_day.year, anc.last_day.month):
        return False  # 去年11月27日，…签署。⏎美称伊朗8日导弹袭击…: a story goes on forward, a day before the old date is the paper's
    return not (stale and own is not None and 0 <= (anc.published - own).days <= 3)


def _bare_day(spec: Spec, anc: Anchors) -> Resolved:
    day = spec.day or 1
    told = anc.story_days.get(day)
    if told is not None and anc.crossed and anc.last_day is not None and anc.last_day < told:
        # 2日，…遗体火化。⏎…于10月27日在上海逝世。⏎2日上午，…: the story's day told again after a past date
        return day_value(told.year, told.month, told.day)
    if anc.span_months is not None and anc.last_month is not None and _inherits_month(anc, day):
        # (1月5日到2月1日…7日 is January's, 1月31日至2月6日…4日 February's: the month that puts the day inside the span)
        lo, hi = anc.span_months
        for y, mo in ((int(lo[:4]), int(lo[5:7])), (int(hi[:4]), int(hi[5:7]))):
            if valid_day(y, mo, day) and lo[:10] <= f"{y:04d}-{mo:02d}-{day:02d}" <= hi[:10]:
                return day_value(y, mo, day)
    if anc.last_month is not None and _inherits_month(anc, day):
        y, mo = anc.last_month
        if valid_day(y, mo, day) and (y is None or _not_after_publication(anc, y, mo, day)):
            return day_value(y, mo, day)
    if anc.published is not None:
        own = _from_publication(day, anc.published)
        if own is not None:
            anc.story_days[day] = own
            return day_value(own.year, own.month, own.day)
    return day_value(None, None, day)


def _relative_month(spec: Spec, anc: Anchors) -> tuple[int | None, int | None]:
    if spec.month_anaphor and anc.last_month:
        return anc.last_month
    if anc.published is None:
        return None, None
    return shift_month(anc.published.year, anc.published.month, spec.month_shift or 0)


def _build(spec: Spec, year: int | None) -> Resolved:
    u = spec.unit
    if u == "day":
        if spec.month is None:
            return day_value(year, None, spec.day)
        if year is not None and not valid_day(year, spec.month, spec.day or 1):
            return day_value(None, spec.month, spec.day)
        return day_value(year, spec.month, spec.day)
    if u == "month":
        if spec.month is None:
            return Resolved(f"{'XXXX' if year is None else year}-XX", "month")
        if spec.code in ("底", "末"):
            return month_value(year, spec.month, first_day=21)
        if spec.code == "初":
            return month_value(year, spec.month, last=10)
        return month_value(year, spec.month)
    if u == "xun":
        if spec.month is None:
            return Resolved(f"{'XXXX' if year is None else year}-XX", "month")
        return xun_value(year, spec.month or 1, spec.n or 1, spec.day or spec.n or 1)
    if u == "year":
        return year_value(year)
    if u == "ymod":
        return month_value(year, 1 if spec.code == "初" else 12)
    if u == "quarter":
        q = spec.n or 1
        if spec.code == "末":
            return month_value(year, 3 * q)
        if spec.code == "初":
            return month_value(year, 3 * q - 2)
        return quarter_value(year, q)
    if u == "half":
        return half_value(year, spec.n or 1)
    if u == "season":
        return season_value(year, spec.code or "SU", spec.months)
    if u == "holiday":
        return _holiday_value(spec, year)
    return year_value(year)


def qingming_day(year: int) -> int:
    """The April day of 清明, the solar term (the 21st century's rule: 4 or 5 April; 4 in 2024 and 2028, 5 in 2026)."""
    return solar_term_day(year, "清明").day


# The 24 solar terms and the constant C of the century's rule for their day (寿星通式: day = ⌊Y·0.2422 + C⌋ − ⌊L/4⌋,
# Y the year's last two digits, L = Y−1 for the terms of January and February, else Y): astronomy, not a lexicon.
SOLAR_TERMS = {
    "小寒": (1, 5.4055), "大寒": (1, 20.12), "立春": (2, 3.87), "雨水": (2, 18.73), "惊蛰": (3, 5.63),
    "春分": (3, 20.646), "清明": (4, 4.81), "谷雨": (4, 20.1), "立夏": (5, 5.52), "小满": (5, 21.04),
    "芒种": (6, 5.678), "夏至": (6, 21.37), "小暑": (7, 7.108), "大暑": (7, 22.83), "立秋": (8, 7.5),
    "处暑": (8, 23.13), "白露": (9, 7.646), "秋分": (9, 23.042), "寒露": (10, 8.318), "霜降": (10, 23.438),
    "立冬": (11, 7.438), "小雪": (11, 22.36), "大雪": (12, 7.18), "冬至": (12, 21.94),
}
SOLAR_TERM_RE = "|".join(SOLAR_TERMS)
SOLAR_TERM_CHARS = "".join(sorted({t[0] for t in SOLAR_TERMS}))


def solar_term_day(year: int, term: str) -> date:
    """The day of a solar term in a year of the 21st century, by the century's rule (a day off in a rare year)."""
    month, c = SOLAR_TERMS[term]
    y = year % 100
    leaps = (y - 1) // 4 if month <= 2 else y // 4
    return date(year, month, int(y * 0.2422 + c) - leaps)


@cache
def _lunar_months() -> dict[tuple[int, int], date]:
    """(lunar year, month) → the month's first Gregorian day (lunar_months.tsv; leap months are left out: no festival
    falls in one)."""
    return {(int(y), int(m)): date.fromisoformat(start)
            for y, m, leap, start in lexicons.rows("lunar_months.tsv", header=True) if leap == "0"}


@cache
def _lunar_starts() -> list[date]:
    """The first Gregorian day of every lunar month, leap months included, in order."""
    return sorted(date.fromisoformat(start) for _y, _m, _leap, start in lexicons.rows("lunar_months.tsv", header=True))


def lunar_last_day_in(year: int, month: int) -> date | None:
    """The last Gregorian day of lunar ``month`` (农历十月最后一天) that falls in Gregorian ``year``: the day before the
    next month opens, a leap month after it included; None outside the table."""
    starts = _lunar_starts()
    for lunar_year in (year, year - 1):
        first = _lunar_months().get((lunar_year, month))
        i = bisect_right(starts, first) if first is not None else len(starts)
        if i < len(starts) and (d := starts[i] - timedelta(days=1)).year == year:
            return d
    return None


def lunar_day_in(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of lunar ``month``/``day`` that falls in Gregorian ``year`` (腊八 of the lunar year before, in
    January, where the year's own falls in the next); None outside the table."""
    for lunar_year in (year, year - 1):
        first = _lunar_months().get((lunar_year, month))
        if first is not None and (d := first + timedelta(days=day - 1)).year == year:
            return d
    return None


# Named days of the calendar no one reads alone as a date (国家宪法日 is the day's cause, not its time), which 当天 after
# them dates whole (国家宪法日当天上午), as it does a solar term's day.
NAMED_DAYS = {"国家宪法日": (12, 4), "全国消防日": (11, 9), "国家公祭日": (12, 13), "植树节": (3, 12), "记者节": (11, 8),
              "高考": (6, 7),  # (高考首日, 高考前一天: the national college entrance exam opens on 7 June)
              "抗战胜利纪念日": (9, 3), "烈士纪念日": (9, 30), "国家安全教育日": (4, 15), "国家扶贫日": (10, 17)}
# The world's and the country's observance days on a fixed day (世界读书日当天, 世界环境日前一天); 全国助残日 and
# 文化和自然遗产日 move with the weekday and are left out.
OBSERVANCE_DAYS = {"世界水日": (3, 22), "世界气象日": (3, 23), "世界卫生日": (4, 7), "世界地球日": (4, 22),
                   "世界读书日": (4, 23), "中国航天日": (4, 24), "世界知识产权日": (4, 26), "国际护士节": (5, 12),
                   "全国防灾减灾日": (5, 12), "国际博物馆日": (5, 18), "世界无烟日": (5, 31), "世界环境日": (6, 5),
                   "世界海洋日": (6, 8), "国际禁毒日": (6, 26), "世界粮食日": (10, 16), "世界艾滋病日": (12, 1),
                   "国际志愿者日": (12, 5), "国际消费者权益日": (3, 15)}
NAMED_DAYS |= OBSERVANCE_DAYS


# Festivals on a fixed day of the Gregorian calendar, named days included.
_FIXED_DAYS = {"元旦": (1, 1), "劳动节": (5, 1), "国庆节": (10, 1), "建军节": (8, 1), "建党节": (7, 1), "儿童节": (6, 1),
               "教师节": (9, 10), "妇女节": (3, 8), "青年节": (5, 4)} | NAMED_DAYS


# The code of a weekday in the year's n-th week ("week-of-year:14:0": the 14th week's Monday).
WEEK_OF_YEAR = "week-of-year:"


def _week_day(year: int, code: str) -> Resolved:
    """The day of the n-th week's weekday, the week holding 1 January the first (Monday to Sunday)."""
    n, weekday = map(int, code.removeprefix(WEEK_OF_YEAR).split(":"))
    first = date(year, 1, 1)
    day = first - timedelta(days=first.weekday()) + timedelta(weeks=n - 1, days=weekday)
    if day.year != year:
        return Resolved(f"{year:04d}", "year")
    return day_value(day.year, day.month, day.day)


# 1949-10-01 was a 甲子 day: the stem of any day is its distance from it, mod 10 (庚, the seventh stem, is 6).
_JIAZI = date(1949, 10, 1)
_GENG = 6
# The code of a dog-days period (三伏): 初, 中 or 末伏, 三伏 the whole, 出 the day after it; ":1" its first day alone.
DOG_DAYS = "dogdays:"


def _geng_on_or_after(day: date, n: int) -> date:
    """The n-th 庚 day counting from ``day`` itself."""
    first = day + timedelta(days=(_GENG - (day - _JIAZI).days) % 10)
    return first + timedelta(days=10 * (n - 1))


def dog_days(year: int) -> dict[str, tuple[date, date]]:
    """初伏 opens on the third 庚 day from 夏至, 中伏 on the fourth, 末伏 on the first from 立秋 (so 中伏 lasts ten days or
    twenty), ten days each besides; 三伏 is all of them. 2032: 初伏 13 July, 中伏 23 July to 11 August, 末伏 12 August."""
    first = _geng_on_or_after(solar_term_day(year, "夏至"), 3)
    middle = first + timedelta(days=10)
    last = _geng_on_or_after(solar_term_day(year, "立秋"), 1)
    end = last + timedelta(days=9)
    return {"初": (first, middle - timedelta(days=1)), "中": (middle, last - timedelta(days=1)), "末": (last, end),
            "三": (first, end), "出": (end + timedelta(days=1), end + timedelta(days=1))}


def _dog_days_value(spec: Spec, year: int | None) -> Resolved:
    part, *first_day = (spec.code or "").removeprefix(DOG_DAYS).split(":")
    if year is None:
        return Resolved("XXXX", "year")
    a, b = dog_days(year)[part]
    if first_day or a == b:
        return _shift_day(a, spec.day_shift) if spec.day_shift else day_value(a.year, a.month, a.day)
    return Resolved(f"{a.isoformat()}/{b.isoformat()}", "day", a, b)


def _holiday_value(spec: Spec, year: int | None) -> Resolved:
    if (spec.code or "").startswith(DOG_DAYS):
        return _dog_days_value(spec, year)
    fixed = _FIXED_DAYS
    if (spec.code or "").startswith(WEEK_OF_YEAR):
        return _week_day(year, spec.code) if year is not None else Resolved("XXXX", "year")
    if year is not None and (spec.code or "").startswith("solar:"):
        fixed = {spec.code: (lambda d: (d.month, d.day))(solar_term_day(year, spec.code[6:]))}
    if spec.code in ("清明节", "清明"):  # 4 or 5 April, by the sun
        if spec.n or year is None:
            return month_value(year, 4)
        return day_value(year, 4, qingming_day(year))
    if spec.code in fixed:
        mo, d = fixed[spec.code]
    elif year is not None and (spec.code or "").startswith("lunar:"):  # 中秋节, 农历七月初一: lunar month:day
        month, day = spec.code[6:].split(":")
        lunar = lunar_last_day_in(year, int(month)) if day == "last" else lunar_day_in(year, int(month), int(day))
        if lunar is None:
            return Resolved(f"{year:04d}", "year")
        mo, d = lunar.month, lunar.day
    elif year is not None and year in SPRING_FESTIVAL:
        mo, d = SPRING_FESTIVAL[year]
        if spec.code in ("元宵节", "正月"):  # the fifteenth day of the first lunar month, or the day 正月 names
            lunar = date(year, mo, d) + timedelta(days=14 if spec.code == "元宵节" else (spec.day or 1) - 1)
            mo, d = lunar.month, lunar.day
    else:
        return Resolved("XXXX" if year is None else f"{year:04d}", "year")
    if spec.n:  # 春节前, 国庆期间: the month around the festival
        return month_value(year, mo)
    if year is None and (spec.day_shift or spec.workday):
        # 建军节前一天 with no year known: the day counted in a common year; a working day's weekday is unknown
        shifted = date(_COMMON_YEAR, mo, d) + timedelta(days=spec.day_shift or spec.workday or 0)
        return day_value(None, shifted.month, shifted.day)
    if spec.day_shift:  # 建军节前一天
        return _shift_day(date(year, mo, d), spec.day_shift)
    if spec.workday:  # 处暑后首个工作日
        return _workday_from(date(year, mo, d), spec.workday)
    if spec.weekday_from and spec.weekday_from[0] == 0:  # 三八妇女节所在周的周一: that weekday of the day's own week
        day = date(year, mo, d) + timedelta(days=spec.weekday_from[1] - date(year, mo, d).weekday())
        return day_value(day.year, day.month, day.day)
    if spec.weekday_from:  # 雨水节气后第一个周一; 腊月第二个周五 (from the month's first day itself, n-th)
        step, weekday = spec.weekday_from
        day = date(year, mo, d) + timedelta(days=0 if spec.weekday_nth else step)
        while day.weekday() != weekday:
            day += timedelta(days=step)
        day += timedelta(days=7 * step * ((spec.weekday_nth or 1) - 1))
        return day_value(day.year, day.month, day.day)
    return day_value(year, mo, d)


# A year of 365 days, to count days from a festival whose year the text leaves unknown.
_COMMON_YEAR = 2001


def remember(anc: Anchors, r: Resolved) -> None:
    head, _, end = r.value.partition("/")
    parts = head.split("-")
    year = int(parts[0]) if parts[0].isdigit() else None
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    if year is not None:
        anc.last_year = (year, month, day)
    if month is not None:
        anc.last_month = (year, month)
        anc.month_from_day = day is not None
        anc.month_sentence = anc.sentence
        anc.crossed = False
    anc.span_months = None
    tail = end.split("-")
    if len(tail) >= 3 and tail[0].isdigit() and tail[1].isdigit() and year is not None and month is not None \
            and day is not None and (int(tail[0]), int(tail[1])) != (year, month):
        # 1月31日至2月6日…4日至6日: a span across two months; a bare day after it is the one inside the span
        anc.span_months = (head, end)
    # A span of days (5月13日至15日, a visit's) is no day a later 当天 can mean: it stays with the last single day.
    if year is not None and month is not None and day is not None and valid_day(year, month, day) and "/" not in r.value:
        anc.last_day = date(year, month, day)
        anc.span_first, anc.listed = None, False
    elif year is not None and month is not None and day is not None and valid_day(year, month, day):
        anc.span_first, anc.listed = date(year, month, day), False
        last = _bounds_of(r.value)
        anc.tour = (anc.span_first, last) if last is not None else None
