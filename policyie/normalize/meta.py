"""Metadata values as articles write them → normalised values (ISO 8601 dates, publisher names)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache

import regex

from policyie import lazy_pattern, lexicons
from policyie.normalize.script import LOST_CHAR

# Endings of a news outlet's name (北京晚报, 北京日报客户端, 北京广播电视台). The portal-stamp reader and the
# bylines extractor both know outlets by them, each adding endings of its own.
OUTLET_ENDINGS = r"日报|晚报|时报|商报|早报|青年报|法治报|新闻网|客户端|电视台|广播电视台|通讯社"

# What closes a role's label before the name it labels (作者：, 【作者】, «撰稿», 编辑→, 作者＞, 供稿∶, 「编辑」, ［作者］,
# 编辑◈, 作者︰, 责任编辑——, 责任编辑 ‣, ⟨记者⟩): a colon of any width, any closing bracket or quote, any dash, mathematical
# or other symbol. Pages invent a new one every few sites, so the kinds are read, not a list of characters; a sentence's
# punctuation (，。、；) and the middle dot of a name (·) are none of them. The info-line reader and the bylines extractor
# both read labels by them (the extractor adds separators of its own, / where a byline writes it). Inside a character class.
# The marks of the general and supplemental punctuation blocks (作者⁚, 责任编辑 ⸙) are signs no sentence or name uses,
# save the ellipsis (…) and the hyphenation point a Taiwanese name is dotted with (‧).
LABEL_CLOSERS = r":：︰﹕‣\p{Pe}\p{Pf}\p{Pd}\p{Sm}\p{So}\u2020-\u2025\u2030-\u205E\u2E00-\u2E7F"
# The roles of whoever wrote or put the text together (撰稿人：, 执笔：, 采写：, 编校 /; a broadcast item's 编导 and 剪辑):
# every reader of labels (the bylines extractor's editor and inner-role patterns, the info-line reader, the trailer
# reader) takes them, each with roles of its own beside them; one spelling keeps them from growing apart, as they did
# one role per check set.
# Labels are made as much as listed: what part of the work (文字, 稿件, 视觉 …) and the work itself (统筹, 核对, 设计 …),
# perhaps 人员 after (文字统筹, 编辑统筹, 视觉设计, 信息整理, 采编人员, 文字核实, 编辑复审, 定稿过审: each check set brought new ones); a work
# may stand for the part too (校对编辑, 审核签发: two works, the first saying which).
_LABEL_PART = "文字|文稿|稿件|编辑|编校|信息|视觉|美术|版面|版式|页面|网页|图片|图文|视频|新媒体|网络|内容|技术|数据|值班|执行|责任|发布|定稿"
# A check is named by two of its own characters, which sets kept pairing anew (复审, 初审, then 核读): any checking
# character (审 校 核 复 终 初 统 通 勘 质, 复's older form 覆 of 覆核 and 覆勘, the bookish 雠 of 雠校, collation, and the
# auditor's 稽 of 稽核) before any that says what was checked or done (审 校 核 读 订 签 稿 定 正 准 检 看 阅 查 验 改 对:
# 核验, 内容核验, 图文校改, 内容稽核, 内容覆勘, 内容勘对; the collation's 雠 second too: 内容校雠).
_CHECKED = "[审校核读订签稿定正准检看阅查验改勘对雠]"
_CHECK_WORK = f"[审校核复覆终初统通勘质雠稽]{_CHECKED}"
# (and the words for putting errors right, 订讹, 勘误, 纠错, 订正, 正误: a check by what it fixes)
_LABEL_WORK = (
    f"{_CHECK_WORK}|统筹|编排|设计|校对|整理|核实|核对|采编|采集|编辑|把关|撰写|制作|策划|监制|编审|编校|签发|过审|送审"
    "|订讹|勘误|纠错|纠误|订正|正误|校误|改错"
)
# After a part, the check's first character may be any (内容覆勘, 图片稽核, 版面监看: sets coin a new one each time); its
# second still says what was checked or done.
_CHECK_AFTER_PART = rf"(?:{_LABEL_PART})\p{{Han}}{_CHECKED}"
COMPOSED_ROLES = (f"(?:{_LABEL_PART}|{_LABEL_WORK})(?:{_LABEL_WORK})(?:人员|人)?|{_CHECK_AFTER_PART}"
                  "|(?:采编|编排|核对|核实)(?:人员|人)?")
# (WRITER_LISTED: the roles no composition makes, for a reader that tries COMPOSED_ROLES first of all its roles)
WRITER_LISTED = "撰稿人|撰稿|撰写人|撰写|撰文人|供稿人|供稿|编校|编发人|编发|采写|执笔|主笔|排版|文稿整理|统稿|文案|编导|视频剪辑|剪辑"
WRITER_ROLES = f"{WRITER_LISTED}|{COMPOSED_ROLES}"
# The editors on duty, in charge or of the website named by a word of their own (值班主编 蔺霁舟, 责编人 祁珩舟, 网编
# 栾璟舟, 编辑人：章璟, 录入：…, who put the item on the site, 编播：…, who edited it for broadcast): the bylines
# extractor's editor and inner-role patterns and the info-line reader take them, for the same reason.
DUTY_EDITOR_ROLES = (
    "执行主编|值班主编|值班编辑|值班编委|值班审核|当班编委|网页值班|值班人员|值班|责编人员|责编人|网络编辑|网编|美编|图编|编辑人|编务|"
    "发稿人|录入人|录入|编播"
)
# Who checked the text before it ran (责任校对 拉姆央宗, 责校⟤…, 校订：…, 编审·屈璟, 网页校核：…, 初审·…, 网页一审：…, 核校：…,
# 网审：…) or passed it for print or release (定稿：…, 审发：…): every reader of labels takes them too.
REVIEW_ROLES = "网页校核|网页[一二三]审|网络审校|网审|责任校对|责校|校对|校订|校核|核校|审校|编审|初审|复审|[一二三]审|[一二三初]校|定稿|审发"
# What opens a bracketed label (【责任编辑】, «撰稿», 「编辑」, ⟨记者⟩): any opening bracket or quote. Inside a character class.
LABEL_OPENERS = r"\p{Ps}\p{Pi}"

# The parts of the day a stamp may write before its time (2026年10月15日 上午10:21); 下午 and 晚上 add twelve hours.
DAY_PARTS = r"上午|下午|晚上|早上|中午|凌晨"
# How a stamp parts its year, month and day (2026-06-27, 2026年6月27日, 2026·06·27), and the whole stamp with its time
# as the page readers find one (the info line's, the page's own, the trailer's): one spelling, which three copies
# had let drift apart (the page reader missed 2026·06·27 and 上午 before the time).
YEAR_SEP = r"[-－年/.·・]"
MONTH_SEP = r"[-－月/.·・]"
STAMP = (rf"\d{{4}}\s*{YEAR_SEP}\s*\d{{1,2}}\s*{MONTH_SEP}\s*\d{{1,2}}\s*日?"
         rf"(?:\s*(?:{DAY_PARTS})?\s*\d{{1,2}}(?:[:：]\d{{2}}(?:[:：]\d{{2}})?|时\d{{1,2}}分(?:\d{{1,2}}秒)?))?")
_CN_DATE = lazy_pattern.compile(
    rf"(?P<y>\d{{4}})\s*{YEAR_SEP}\s*(?P<m>\d{{1,2}})\s*{MONTH_SEP}\s*(?P<d>\d{{1,2}})\s*日?"
    rf"(?:\s*(?P<ap>{DAY_PARTS})?\s*(?P<H>\d{{1,2}})[:：时](?P<M>\d{{1,2}})(?:[:：分](?P<S>\d{{1,2}}))?秒?)?"
    r"(?:\s*(?P<tz>[+-]\d{2}:?\d{2}|Z|UTC|GMT))?"
)


def parse_datetime(value: object) -> str | None:
    """ISO 8601 for a date as front matter and portal headers write it, or None.

    A bare date stays a date (``2024-04-30``); a time keeps its offset
    (``2022-06-07 14:07:22 +0800`` → ``2022-06-07T14:07:22+08:00``); RFC 2822 dates
    (``Thu, 21 Jul 2022 23:44:13 GMT``) keep theirs (``+00:00``). A time without an offset is
    taken as Beijing time, which is what Chinese portals mean.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=_bj())).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip().strip("'\"")
    if not s:
        return None
    if regex.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z)$", s):
        return parse_datetime(datetime.fromisoformat(s.replace("Z", "+00:00")))
    if regex.match(r"^[A-Za-z]{3},", s) or regex.search(r"\b(GMT|UTC)\s*$", s) and not _CN_DATE.match(s):
        try:
            return parsedate_to_datetime(s).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    if regex.fullmatch(r"(19|20)\d{6}", s):
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    m = _CN_DATE.search(s)
    if not m:
        return None
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["H"] is None:
        return d.isoformat()
    try:
        hour = int(m["H"])
        if m["ap"] in ("下午", "晚上") and hour < 12:
            hour += 12  # 下午3:05 is 15:05; 中午12:30 and 上午10:21 are as written
        dt = datetime(d.year, d.month, d.day, hour, int(m["M"]), int(m["S"] or 0))
    except ValueError:
        return d.isoformat()
    tz = m["tz"]
    if tz in (None, ""):
        return dt.replace(tzinfo=_bj()).isoformat()
    if tz in ("Z", "UTC", "GMT"):
        return dt.isoformat() + "+00:00"
    tz = tz.replace(":", "")
    return dt.isoformat() + f"{tz[:3]}:{tz[3:]}"


# Beijing time (UTC+8), the zone a Chinese portal's wall time is in: defined once, here.
BEIJING_TIME = timezone(timedelta(hours=8))


def _bj() -> timezone:
    return BEIJING_TIME


_PUBLISHER_HINT = lazy_pattern.compile(r"(?:日报|晚报|早报|时报|周刊|报社|新闻社|通讯社|新闻网|新闻|财经|客户端|电视台|广播电视|网|社|报)$")


@cache
def _publishers() -> tuple[dict[str, str], list[str]]:
    """alias or slug → canonical publisher name, plus the canonical names."""
    index: dict[str, str] = {}
    names: list[str] = []
    for cells in lexicons.rows("publishers.tsv"):
        cols = (cells + ["", ""])[:3]
        name = cols[0].strip()
        names.append(name)
        for key in [name, *cols[1].split(","), *cols[2].split(",")]:
            if key.strip():
                index[key.strip().lower()] = name
    return index, names


def publisher(value: str | None) -> str | None:
    """The canonical publisher for a source string, slug or damaged name, or None when it is not one."""
    if not value:
        return None
    v = value.strip().strip("()（）【】[]").strip()
    index, names = _publishers()
    if v.lower() in index:
        return index[v.lower()]
    if LOST_CHAR in v:
        # A character lost in transcoding: 北京日\ufffd matches exactly one known publisher, 北京日报.
        pat = regex.compile("^" + regex.escape(v).replace(regex.escape(LOST_CHAR), ".") + "$")
        hits = [n for n in names if pat.match(n)]
        return hits[0] if len(hits) == 1 else None
    return None


def looks_like_publisher(value: str) -> bool:
    return publisher(value) is not None or bool(_PUBLISHER_HINT.search(value.strip()))
