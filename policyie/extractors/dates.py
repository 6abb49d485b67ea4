"""Dates: every calendar point or period in the text, normalised to TIMEX-style values (SPEC.md §2).

Two passes, Duckling-style. The grammar (`_RULES`) finds candidate expressions and parses each into
a `Spec` (what the text says: an explicit year, a shift such as 昨天 = day −1, a quarter …); the
resolver then walks the mentions in text order and fills what the text leaves open from the
anchors, in this order:

* an explicit year in the same sentence (``2024年第2次工委会议 … 1月12日``),
* the nearest earlier resolved date in the same paragraph (a bare 30日 takes its month from it),
* the publication date (``ctx.published``, Beijing time; 12月30日 in a paper of 2 January is the
  year before),
* the year the document itself talks about most (only when there is no publication date),
* otherwise ``XXXX``.

A reported day or month is not taken to lie after the publication date: in ``12月20日 … 部署2025年
工作`` the year in the sentence loses to the paper's. The anchoring itself lives in `_timex`.

Deictic words (今年, 昨天, 本月, 上周, 日前) mean the moment of writing, so they take the
publication date first. Durations (一天, 五年, 30日内) and anniversaries (130周年) never match.
``part`` carries the part of day as a TIMEX code: MO 上午, MI 中午, AF 下午, EV 晚上, NI 夜间/凌晨.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import regex

from policyie import lazy_pattern
from policyie.extractors import _timex as tx
from policyie.extractors._numerals import DIGITS
from policyie.extractors._scan import anchored_finditer
from policyie.extractors._spans import SpanIndex, in_work_title
from policyie.extractors._timex import Anchors, Resolved, Spec, remember, resolve_spec
from policyie.extractors.base import Context, register
from policyie.nlp import Analysis
from policyie.records import DateMention

# ---------------------------------------------------------------- grammar fragments

_YEAR_ABS = r"(?P<y>(?:1[89]|20)\d\d|[一二][〇零一二三四五六七八九]{3})年"
_YEAR_REL = r"(?P<ry>今年|去年|明年|前年|后年|同年|当年|上年|本年|来年)"
_YP = rf"(?:{_YEAR_ABS}|{_YEAR_REL})"
_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|(?<!公)元)月"  # 元月: January
_MONTH_REL = r"(?P<rm>(?<!日)本月|上月|下月|当月|同月|上上个月|上个月|下个月|这个月)"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])[日号]"
_DNUM = r"3[01]|[12]\d|0?[1-9]"
_MNUM = r"1[0-2]|0?[1-9]"
_YNUM = r"(?:1[89]|20)\d\d"
_PART = r"(?P<part>上午|下午|中午|晚上|晚间|早上|早晨|清晨|凌晨|傍晚|夜间|夜里|深夜|午后|晚(?=[，,。、；;\s到至在]|抵达|出席|举行|乘|飞抵|离开|结束|返回|同|赴|前往|观看|召开|会见|会谈))"
_CONN = r"(?:至|到|—|–|-|~|～|－)"
_CONN_CHARS = "至到—–-~～－"  # one of them is in every _CONN

_PART_CODE = {
    "上午": "MO", "早上": "MO", "早晨": "MO", "清晨": "MO", "今晨": "MO", "今早": "MO", "明早": "MO",
    "中午": "MI", "下午": "AF", "午后": "AF",
    "晚上": "EV", "晚间": "EV", "傍晚": "EV", "晚": "EV", "今晚": "EV", "昨晚": "EV", "明晚": "EV", "当晚": "EV", "前晚": "EV",
    "夜间": "NI", "夜里": "NI", "深夜": "NI", "凌晨": "NI", "昨夜": "NI",
}
_YEAR_SHIFT = {"今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "来年": 1, "后年": 2}
_DAY_SHIFT = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "大前天": -3, "明天": 1, "明日": 1, "后天": 2,
              "大后天": 3,
              "今晚": 0, "昨晚": -1, "明晚": 1, "今晨": 0, "今早": 0, "明早": 1, "昨夜": -1, "前晚": -2}
# The day words that are a day only where they open a clause: the ordinal days (第三天, 第四天: counted from the tour's
# first day, not from the last day told: `_timex._ordinal_day`), 同一天 and 此前一天.
_CLAUSE_OPENING_DAYS = frozenset(("第三天", "第四天", "第五天", "同一天", "此前一天"))
_CLAUSE_OPENERS = frozenset("，,。；;：:\n \u3000")
_DAY_ANAPHOR = {"当天": 0, "当日": 0, "同日": 0, "同一天": 0, "此前一天": -1, "当晚": 0, "次日": 1, "翌日": 1, "第二天": 1, "第三天": 2, "第四天": 3,
                "第五天": 4}
_MONTH_SHIFT = {"本月": 0, "这个月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1, "上上个月": -2}
_WEEK_SHIFT = {"本周": 0, "这周": 0, "本星期": 0, "这个星期": 0, "上周": -1, "上星期": -1, "上个星期": -1, "下周": 1,
               "下星期": 1, "下个星期": 1, "上上周": -2, "下下周": 2}
# 周一 … 周六 are Monday to Saturday (0 to 5), 周日 / 周天 Sunday.
_WEEKDAY = {c: DIGITS[c] - 1 for c in "一二三四五六"} | {"日": 6, "天": 6}
_EDGE = (r"最后一天|第一天|首日|(?:首|第一|最后一)个工作日|(?:第[一二三四1-4]|最后一)个(?:周|星期)[一二三四五六日天]"
         r"|倒数第[二三四五]天|[上中下]旬(?:最后一天|第一天|首日|(?:首|第一|最后一)个工作日)|(?:第[一二]|首)个节气(?:当天|当日)?")
_EDGE_CODE = {"第一天": "first", "首日": "first", "最后一天": "last", "首个工作日": "first-workday",
              "第一个工作日": "first-workday", "最后一个工作日": "last-workday"}


def _edge_code(edge: str) -> str:
    """The code `_timex.edge_day` reads for a day named by its place in the month: 第二个周一 → "weekday:2:0" (the
    month's second Monday; 最后一个周一 → "weekday:last:0"), 倒数第二天 → "from-last:2" (the day before its last),
    上旬最后一天 → "xun:1:last", 首个工作日 → "first-workday"."""
    if edge.startswith("倒数"):
        return f"from-last:{tx.cn_number(edge[3])}"
    if "节气" in edge:  # 本月第二个节气: the month's second solar term
        return f"term:{2 if edge[1] == '二' else 1}"
    if edge in _EDGE_CODE:
        return _EDGE_CODE[edge]
    if edge[1] == "旬":  # 上旬最后一天 (the 10th), 下旬第一天 (the 21st), 中旬首个工作日: a ten-day period's first or last day
        end = "last" if edge.startswith("最后", 2) else "first"
        return f"xun:{'上中下'.index(edge[0]) + 1}:{end}{'-workday' if edge.endswith('工作日') else ''}"
    nth = "last" if edge.startswith("最后") else tx.cn_number(edge[1])  # 最后一个周一: the month's last Monday
    return f"weekday:{nth}:{_WEEKDAY[edge[-1]]}"


_XUN = {"上": (1, 1), "中": (2, 2), "下": (3, 3), "上中": (1, 2), "中下": (2, 3)}  # which 旬, first to last
_SEASON = {"春季": ("SP", None), "夏季": ("SU", None), "秋季": ("FA", None), "冬季": ("WI", None),
           "暑期": ("SU", (7, 8)), "暑假": ("SU", (7, 8)), "寒假": ("WI", (1, 2))}


# ---------------------------------------------------------------- candidates

@dataclass
class _Cand:
    start: int
    end: int
    spec: Spec
    end_spec: Spec | None = None  # ranges
    rule: str = ""  # the handler that read it, for DateMention.evidence


# ---------------------------------------------------------------- rules: regex → Spec

# pattern, handler, and where the pattern's optional lead (a year before 3月5日) makes finditer try every character:
# (anchor, lead, reach) for `anchored_finditer`, whose contract the rule's comment checks.
_Anchor = tuple[regex.Pattern, int, int]
# The fourth part, ``needs``: characters of which every match of the pattern holds at least one (a text with none of
# them is not searched; what the rule's comment checks against its pattern), or "" to search every text.
_Rule = tuple[regex.Pattern, Callable[[regex.Match, str, Analysis | None], "_Cand | None"], _Anchor | None, str]
_RULES: list[_Rule] = []
# Most a year prefix (2024年, 二〇二四年, 今年) holds, optional 年 included: what an anchor may lie after the start.
_YP_MAX = 6


def _rule(pattern: str, anchor: str | None = None, lead: int = 0, reach: int = 0, needs: str = "") -> Callable:
    def deco(fn: Callable) -> Callable:
        _RULES.append((regex.compile(pattern), fn, (regex.compile(anchor), lead, reach) if anchor else None, needs))
        return fn

    return deco


def _year_fields(m: regex.Match) -> dict:
    if m.group("y"):
        return {"year": tx.cn_number(m.group("y"))}
    ry = m.group("ry")
    if ry in ("同年", "当年"):
        return {"year_anaphor": True}
    if ry:
        return {"year_shift": _YEAR_SHIFT[ry]}
    return {}


def _part(m: regex.Match) -> str | None:
    p = m.groupdict().get("part")
    return _PART_CODE.get(p) if p else None


def _before(text: str, pos: int, n: int = 4) -> str:
    return text[max(0, pos - n) : pos]


def _in_title(text: str, pos: int) -> bool:
    """Inside 《…》 (a work's title) on the same line."""
    return in_work_title(text, pos) and "》" in text[pos : pos + 40]


# Patterns the rule handlers test around a match, compiled once (regex's cache lookup per call costs more).
_CLAUSE_SEP = lazy_pattern.compile(r"[，,。；;！？\n]")
_COUNT_BEFORE = lazy_pattern.compile(r"(?:[近每逾超]|连续)$")
_SPAN_BEFORE_DAY = lazy_pattern.compile(r"(?:[\d.．月第每近满逾约共前后数连]|提前|至少|超过|不少于|不超过|不低于|历时|用时|连续)$")
_FIGURATIVE_BEFORE = lazy_pattern.compile(r"[的好更创向新]$")
_PROGRAMME_AFTER = lazy_pattern.compile(r"头条|说法|关注|中国|谈|俄|美")
_WORD_AFTER_RI = lazy_pattern.compile(r"[方本韩资企]")
_NOT_APPROX_BEFORE = lazy_pattern.compile(r"[\d〇零一二三四五六七八九十两节假生念期末作每几数今昨明前后当本次平往将最]$")
_HAN = lazy_pattern.compile(r"\p{Han}")
_AFTER_WEEKDAY = lazy_pattern.compile(r"$|[，,、。；;：:\s上下中晚早凌夜傍至到和及与起前后在召举将开出主会]")
_NUMERIC_BEFORE = lazy_pattern.compile(r"[\d.．〇零一二三四五六七八九十两]$")
# An announced date, not a reported one: it may lie after the paper (预计10月31日前完工); a figure that rose or fell to a
# day's (激增至8月10日的…, 下降到3月底的…, 增加至…) is reported, and so is the day a count runs up to (截至…).
_CHANGE = "增升降涨跌减加少"
_FUTURE_BEFORE = lazy_pattern.compile(
    r"(?:将|将于|预计|计划|计划于|拟|拟于|力争|争取|定于|有望|预定|确保|要在|须在|必须在|持续到|延长到|延长至|暂定到"
    r"|期待|期盼|期望|希望|准备|打算"  # (乌方期待一季度启动…: hoped for, still ahead)
    rf"|(?<![截{_CHANGE}])[至到]|截止日期为)"
    r"\p{Han}{0,4}$"
)
_CHANGED_TO = lazy_pattern.compile(rf"[{_CHANGE}][至到]\p{{Han}}{{0,4}}$")
_FUTURE_AFTER = lazy_pattern.compile(r"前(?:完成|完工|建成|实现|投用|投入使用|开通|竣工|交付|全部|基本|全面|上线|开工)")


def _announced(text: str, start: int, end: int) -> bool:
    clause = _CLAUSE_SEP.split(text[max(0, start - 12) : start])[-1]
    if "年" in text[start:end] and _CHANGED_TO.search(clause):
        return True  # (降至2011年8月以来最低: a year after a change is no anchor for the dates after it, as before)
    return bool(_FUTURE_BEFORE.search(clause)) or bool(_FUTURE_AFTER.match(text, end))
_NOT_A_YEAR_BEFORE = lazy_pattern.compile(r"(?:[近约逾超余数第]|长达|超过|不到|距今)$")


# 月 lies after the year and at most two characters of month (上个月, 12月); after it at most 份, a day of four
# (三十一日), two of part of day and a lookahead.
@_rule(
    rf"{_YP}?(?:{_MONTH}(?P<fen>份)?|{_MONTH_REL})(?:{_DAY}|(?P<edge>{_EDGE})|(?P<xun>上中|中下|[上中下])旬"
    rf"|(?P<mmod>底|末|初)(?![步心衷期级稿次]))?{_PART}?",
    anchor="月", lead=_YP_MAX + 2, reach=12,
)
def _month_day(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if _NUMERIC_BEFORE.search(_before(text, m.start())) or _COUNT_BEFORE.search(_before(text, m.start())):
        return None  # 近4月 = nearly four months
    f = _year_fields(m)
    if m.group("rm"):
        rm = m.group("rm")
        if rm in ("当月", "同月"):
            f["month_anaphor"] = True
        else:
            f["month_shift"] = _MONTH_SHIFT[rm]
    else:
        f["month"] = 1 if m.group("m") == "元" else tx.cn_number(m.group("m"))
        cn_month = not m.group("m")[0].isdigit() and m.group("m") != "元"  # (元月 is a word of its own)
        # 一月一调度, 十月革命: a Chinese-numeral month stands alone only inside a fuller date, a deictic year's
        # (明年二月底前) included
        if cn_month and not (m.group("y") or m.group("ry") or m.group("d")):
            return None
    if m.group("d"):
        if m.group("fen"):
            return None
        day = tx.cn_number(m.group("d"))
        if day is None or not tx.valid_day(f.get("year"), f.get("month"), day):
            return None
        future = _announced(text, m.start(), m.end())
        onward = text[m.end() : m.end() + 1] == "起"
        return _Cand(m.start(), m.end(), Spec("day", day=day, part=_part(m), future=future, onward=onward, **f))
    if m.group("edge"):
        spec = Spec("day", code=_edge_code(m.group("edge")), part=_part(m), future=_announced(text, m.start(), m.end()), **f)
        return _Cand(m.start(), m.end(), spec)
    if m.group("xun"):
        first, last = _XUN[m.group("xun")]
        return _Cand(m.start(), m.end(), Spec("xun", n=first, day=last, future=_announced(text, m.start(), m.end()), **f))
    end = m.end() if not m.group("part") else m.start("part")  # 4月下午 is not a date
    return _Cand(m.start(), end, Spec("month", code=m.group("mmod"), future=_announced(text, m.start(), end), **f))


@_rule(
    r"(?<![\d.])(?P<y>(?:1[89]|20)\d\d)(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?![\d.])",
    needs="-/.",  # the separator
)
def _numeric(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not tx.valid_day(y, mo, d):
        return None
    return _Cand(m.start(), m.end(), Spec("day", year=y, month=mo, day=d))


@_rule(rf"{_YP}?(?:(?P<q>第?[一二三四1-4])季度|首季度?)(?P<qmod>末|初)?", needs="季")
def _quarter(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if _NUMERIC_BEFORE.search(_before(text, m.start())) or _before(text, m.start(), 1) == "每":
        return None
    q = tx.cn_number(m.group("q").lstrip("第")) if m.group("q") else 1  # 首季: the first quarter
    future = _announced(text, m.start(), m.end())
    if not m.group("q") and not (future or m.group("y") or m.group("ry")):
        return None  # 生效首季, 全年首季粮食收购: the first quarter or season of something, no calendar quarter
    return _Cand(m.start(), m.end(), Spec("quarter", n=q, code=m.group("qmod"), future=future, **_year_fields(m)))


@_rule(rf"{_YP}?前(?P<nq>[二三两23])个?季度", needs="季")
def _quarters(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    # 前三季度 = 1—9月, written as months as 前4个月 is (every set's annotators give 2026-01/2026-09)
    n = 3 * tx.cn_number(m.group("nq"))
    a = Spec("month", month=1, months=(1, n), **_year_fields(m))  # (months: the year's first n, `_just_closed` reads it)
    return _Cand(m.start(), m.end(), a, replace(a, month=n))


@_rule(rf"{_YP}?前(?P<nm>1[01]|[2-9]|十[一二]?|[两二三四五六七八九])个月", needs="个")
def _first_months(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    n = 2 if m.group("nm") == "两" else tx.cn_number(m.group("nm"))
    a = Spec("month", month=1, months=(1, n), **_year_fields(m))
    return _Cand(m.start(), m.end(), a, replace(a, month=n))  # 前4个月 in a statistics report = 1—4月


@_rule(rf"{_YP}?(?P<h>[上下])半年", needs="半")
def _half(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    return _Cand(m.start(), m.end(), Spec("half", n=1 if m.group("h") == "上" else 2, **_year_fields(m)))


_ATTRIBUTIVE_SEASON = lazy_pattern.compile(r"(?![里中内时期前后以来间末初底到至和、，。；;,是为将要也已正就都还再会的])\p{Han}")
# 季, 暑 or 寒 within a character of the year's end; then at most 期 and a three-character lookahead.
@_rule(
    rf"{_YP}?(?<![春夏秋冬])(?P<s>春季|夏季|秋季|冬季|暑期|暑假|寒假)(?!运动|奥|项目|达沃斯|学期|攻势|两项)",
    anchor="[季暑寒]", lead=_YP_MAX + 1, reach=8,
)
def _season(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if _in_title(text, m.start()):
        return None
    if not _year_fields(m) and _ATTRIBUTIVE_SEASON.match(text, m.end()):
        return None  # 春季农业生产, 冬季安全生产, 暑期旅游安全: a kind of work, not a period (no check set's annotators
        # date it; jan33 and jan34 list no 暑期 before a noun either)
    if not _year_fields(m) and text.endswith(("每年", "每逢", "每到"), 0, m.start()):
        return None  # 每年冬季来此越冬: a season that recurs every year is no date
    code, months = _SEASON[m.group("s")]
    return _Cand(m.start(), m.end(), Spec("season", code=code, months=months, **_year_fields(m)))


# 底, 末 or 初 right after the year (and its optional 年); then a one-character lookahead.
@_rule(
    rf"(?:{_YP}年?|年)(?P<ym>底|末|初)(?![步心衷期级稿次创始见具赛中选任审值线数色子部层气盘座蕴端梢位尾])",
    anchor="[底末初]", lead=_YP_MAX + 1, reach=4,
)
def _year_edge(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    if not (m.group("y") or m.group("ry")) and _before(text, m.start(), 1) in ("每", "近", "多", "一", "两", "几", "大", "正", "末"):
        return None  # 大年初三 is a lunar day; 岁末年初 a turn of the year
    if m.group("ry") and a is not None and not a.is_token_boundary(m.start()):
        return None  # 合同|年底: 同年 is not a word here
    # (去年10月签约。…确保项目年底前落地: an announced year's end is not the year a sentence before cited)
    future = m.group("ym") != "初" and _announced(text, m.start(), m.end())
    return _Cand(m.start(), m.end(), Spec("ymod", code=m.group("ym"), future=future, **_year_fields(m)))


@_rule(rf"{_YEAR_ABS}(?P<du>度)?(?!代)", needs="年")
def _year(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    before = _before(text, m.start())
    if _NUMERIC_BEFORE.search(before) or _NOT_A_YEAR_BEFORE.search(before):
        return None
    year = tx.cn_number(m.group("y"))
    if year is None or not 1800 <= year <= 2199:
        return None
    return _Cand(m.start(), m.end(), Spec("year", year=year))


# 后年 and 前年 stand alone too rarely to pay for 投产后年产值, 目前年产能, 以前年度.
_GOAL_BEFORE = lazy_pattern.compile(r"(?:确保|力争|争取|完成|实现|冲刺|锚定|奋力)$")
_PAST_YEAR = lazy_pattern.compile(r"去年|上年|前年|\d{4}年|[〇零一二三四五六七八九]{4}年")


@_rule(r"(?<!日)(?P<w>今年度?|去年|明年|本年度|同年|全年|每年)", needs="年")
def _year_word(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    w = m.group("w")
    if a is not None and not a.is_token_boundary(m.start()) and text[m.start() - 1 : m.start()] not in ("从", "自"):
        return None  # (从明年起 is one word of jieba's: 从 opens it, the year inside it is still one)
    if w == "每年":
        return None  # 每年都有新作为, 每年接待…: a recurrence, no calendar point (no check set's annotators list one)
    if w == "全年" and text[m.start() - 1 : m.start()] == "年":
        return None  # 去年|全年, 2018年|全年: the year written before it is the mention (去年全年 is read whole above)
    if w == "全年":
        # (谋划明年…，确保全年目标任务: the whole year a goal is set for is the paper's; elsewhere the year spoken of,
        # 2018年…，全年规模以上工业增加值…)
        # (2021年，…确保全年粮食产量…: a year the sentence names before it is the year still)
        lo = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        goal = _GOAL_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None and \
            _PAST_YEAR.search(text, lo, m.start()) is None
        return _Cand(m.start(), m.end(), Spec("year", year_shift=0) if goal else Spec("year"))
    if w == "同年":
        return _Cand(m.start(), m.end(), Spec("year", year_anaphor=True))
    # (去年全年: the whole of last year is one mention of it, as the newer sets' annotators write it)
    end = m.end() + 2 if w in ("去年", "今年", "明年") and text.startswith("全年", m.end()) else m.end()
    return _Cand(m.start(), end, Spec("year", year_shift=_YEAR_SHIFT[w.replace("今年度", "今年")]))


# 年内 alone (要在年内建立…, 力争年内贯通) is this year as a deadline, as 年底前 is its end; after a count (三年内, 两年内)
# or another year word (同年内, 当年内, 今年内: read as 今年) it is a span or part of that word, and inside a word
# (青年|内部, 年内|外) nothing.
@_rule(r"(?<![\d〇零一二三四五六七八九十两几多个半每同当本今去明前后上下近数])年内", needs="年")
def _within_year(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    if a is not None and not (a.is_token_boundary(m.start()) and a.is_token_boundary(m.end())):
        return None
    return _Cand(m.start(), m.end(), Spec("year", year_shift=0))


@_rule(r"(?<![\d〇零一二三四五六七八九十个正腊])月(?P<mm>底|末|初)(?![步心衷期级稿次])", needs="月")
def _month_edge(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if _before(text, m.start(), 1) in ("每", "本", "上", "下", "当", "同"):
        return None  # 每月底 recurs; 本月底 is read by the month rule
    return _Cand(m.start(), m.end(), Spec("month", month_shift=0, code=m.group("mm")))


# 30日下午 — a bare day takes month and year from what came before; 30日内 is a duration.
@_rule(rf"(?P<d>{_DNUM})日(?!内|以内|之内|均|左右|以上|以下|以来|游){_PART}?", needs="日")
def _bare_day(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    before = _before(text, m.start())
    if _SPAN_BEFORE_DAY.search(before):
        return None
    return _Cand(m.start(), m.end(), Spec("day", day=int(m.group("d")), part=_part(m)))


@_rule(
    rf"(?P<w>今天|今日|昨天|昨日|大前天|前天|前日|明天|明日|大后天|后天|当天|当日|同一天|此前一天|同日|次日|翌日|第二天|第三天|第四天|第五天){_PART}?"
    r"|(?P<w2>今晚|昨晚|前晚|明晚|今晨|昨夜|当晚|今早|明早)",
    needs="天日晚晨夜早",  # one in every word
)
def _day_word(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    w = m.group("w") or m.group("w2")
    if a is not None and not a.is_token_boundary(m.start()):
        return None  # 光明日报
    if text[m.end() : m.end() + 1] == "报":
        return None
    if w in ("明天", "今天") and _FIGURATIVE_BEFORE.search(_before(text, m.start())):
        return None  # 美好明天, 中国的今天: figurative
    if w == "今日" and _PROGRAMME_AFTER.match(text[m.end() : m.end() + 2]):
        return None  # programme names
    if w == "第二天" and _before(text, m.start(), 2) == "连续":
        return None  # a count, not a day
    if w in _CLAUSE_OPENING_DAYS and m.start() and text[m.start() - 1] not in _CLAUSE_OPENERS:
        # 假期的第三天, 进入第三天, 连续第五天: a count of some period's days, a tour's is told 第三天，X来到…; 不在同一天举行:
        # days compared, where 。同一天，…, 。此前一天，… are the day just told and the day before it
        return None
    if w in ("同日", "当日", "前日") and _WORD_AFTER_RI.match(text[m.end() : m.end() + 1]):
        return None  # 同日方一道: 同 + 日方
    if w == "前日" and a is not None and not a.is_token_boundary(m.start() + 2):
        return None  # 疫情|前|日均: 前 + 日均, no day
    if w == "前晚" and a is not None and not a.is_token_boundary(m.end()):
        return None  # 10月底|前|晚稻: 前 + 晚稻, no night
    part = _PART_CODE.get(w) if m.group("w2") else _part(m)
    if w in _DAY_ANAPHOR:
        return _Cand(m.start(), m.end(), Spec("day", day_anaphor=_DAY_ANAPHOR[w], part=part))
    return _Cand(m.start(), m.end(), Spec("day", day_shift=_DAY_SHIFT[w], part=part))


# 去年最后一天, 今年第一天, 今年第五十天: the year's last day, or its first and so many after.
@_rule(rf"{_YP}的?(?P<edge>最后一天|首日|第(?P<nth>[一二三四五六七八九十百零〇两]{{1,6}}|\d{{1,3}})天){_PART}?", needs="天日")
def _year_edge(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if m.group("edge") == "最后一天":
        return _Cand(m.start(), m.end(), Spec("day", month=12, day=31, part=_part(m), **_year_fields(m)))
    nth = m.group("nth")
    n = 1 if nth is None else int(nth) if nth.isdigit() else tx.cn_number(nth.replace("两", "二"))
    if not n or n > 366:
        return None
    return _Cand(m.start(), m.end(), Spec("holiday", code="元旦", day_shift=(n - 1) or None, part=_part(m),
                                          **_year_fields(m)))


# 母亲节当天上午, 父亲节: days named by their weekday in a month (May's second Sunday, June's third Sunday, November's
# fourth Thursday), read as that day; 当天 only says it is the day itself.
_WEEKDAY_DAYS = {"母亲节": (5, "weekday:2:6"), "父亲节": (6, "weekday:3:6"), "感恩节": (11, "weekday:4:3")}


@_rule(rf"{_YP}?(?P<h>母亲节|父亲节|感恩节)(?:当天|当日|(?P<next>次日|翌日)|(?P<eve>前一天))?{_PART}?", needs="节")
def _weekday_day(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    """(母亲节次日上午, 感恩节前一天: the day after or before it, within its month)"""
    month, code = _WEEKDAY_DAYS[m.group("h")]
    shift = 1 if m.group("next") else -1 if m.group("eve") else 0
    code += f":{shift}" if shift else ""
    return _Cand(m.start(), m.end(), Spec("day", month=month, code=code, part=_part(m), **_year_fields(m)))


# 一季度最后一天, 下半年第一天: a quarter's or a half-year's last or first day.
_PERIOD_EDGES = {"一": (1, 3), "二": (4, 6), "三": (7, 9), "四": (10, 12), "上半年": (1, 6), "下半年": (7, 12)}


@_rule(rf"{_YP}?(?:第?(?P<q>[一二三四])季度|(?P<h>上半年|下半年))的?(?P<edge>最后一天|第一天|首日){_PART}?", needs="季半")
def _period_edge(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    first, last = _PERIOD_EDGES[m.group("q") or m.group("h")]
    month, day = (last, 30 if last in (6, 9) else 31) if m.group("edge") == "最后一天" else (first, 1)
    return _Cand(m.start(), m.end(), Spec("day", month=month, day=day, part=_part(m), **_year_fields(m)))


# 本季度首日, 上季度最后一天, 下季度首个工作日: a day of the paper's quarter, or of one before or after it.
# (the edges are a month's first and last days and working days, `_EDGE_CODE`'s)
_QUARTER_SHIFT = {"本": 0, "这个": 0, "上": -1, "上个": -1, "下": 1, "下个": 1}


@_rule(rf"(?P<rq>本|这个|上个?|下个?)季度的?(?P<edge>{'|'.join(_EDGE_CODE)}){_PART}?", needs="季")
def _quarter_day(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    code = "quarter:" + _EDGE_CODE[m.group("edge")]
    return _Cand(m.start(), m.end(), Spec("day", n=_QUARTER_SHIFT[m.group("rq")], code=code, part=_part(m)))


# 今年第十四周的周一上午: a weekday of the year's n-th week, the week holding 1 January its first (Monday to Sunday); the
# year must be written (开学第三周 counts a term's weeks).
@_rule(rf"{_YP}的?第(?P<nth>[一二三四五六七八九十]{{1,3}}|\d{{1,2}})(?:个)?(?:周|星期)的?(?:周|星期)(?P<wd>[一二三四五六日天])"
       rf"{_PART}?", needs="周星")
def _year_week_day(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    nth = m.group("nth")
    n = int(nth) if nth.isdigit() else tx.cn_number(nth)
    if not n or n > 53:
        return None
    return _Cand(m.start(), m.end(), Spec("holiday", code=f"{tx.WEEK_OF_YEAR}{n}:{_WEEKDAY[m.group('wd')]}",
                                          part=_part(m), **_year_fields(m)))


# 上周的今天上午: the paper's weekday a week (上上周: two) before.
@_rule(rf"(?P<w>上上周|上周|上星期|上个星期|一周前)的?今天{_PART}?", needs="今")
def _same_day_weeks_ago(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    weeks = 2 if m.group("w") == "上上周" else 1
    return _Cand(m.start(), m.end(), Spec("day", day_shift=-7 * weeks, part=_part(m)))


# 三天前上午, 一周前上午: so many days or weeks before the paper's day (前 only: 三天后 in a report counts from the event it
# follows).
_DAYS_AGO_N = DIGITS | {"十": 10}


@_rule(rf"(?<![第连续每近前后这那几数\d〇零一二两三四五六七八九十])(?:(?P<n>[二两三四五六七八九十2-9])天|(?P<w>[一二两三1-3])周)前"
       rf"{_PART}?", needs="天周")
def _days_ago(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    n = m.group("n") or m.group("w")
    shift = int(n) if n.isdigit() else _DAYS_AGO_N[n]
    if m.group("w"):
        shift *= 7  # 一周前上午: a week of days before the paper's day
    return _Cand(m.start(), m.end(), Spec("day", day_shift=-shift, part=_part(m)))


# A named day's last words (消费者权益|日前, 全国科普|宣传|日前, 国家安全教育|日前): its 日 and 前, "before the day", no 日前.
# (not 记者|日前, 活动|日前: a person or an event of something done recently)
_NAMED_DAY_BEFORE = lazy_pattern.compile(r"(?:权益|纪念|宣传|开放|警示|减灾|献血|禁毒|科普|读书|爱耳|爱眼|助残|公祭)$")


@_rule(rf"(?P<w>前一个|上一个|后一个|下一个)工作日{_PART}?", needs="工")
def _adjacent_workday(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    """前一个工作日下午: the working day before the paper's (Monday to Friday)."""
    code = "prev-workday" if m.group("w") in ("前一个", "上一个") else "next-workday"
    return _Cand(m.start(), m.end(), Spec("day", code=code, part=_part(m)))


# 三个工作日前上午: so many working days before the paper's day (or after it), the paper's own not counted.
@_rule(rf"(?P<n>[两二三四五六七八九十]|\d{{1,2}})个工作日(?P<dir>之?前|之?后){_PART}?", needs="工")
def _workdays_away(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if _NUMERIC_BEFORE.search(_before(text, m.start())) or _COUNT_BEFORE.search(_before(text, m.start())):
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else tx.cn_number(m.group("n"))
    sign = -1 if m.group("dir").endswith("前") else 1
    return _Cand(m.start(), m.end(), Spec("day", code=f"workdays:{sign * n}", part=_part(m)))


# The festivals `_holiday` reads alone as their day (longest first where one opens another: 清明节 before 清明); before
# a 当天 of their own the offsets rule leaves them to it.
_ALONE_HOLIDAYS = ("春节", "元旦", "国庆节", "劳动节", "国庆", "五一", "清明节", "清明", "元宵节")
_READ_ALONE = frozenset(_ALONE_HOLIDAYS) - {"国庆", "五一", "清明"}  # (those three only with 节 or a 假期 after them)


# 建军节前一天, 国庆节后两天, 处暑后首个工作日: so many days, or the first working day, from a festival on a fixed day of
# the calendar or a solar term (the terms alone are left to the annotators' taste: no rule reads them as dates).
@_rule(rf"{_YP}?(?:八一|三八|五四|六一)?(?P<h>建军节|建党节|国庆节?|劳动节|五一|元旦|儿童节|教师节|妇女节|青年节|农民丰收节|{tx.SOLAR_TERM_RE}"
       r"|(?:端午|七夕|中秋|重阳|元宵)节?|腊八节?|(?<!大)小年|除夕|寒食节|(?:国家)?宪法日|(?:全国)?消防日|国家公祭日|植树节|记者节|高考"
       r"|(?:中国人民)?抗(?:日)?战(?:争)?胜利纪念日|烈士纪念日|(?:全民)?国家安全教育日|国家扶贫日|"
       + "|".join(tx.OBSERVANCE_DAYS) + r")(?:节气|(?<=清明)节)?"
       rf"(?:(?P<dir>[前后])(?:(?P<n>[一两二三])天|(?P<wd>首个|第一个)工作日|(?:首个|第一个|最后一个)(?:周|星期)(?P<wk>[一二三四五六日天]))"
       r"|后第(?P<after>[一二三四五六七八九十])天"
       r"|(?P<next>次日|翌日)|(?P<same>当天|当日|首日)|所在(?:的)?(?:周|星期)的?(?:周|星期)(?P<inwk>[一二三四五六日天])"
       r"|假期(?:第(?P<nth>[一二三四五六七])天|(?P<hfirst>首日)))"
       rf"{_PART}?",
       needs="节旦庆一夕午秋日八年考" + tx.SOLAR_TERM_CHARS)
def _festival_offset(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    """(农民丰收节当天: the festival of the 秋分 day, no date alone; 国庆假期第二天: so many days into the holiday that starts
    on the festival's day)"""
    h = {"国庆": "国庆节", "五一": "劳动节", "农民丰收节": "秋分", "宪法日": "国家宪法日", "消防日": "全国消防日"}.get(
        m.group("h"), m.group("h"))
    if h.endswith("胜利纪念日"):
        h = "抗战胜利纪念日"  # (中国人民抗日战争胜利纪念日, written whole)
    h = h.removeprefix("全民")
    # 寒食节: the day before 清明 (the custom of most provinces), counted from the term
    base, term = (-1, "清明") if h == "寒食节" else (0, h)
    code = f"solar:{term}" if term in tx.SOLAR_TERMS else term
    if (lunar := _LUNAR_FESTIVALS.get(h.removesuffix("节"))) is not None:
        code = "lunar:" + lunar  # 中秋节前一天, 重阳节后首个工作日
    written = m.group("h") + ("节" if m.group("h") == "清明" and text[m.end("h") : m.end("h") + 1] == "节" else "")
    if m.group("same") and (written in _READ_ALONE or code.startswith("lunar:")):
        # 元旦|当天: a festival read alone as its day, then 当天 (the corpus's and the sets' two mentions); 重阳节当天: a
        # lunar festival's own rule reads it whole (青年节当日, 教师节当天: no rule reads those alone, so read whole here)
        return None
    if m.group("same") or m.group("nth") or m.group("hfirst"):
        shift = base + (tx.cn_number(m.group("nth")) - 1 if m.group("nth") else 0)
        return _Cand(m.start(), m.end(), Spec("holiday", code=code, day_shift=shift or None, part=_part(m), **_year_fields(m)))
    if m.group("after"):  # 小雪后第三天: the third day after the term's own (后第一天 is the day after)
        spec = Spec("holiday", code=code, day_shift=base + tx.cn_number(m.group("after")), part=_part(m), **_year_fields(m))
        return _Cand(m.start(), m.end(), spec)
    sign = -1 if m.group("dir") == "前" else 1  # (冬至次日, 元旦翌日: the day after)
    if base and (m.group("wk") or m.group("wd") or m.group("inwk")):
        return None  # (a working day or weekday counted from the eve of a term: no such day is written)
    if m.group("inwk"):
        spec = Spec("holiday", code=code, weekday_from=(0, _WEEKDAY[m.group("inwk")]), part=_part(m), **_year_fields(m))
    elif m.group("wk"):  # 雨水节气后第一个周一: the first such weekday after the day (before it: the last one)
        spec = Spec("holiday", code=code, weekday_from=(sign, _WEEKDAY[m.group("wk")]), part=_part(m), **_year_fields(m))
    elif m.group("wd"):
        spec = Spec("holiday", code=code, workday=sign, part=_part(m), **_year_fields(m))
    else:
        n = tx.cn_number(m.group("n").replace("两", "二")) if m.group("n") else 1
        spec = Spec("holiday", code=code, day_shift=base + sign * n, part=_part(m), **_year_fields(m))
    return _Cand(m.start(), m.end(), spec)


@_rule(r"(?P<w>日前|近日)", needs="日")
def _approx(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    if _NOT_APPROX_BEFORE.search(_before(text, m.start())):
        return None
    if m.group("w") == "日前" and _NAMED_DAY_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return None  # 在3·15国际消费者权益日前: before the named day, not "recently"
    if a is not None and not a.is_token_boundary(m.start()):
        return None
    return _Cand(m.start(), m.end(), Spec("approx"))


@_rule(rf"(?<!日)(?P<wp>本周|这周|本星期|这个星期|上上周|上周|上星期|上个星期|下下周|下周|下星期|下个星期)"
       rf"(?:(?P<wd>[一二三四五六日天]|末)|的?(?P<wk>最后一个|第一个|首个)工作日)?{_PART}?",
       needs="周星")
def _week(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    shift = _WEEK_SHIFT[m.group("wp")]
    if m.group("wk"):
        # 上周最后一个工作日: that week's Friday (本周第一个工作日: its Monday); a working day is Monday to Friday, as
        # the month's edges count it
        day = 4 if m.group("wk") == "最后一个" else 0
        return _Cand(m.start(), m.end(), Spec("weekday", n=shift, day=day, part=_part(m)))
    if m.group("wd") == "末":
        # 上周末: that week's Saturday and Sunday, a span of two days as 上周六至周日 is
        return _Cand(m.start(), m.end(), Spec("weekday", n=shift, day=5, part=_part(m)),
                     end_spec=Spec("weekday", n=shift, day=6))
    if m.group("wd"):
        return _Cand(m.start(), m.end(), Spec("weekday", n=shift, day=_WEEKDAY[m.group("wd")], part=_part(m)))
    return _Cand(m.start(), m.end(), Spec("week", n=shift))


def _long_names(a: Analysis) -> SpanIndex:
    """Person entities of three characters or more, indexed once per analysis."""
    index = a.memo.get("dates_long_names")
    if index is None:
        index = a.memo["dates_long_names"] = SpanIndex(
            (e.start, e.end) for e in a.entities if e.label == "PER" and e.end - e.start > 2
        )
    return index


@_rule(rf"(?:周|星期|礼拜)(?P<wd>[一二三四五六日天]){_PART}?", needs="周星礼")
def _weekday(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    before = _before(text, m.start(), 1)
    if before and _HAN.match(before) and before not in "于在将从是日号和及与至到":
        return None  # 李周五 (a name), 每周一, 逢周三 (上周五至|周六: a range's end)
    if text[m.start()] == "周" and not m.group("part"):
        # 周 is also a surname (周一鸣同志): a bare 周X must be followed by what follows a date
        if not _AFTER_WEEKDAY.match(text[m.end() : m.end() + 1]):
            return None
        if a is not None and _long_names(a).contains(m.start(), m.start() + 1):
            return None
    # (n=None: no 本/上/下 says the week, `_timex` reads it; 将 or 起 after it say it lies ahead)
    return _Cand(m.start(), m.end(), Spec("weekday", n=None, day=_WEEKDAY[m.group("wd")], part=_part(m),
                                          future=_announced(text, m.start(), m.end())))


# What follows a holiday that names a meeting's task: a short phrase with no verb, then 工作 and the meeting.
_NAMED_TASK = lazy_pattern.compile(
    r"[^\p{P}\s要将把对在召开举行做抓是的]{0,24}?(?:工作(?:电视电话|视频)?(?:会议|座谈会|推进会|部署会|调度会)|(?:电视电话|视频)会议)")
# What makes a bare festival the thing celebrated or spent rather than a time: an attribute before it (祥和的春节),
# or a verb of spending or celebrating (过, 度过, 欢度, 喜迎, 庆祝 … 春节).
_FESTIVAL_AS_THING = lazy_pattern.compile(r"(?:(?<!年)的|过(?:个|一个)?|度过|欢度|喜迎|迎接|庆祝|庆贺|共度)$")
_NEXT_HOLIDAY = lazy_pattern.compile(r"(?:春节|元旦|国庆节?|劳动节|五一|元宵节)(?:期间|前后)")
# 清明节前后的关键农时, 清明节前后，农民抢抓春播: the farming season of weeks, not the festival's days
_FARMING_SEASON = lazy_pattern.compile(r"农时|农事|春播|春种|播种|栽插|种植|春耕")
_FIXED_DAY_FESTIVALS = frozenset(("元旦", "国庆节", "劳动节", "元宵节"))


# The festival starts after the year and a quote mark; then at most 国庆节, a quote mark and 黄金周.
@_rule(
    rf"{_YP}?“?(?P<h>{'|'.join(_ALONE_HOLIDAYS)})”?(?P<hs>前后|前夕|前|后|期间|假期前|假期|长假|黄金周)?",
    anchor="春节|元旦|国庆|劳动节|五一|清明|元宵节", lead=_YP_MAX + 1, reach=10,
)
def _holiday(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    h, hs = m.group("h"), m.group("hs")
    start, end = m.start(), m.end()
    if hs in ("前", "后") and h in _FIXED_DAY_FESTIVALS:
        # 元旦前推出: a deadline on a fixed day is that day, as 12月20日前 is 12月20日 (春节前 stays the month); so is
        # the day a task starts after (元宵节后全面复工)
        hs = None
    if not hs:  # “春节”到来: the mention is the festival without its quotes
        end = m.end("h")
        start = m.start("h") if text[start] == "“" else start
    elif text[start] == "“" and "”" not in text[start:end]:
        start = m.start("h")  # keep quotes paired
    if h in ("国庆", "五一", "清明") and not hs:
        return None  # 国庆70周年, 五一劳动奖章
    if not hs and not _year_fields(m) and _FESTIVAL_AS_THING.search(text, max(0, start - 8), start):
        return None  # 度过一个温暖祥和的春节, 欢度春节: the festival kept or spent, no time the text dates
    if _in_title(text, m.start()):
        return None  # 《春节序曲》
    joined = _NEXT_HOLIDAY.match(text, end)  # 元旦|春节期间
    if (hs in ("期间", "前后") or joined) and _NAMED_TASK.match(text, joined.end() if joined else end):
        return None  # 全国元旦春节期间…安全…工作电视电话会议: the holiday names the meeting's task, it dates nothing
    code = {"国庆": "国庆节", "五一": "劳动节"}.get(h, h)
    # 元旦前后, 元旦假期, 五一假期: a holiday around a fixed day is dated by the day itself (春节假期, 国庆假期 span a week
    # and keep their month); so is 清明's (清明假期, 清明节期间, 清明节前后), though 清明前后 with no 节 is a farming
    # season of weeks (清明前后，种瓜点豆)
    around_day = (h in ("元旦", "五一", "劳动节") and hs in ("前后", "假期", "期间", "假期前")) or (
        h.startswith("清明") and hs in ("假期", "期间")) or (
        h == "清明节" and hs == "前后" and not _FARMING_SEASON.search(text[end : end + 20].split("。")[0]))
    return _Cand(start, end, Spec("holiday", code=code, n=1 if hs and not around_day else 0, **_year_fields(m)))


# The festivals of the lunar calendar after the new year's, by lunar month and day (重阳 and 中元 only with 节: 重阳镇 is
# a township, 中元 a word of other names; 腊八 not before what is eaten that day, 腊八粥).
_LUNAR_FESTIVALS = {"端午": "5:5", "七夕": "7:7", "中元": "7:15", "中秋": "8:15", "重阳": "9:9", "腊八": "12:8",
                    "元宵": "1:15", "小年": "12:23", "除夕": "12:last"}  # (元宵, 小年, the northern one, and 除夕 only with
# an offset: 小年前一天, 除夕前最后一个周三)
_NEEDS_JIE = frozenset(("重阳", "中元"))


# (a year in figures is the festival's own, 2029年中秋节; 今年|中秋节 are two mentions, as the sets write them)
@_rule(rf"(?:{_YEAR_ABS})?“?(?P<h>端午|七夕|中元|中秋|重阳|腊八)(?P<jie>节)?”?(?P<hs>前后|前夕|前|后|期间|假期|小长假|当天|当日)?"
       rf"(?(hs){_PART}?)",
       needs="端七中重腊")
def _lunar_festival(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    """端午假期, 中秋节前, 重阳节当天上午: a festival of the lunar calendar (its day; the month around it before or after:
    中秋节前 as 春节前; its day for the holiday or the days around it, 端午假期, 端午节前后, as the sets read them)."""
    h, hs = m.group("h"), m.group("hs")
    if h in _NEEDS_JIE and not m.group("jie"):
        return None
    if h == "腊八" and text[m.end("h") : m.end("h") + 1] in ("粥", "蒜", "饭"):
        return None
    start, end = m.start(), m.end()
    if not hs:
        end = m.end("jie") if m.group("jie") else m.end("h")
        start = m.start("h") if text[start] == "“" else start
    if not hs and _FESTIVAL_AS_THING.search(text, max(0, start - 8), start):
        return None  # 欢度中秋: the festival kept, no time the text dates
    if _in_title(text, m.start()):
        return None
    month = hs in ("前", "前夕", "后")
    year = {"year": tx.cn_number(m.group("y"))} if m.group("y") else {}
    return _Cand(start, end, Spec("holiday", code="lunar:" + _LUNAR_FESTIVALS[h], n=1 if month else 0, part=_part(m), **year))


# 三九第一天, 进入四九的首日, 一九第三天: a day of a nine-day period counted from 冬至 (一九 opens on 冬至 itself).
@_rule(rf"(?P<n>[一二三四五六七八九])九(?:的)?(?:第一天|首日|头一天|第(?P<d>[二三四五六七八九])天){_PART}?", needs="九")
def _nine_day_period(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    shift = 9 * (tx.cn_number(m.group("n")) - 1) + (tx.cn_number(m.group("d")) - 1 if m.group("d") else 0)
    return _Cand(m.start(), m.end(), Spec("holiday", code="solar:冬至", day_shift=shift or None, part=_part(m)))


_OTHER_NEW_YEARS = ("藏历", "农历新年", "彝历", "傣历", "回历", "羌历")


# 新年第二天上午, 新年首日: a day into the new year, counted from 元旦 (a paper of late December means the coming one).
@_rule(rf"新年(?:的)?(?:首日|第一天|第(?P<d>[二三四五六七])天){_PART}?", needs="新")
def _new_year_day(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if any(k in text for k in _OTHER_NEW_YEARS):
        return None  # (藏历新年 … 迎接新年的第一天: a new year of another calendar, which the article names)
    shift = tx.cn_number(m.group("d")) - 1 if m.group("d") else 0
    return _Cand(m.start(), m.end(), Spec("holiday", code="元旦", day_shift=shift or None, part=_part(m)))


# The dog days (三伏) by the 庚 days after 夏至 and 立秋 (`_timex.dog_days`): 入伏 and 出伏 are days, 初伏, 中伏, 末伏 and 三伏
# periods (头伏, 二伏 the old names of the first two), their first day a day (中伏首日上午).
_DOG_DAYS = {"入伏": "初:1", "出伏": "出:1", "初伏": "初", "头伏": "初", "中伏": "中", "二伏": "中", "末伏": "末", "三伏": "三"}


@_rule(rf"(?P<k>入伏|出伏|初伏|头伏|中伏|二伏|末伏|三伏)(?:天)?(?:的)?(?P<first>第一天|首日|头一天)?{_PART}?", needs="伏")
def _dog_days(m: regex.Match, text: str, a: Analysis | None) -> _Cand | None:
    tok = a.token_at(m.start()) if a is not None else None
    if tok is not None and tok.start < m.start():
        return None  # 其中|伏牛山, 推出|伏…: the characters end a word the segmenter read before them
    if not m.group("first") and text.startswith(("前", "后", "之前", "之后"), m.end()) and not text.startswith("后来", m.end()):
        return None  # 入伏前, 出伏后: a deadline or a time after, which the annotators date as they please (as 立秋前)
    code = _DOG_DAYS[m.group("k")]
    if m.group("first") and ":" not in code:
        code += ":1"
    return _Cand(m.start(), m.end(), Spec("holiday", code=tx.DOG_DAYS + code, part=_part(m)))


# A day of a lunar month written out (农历七月初一, 农历八月十五): its Gregorian day in the paper's year.
# (腊月 and 冬月 name lunar months alone: 腊月十六上午)
@_rule(rf"{_YP}?(?:农历(?P<lm>十一|十二|[二三四五六七八九十冬腊])|(?P<lm>[冬腊]))月(?P<ld>初[一二三四五六七八九十]"
       rf"|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]?|三十|最后一天"
       rf"|(?P<wn>第[一二三四]|最后一)个(?:周|星期)(?P<wk>[一二三四五六日天])){_PART}?",
       needs="农腊冬")
def _lunar_month_day(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    lm = {"冬": 11, "腊": 12}.get(m.group("lm")) or tx.cn_number(m.group("lm"))
    if m.group("wk"):  # 腊月第二个周五: the lunar month's n-th weekday, counted from its first day (its last: back from the last)
        last = m.group("wn").startswith("最后")
        spec = Spec("holiday", code=f"lunar:{lm}:{'last' if last else 1}", weekday_from=(-1 if last else 1, _WEEKDAY[m.group("wk")]),
                    weekday_nth=1 if last else tx.cn_number(m.group("wn")[1]), part=_part(m), **_year_fields(m))
        return _Cand(m.start(), m.end(), spec)
    # (农历十月最后一天: the month's 29th or 30th, whichever it has)
    ld = "last" if m.group("ld") == "最后一天" else _LUNAR_DAY.get(m.group("ld")) or tx.cn_number(m.group("ld"))
    return _Cand(m.start(), m.end(), Spec("holiday", code=f"lunar:{lm}:{ld}", part=_part(m), **_year_fields(m)))


_LUNAR_DAY = {"初" + c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {
    "十" + c: 10 + i for i, c in enumerate("一二三四五六七八九", 1)} | {"二十": 20, "三十": 30} | {
    p + c: 20 + i for p in ("二十", "廿") for i, c in enumerate("一二三四五六七八九", 1)}


# A day of the first lunar month (正月初八, 正月十五, 大年初三): so many days after the new year (SPRING_FESTIVAL).
@_rule(rf"{_YP}?(?:农历)?(?:正月(?P<ld>初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]|三十)"
       r"|大年(?P<ld>初[一二三四五六七八九十]))",
       needs="正大")
def _first_lunar_month(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    return _Cand(m.start(), m.end(), Spec("holiday", code="正月", day=_LUNAR_DAY[m.group("ld")], **_year_fields(m)))


# -------- explicit ranges whose first half is a bare number: 3月30—31日, 1至3月, 2021—2025年


@_rule(rf"{_YP}?{_MONTH}(?P<d1>{_DNUM})日?{_CONN}(?P<d2>{_DNUM})日{_PART}?", needs=_CONN_CHARS)
def _day_range(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if _NUMERIC_BEFORE.search(_before(text, m.start())) or not m.group("m")[0].isdigit():
        return None
    f = _year_fields(m)
    mo = int(m.group("m"))
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (d1 < d2 and tx.valid_day(f.get("year"), mo, d2)):
        return None
    a = Spec("day", month=mo, day=d1, **f)
    return _Cand(m.start(), m.end(), a, replace(a, day=d2, part=_part(m)))


@_rule(rf"{_YP}?(?P<m1>{_MNUM})月?{_CONN}(?P<m2>{_MNUM})月(?P<fen>份)?(?!\d{{1,2}}[日号])", needs=_CONN_CHARS)
def _month_range(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    if _NUMERIC_BEFORE.search(_before(text, m.start())):
        return None
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    if m1 >= m2:
        return None
    a = Spec("month", month=m1, **_year_fields(m))
    return _Cand(m.start(), m.end(), a, replace(a, month=m2))


@_rule(rf"(?<![\d.])(?P<y1>{_YNUM})年?{_CONN}(?P<y2>{_YNUM})年度?(?!代)", needs=_CONN_CHARS)
def _year_range(m: regex.Match, text: str, _a: Analysis | None) -> _Cand | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if y1 >= y2:
        return None
    return _Cand(m.start(), m.end(), Spec("year", year=y1), Spec("year", year=y2))


# ---------------------------------------------------------------- candidates → mentions

_CONN_RE = lazy_pattern.compile(rf"{_CONN}")


def find_candidates(text: str, analysis: Analysis | None = None) -> list[_Cand]:
    """Leftmost-longest non-overlapping expressions, adjacent points joined into ranges."""
    norm = tx.ascii_digits(text)
    found: list[_Cand] = []
    for pattern, handler, anchor, needs in _RULES:
        # A short item holds no 季/半/周 or range dash: `in` finds that in C, faster than the search would fail.
        if needs and not any(c in norm for c in needs):
            continue
        matches = pattern.finditer(norm) if anchor is None else anchored_finditer(pattern, anchor[0], norm, *anchor[1:])
        for m in matches:
            if m.end() > m.start():
                c = handler(m, norm, analysis)
                if c is not None:
                    c.rule = handler.__name__.lstrip("_")
                    found.append(c)
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Cand] = []
    for c in found:
        if not chosen or c.start >= chosen[-1].end:
            chosen.append(c)
    return _since(_join_ranges(chosen, norm), norm)


def _since(cands: list[_Cand], text: str) -> list[_Cand]:
    """今年以来, 去年下半年以来: 以来 belongs to the period it opens (every check set's annotators read the
    mention so); a day before 以来 (5日以来) is left as it is, and so is a range, and a month of the calendar or its
    part (11月下旬|以来, 去年12月|以来: the four sets that hold one leave 以来 out), and a quarter (二季度|以来: both
    sets that hold one). 去年同期 likewise: the comparison's
    period is one mention, valued by its year (the annotators of the sets that hold one read it whole)."""
    for c in cands:
        if c.end_spec is None and c.spec.unit != "day" and text.startswith("以来", c.end) and not (
                c.spec.unit in ("month", "xun") and c.spec.month is not None) and c.spec.unit != "quarter" \
                and not (c.spec.code or "").startswith(tx.DOG_DAYS):  # (入伏|以来: a day, as jan66's annotator reads it)
            c.end += 2
            c.rule = f"since:{c.rule}"
        elif c.end_spec is None and c.spec.unit == "year" and c.spec.year_shift == -1 and text.startswith("同期", c.end):
            c.end += 2
            c.rule = f"same-period:{c.rule}"
    return cands


def _join_ranges(cands: list[_Cand], text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end_spec is None
            and c.end_spec is None
            and (
                (_CONN_RE.fullmatch(text[prev.end : c.start]) and _joinable(prev.spec, c.spec))
                # 元旦春节期间: two festivals named together are one holiday season
                or (prev.end == c.start and prev.spec.unit == c.spec.unit == "holiday")
            )
        ):
            if prev.end == c.start and "假期首日" in text[c.start : c.end]:  # 中秋国庆假期首日: the first festival's day
                out[-1] = _Cand(prev.start, c.end, prev.spec, rule=prev.rule)
                continue
            end = _inherit(c.spec, prev.spec)
            out[-1] = _Cand(prev.start, c.end, prev.spec, end, rule=f"range:{prev.rule}")
            continue
        out.append(c)
    return out


def _day_range_month(end: Spec, first: Resolved) -> Spec:
    """16日至21日: a range's last day that names no month is in the month its first day was read in (the next one where
    it comes before that day, 30日至2日), never read on its own from the paper's day."""
    if end.unit != "day" or end.day is None or end.month is not None or end.month_shift is not None or end.month_anaphor \
            or not _ISO_DAY.fullmatch(first.value):
        return end
    y, mo, d = map(int, first.value.split("-"))
    if end.day < d:
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return replace(end, year=y, month=mo, year_shift=None, year_anaphor=False)


def _joinable(a: Spec, b: Spec) -> bool:
    if a.unit != b.unit or a.unit not in ("day", "month", "year", "quarter", "half", "xun", "weekday"):
        return False
    if a.day_shift is not None or b.day_shift is not None or a.day_anaphor is not None:
        return False
    return a.unit != "year" or (a.year is not None and b.year is not None)


def _range_end(start: Spec, end: Spec, first: Resolved) -> Resolved | None:
    """周一至周五: a range of weekdays ends in the week its first day was read in (None: not such a range)."""
    if start.unit != "weekday" or end.unit != "weekday" or end.n != start.n or not _ISO_DAY.fullmatch(first.value):
        return None
    d = date.fromisoformat(first.value) + timedelta(days=((end.day or 0) - (start.day or 0)) % 7)
    return tx.day_value(d.year, d.month, d.day)


_ISO_DAY = lazy_pattern.compile(r"\d{4}-\d{2}-\d{2}")


def _inherit(end: Spec, start: Spec) -> Spec:
    """3月30日至31日: the end takes the month and year the start wrote out."""
    if end.year is None and end.year_shift is None and not end.year_anaphor:
        end = replace(end, year=start.year, year_shift=start.year_shift, year_anaphor=start.year_anaphor)
    if end.unit == "day" and end.month is None and end.month_shift is None and not end.month_anaphor:
        end = replace(end, month=start.month, month_shift=start.month_shift, month_anaphor=start.month_anaphor)
    if end.unit == "weekday" and end.n is None:
        end = replace(end, n=start.n, future=start.future)  # 上周五至周六: the end is in the start's week
    return end


def _since_earlier_year(c: _Cand, r: tx.Resolved, published: date | None) -> bool:
    return c.rule.startswith("since:") and published is not None and r.value[:4].isdigit() \
        and int(r.value[:4]) < published.year


def _baseline(c: _Cand, text: str, published: date | None) -> bool:
    """为1983年1月以来的最大值: a written earlier year opening a period up to now (a month's keeps 以来 outside its
    mention), or one a figure is compared with (比2021年全年加快), is the comparison's baseline; it names the year of no
    other month in its sentence or after it."""
    return published is not None and c.spec.year is not None and c.spec.year < published.year \
        and (c.rule.startswith("since:") or text.startswith("以来", c.end) or _COMPARED_WITH.search(text, max(0, c.start - 3), c.start))


# 比2021年全年加快, 较2019年同期: the year a figure is compared with, after 比 or 较 (同比 and 相比 included).
_COMPARED_WITH = lazy_pattern.compile(r"[比较]$")


def resolve(cands: list[_Cand], text: str, published: date | None, sentence_of: Callable[[int], tuple[int, int]]) -> list[DateMention]:
    """Anchor each candidate in text order and emit its `DateMention`."""
    sentence_years: dict[tuple[int, int], list[tuple[int, int]]] = {}
    counts: Counter[int] = Counter()
    announced = {c.start for c in cands if c.spec.year is not None and (c.spec.future or _announced(text, c.start, c.end))}
    # 2022年冬奥会场馆…年底前: a year naming the Games dates nothing else in the article
    naming = {c.start for c in cands if c.spec.year is not None and _EVENT_AFTER_YEAR.match(text, c.end)}
    for c in cands:
        if c.spec.year is not None and c.start not in naming and not _baseline(c, text, published):
            sentence_years.setdefault(sentence_of(c.start), []).append((c.start, c.spec.year))
            if c.start not in announced:  # a target year (到2035年, 计划2026年建成) is not the article's year
                counts[c.spec.year] += 1
    for years in sentence_years.values():
        years.sort()
    doc_year = max(counts, key=lambda y: (counts[y], y)) if counts else None
    anc = Anchors(published=published, doc_year=doc_year, sentence_years=sentence_years, targets=frozenset(announced))
    out: list[DateMention] = []
    prev_end = 0
    pair: tuple[int, date, date | None] | None = None
    cutoff: tuple[date | None, date | None] = (None, None)  # the day a 截至 read, and the story's day before it
    for c in cands:
        if cutoff[0] is not None and anc.last_day == cutoff[0] and text.startswith("同日", c.start):
            anc.last_day = cutoff[1]  # 截至3月28日，…。同日，…: the day of the story's events again, not the figures' cutoff
        if "\n" in text[prev_end : c.start]:
            anc.last_year = None  # an earlier paragraph's year does not carry over
            anc.crossed = True
            if anc.inset:
                anc.last_day = anc.top_day  # 12日会谈 … 11日晚抵达 … ¶ 当天中午: the story's day again
            anc.inset = anc.para_dated = False
        prev_end = c.end
        anc.sentence = sentence_of(c.start)
        sy = anc.sentence_year(anc.sentence, c.start)
        r = resolve_spec(_since_month(c, text, published), anc, sy)
        if c.end_spec is not None and _last_years_first_months(c, r, published):
            # 1—11月 on a page of 2 January: the first months of a year that ended, not of one just begun
            r = resolve_spec(replace(c.spec, year=published.year - 1), anc, sy)
        if c.end_spec is not None:
            end = c.end_spec
            start_year = r.value[:4]
            if end.year is None and end.year_shift is None and not end.year_anaphor and start_year.isdigit():
                end = replace(end, year=int(start_year))  # 1-11月 stays inside one year
            end = _day_range_month(end, r)
            r = tx.span(r, _range_end(c.spec, end, r) or resolve_spec(end, anc, sy))
        # (低于去年同期。…对标上半年目标: the period a figure is compared with is no anchor for what follows; nor is one
        # from an earlier year to the present: 去年以来，…。截至6月底 is this year's June)
        if c.start not in naming and not _recalls_earlier_year(text, c, r, published) \
                and not c.rule.startswith("same-period:") and not _since_earlier_year(c, r, published) \
                and not _baseline(c, text, published) \
                and not _opens_period(text, c):
            last_day = anc.last_day
            remember(anc, r)
            if published is not None and anc.last_day is not None and anc.last_day > published:
                anc.last_day = last_day  # 将于3月5日开幕的…: a day ahead is no day that 同日, 当天 then refer to
            pair = _day_pair(text, pair, c, r, anc, last_day)
            if c.spec.unit == "day" and last_day is not None and text[max(0, c.start - 2) : c.start] in ("截至", "截止"):
                cutoff = (anc.last_day, last_day)
            opens = _opens_paragraph(text, c.start)
            if anc.last_day is not None and r.value == anc.last_day.isoformat():
                _note_story_day(anc, c, opens, _LOOKS_BACK.search(text, anc.sentence[0], c.start) is not None)
            anc.para_dated = anc.para_dated or opens
        if c.spec.year is not None and c.start not in naming:
            anc.last_year_announced = anc.sentence if c.start in announced else None
        part = (c.end_spec or c.spec).part
        # 年底前: the year's deadline takes its 前 (every check set lists 年底前, few 年底 alone); a month's
        # (6月底前) does not (nearly every one lists 6月底, some not 6月底前)
        end = c.end + 1 if text[c.end - 2 : c.end] == "年底" and text.startswith("前", c.end) else c.end
        out.append(DateMention(text[c.start : end], c.start, end, r.value, r.granularity, r.interval, part,
                               evidence=f"date:{c.rule}" if c.rule and not c.rule.startswith("range") else c.rule or None))
    return out


def _since_month(c: _Cand, text: str, published: date | None) -> Spec:
    """去年全年…，进入1月以来: a month the text gives no year before 以来 reaches the paper's day, so it is the last
    such month on or before it, whatever year the text spoke of last."""
    spec = c.spec
    if published is None or c.end_spec is not None or spec.unit != "month" or spec.month is None \
            or spec.year is not None or spec.year_shift is not None or spec.year_anaphor \
            or not text.startswith("以来", c.end):
        return spec
    return replace(spec, year=published.year if spec.month <= published.month else published.year - 1)


def _day_pair(text: str, pair: tuple[int, date, date | None] | None, c: _Cand, r: tx.Resolved, anc: Anchors,
              before: date | None) -> tuple[int, date, date | None] | None:
    """上周四、周五 (1月7日、8日): two days in a row listed with 、 or 和 are a span as 7日至8日 is, so a later 次日
    is the day after the first (the tour's second day), not after the last. Returns what the next day needs: where this
    single day ends, the day, and the last single day before it."""
    day = anc.last_day
    if day is None or "/" in r.value or r.value != day.isoformat():
        return None
    if pair is not None and text[pair[0] : c.start] in ("、", "和") and day - pair[1] == timedelta(days=1):
        anc.span_first, anc.last_day, anc.listed = pair[1], pair[2], True
        return None
    return c.end, day, before


_LOOK_BACK_DAYS = 3
# What says a sentence tells of before the story's day (此前，他于23日抵达).
_LOOKS_BACK = lazy_pattern.compile(r"此前|之前|前一天|前一日|早些时候|日前")


def _note_story_day(anc: Anchors, c: _Cand, opens: bool, looks_back: bool = False) -> None:
    """After a single day ``c`` (now ``anc.last_day``; ``opens``: it opens its paragraph), keep the story's day
    (`Anchors.top_day`): the latest day read with its part (12日上午: an event's; a dateline's or a timestamp's day is
    none). A day before it, read with its part inside a paragraph that opened otherwise (会谈 … 11日晚，习近平抵达),
    looks back (`Anchors.inset`): a later paragraph's 当天 means the story's day again. (A paragraph a day opens,
    15日，欧盟…, may start a story of its own.)"""
    day = anc.last_day
    if not (c.end_spec or c.spec).part:
        # (…2月24日上午…出席就职典礼。此前，韩正于2月23日抵达基多。¶ 当天下午: a day or two before the story's,
        # read without its part where the sentence says it looks back (此前, 前一天), inside a paragraph that opened
        # otherwise, looks back as well; not a day weeks before, 从8月16日起…火炬传递, nor one of a news round-up's
        # items, 美国方面5日表示 after 6日凌晨)
        anc.inset = anc.top_day is not None and timedelta(0) < anc.top_day - day <= timedelta(days=_LOOK_BACK_DAYS) \
            and not opens and not anc.para_dated and looks_back
    elif anc.top_day is None or day >= anc.top_day:
        anc.top_day, anc.inset = day, False
    else:
        # (14日至15日，李强在渥太华… 15日上午…: a paragraph a date opens tells a story of its own, whose 当天 the next
        # paragraph may go on with)
        anc.inset = not opens and not anc.para_dated


def _opens_paragraph(text: str, start: int) -> bool:
    return _OPENS_PARAGRAPH.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None


_OPENS_PARAGRAPH = lazy_pattern.compile(r"[\s\u3000]*(?:当地时间)?")


def extract_dates(text: str, published: date | datetime | None = None, analysis: Analysis | None = None) -> list[DateMention]:
    """Every date in ``text``; usable without a pipeline (tests, the comparison script)."""
    if isinstance(published, datetime):
        published = published.date()
    if analysis is not None:
        sentence_of = analysis.sentence_at
    else:
        from policyie.nlp import split_sentences

        sentences = split_sentences(text)

        def sentence_of(pos: int) -> tuple[int, int]:
            return next((s for s in sentences if s[0] <= pos < s[1]), (0, len(text)))

    cands = [c for c in find_candidates(text, analysis) if not _inside_watchword(text, c.start, c.end)]
    return resolve(cands, text, published, sentence_of)


# 去年12月召开的…会议, 2021年7月在西藏考察时, 去年12月中央经济工作会议(精神): the date of an event recalled,
# said in passing.
_RECALLED_AFTER = lazy_pattern.compile(r"[^，,。；;\n]{0,16}?(?:召开的|举行的|举办的|考察时|视察时|调研时)|\p{Han}{2,14}?(?:会议|全会)")


# 自10月1日供暖以来, 从5月1日起: the day a period opened, before what has gone on since, is no anchor for the bare days,
# 同日 and 当天 after it (自6月19日以来，…。巴沙尔1日… is the paper's month; …以来…。同日 is the story's day).
_OPENS_PERIOD = lazy_pattern.compile(r"(?:自|从|自从)$")
_PERIOD_SINCE = lazy_pattern.compile(r"[^，,。；;]{0,10}?(?:以来|起|开始)")


def _opens_period(text: str, c: _Cand) -> bool:
    return c.spec.unit == "day" and _OPENS_PERIOD.search(text, max(0, c.start - 2), c.start) is not None \
        and _PERIOD_SINCE.match(text, c.end) is not None


def _last_years_first_months(c: _Cand, r: Resolved, published: date | None) -> bool:
    """Whether ``c`` is a bare range of the year's first months (1—11月) ending in November or December that the paper's
    own year has not reached (the paper is of January or February): figures reported for last year's."""
    end = c.end_spec
    return published is not None and end is not None and published.month <= 2 and c.spec.unit == end.unit == "month" \
        and c.spec.month == 1 and (end.month or 0) >= 11 and c.spec.year is None and end.year is None \
        and c.spec.year_shift is None and end.year_shift is None and r.value.startswith(str(published.year))


def _recalls_earlier_year(text: str, c: _Cand, r: Resolved, published: date | None) -> bool:
    """Whether ``c`` dates an event of an earlier year recalled in passing: it dates that event only, and the
    periods the article reports later (上半年, 全年) stay in the paper's own year."""
    year = r.value[:4]
    return published is not None and year.isdigit() and int(year) < published.year \
        and (_RECALLED_AFTER.match(text, c.end) is not None or (
            _COMPARED_BEFORE.search(text, max(0, c.start - 3), c.start) is not None and not _BRACKETED.match(text, c.end)))


# 确保冬种面积不低于|去年。…带动群众冬季就近就业: the year a figure is measured against dates nothing that follows
# (but the day in brackets that says which it was: 比去年初一（1月28日）).
_COMPARED_BEFORE = lazy_pattern.compile(r"(?:低于|高于|少于|多于|好于|超过|超出|比|较|同比|相比|对比)$")
_BRACKETED = lazy_pattern.compile(r"\p{Han}{0,2}[（(]")


_EVENT_AFTER_YEAR = lazy_pattern.compile(r"(?:北京)?(?:冬奥会|冬残奥会|奥运会|残奥会|亚运会|世博会|大运会|冬奥|世界杯|全运会)")
_WATCHWORD = lazy_pattern.compile(r"“([^“”\n]{2,8})”")


def _inside_watchword(text: str, start: int, end: int) -> bool:
    """以“开门红”带动“全年红”: a date word inside a short quoted watchword is part of the slogan."""
    lo, hi = text.rfind("“", max(0, start - 8), start + 1), text.find("”", end, end + 8)
    if lo < 0 or hi < 0:
        return False
    m = _WATCHWORD.fullmatch(text, lo, hi + 1)
    return m is not None and (start, end) != (lo + 1, hi)


@register("dates")
def extract(ctx: Context) -> list[DateMention]:
    return extract_dates(ctx.text, ctx.published, ctx.analysis)
