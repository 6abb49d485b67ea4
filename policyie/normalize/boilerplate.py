"""Portal chrome out of the body: sharing prompts, navigation, source/date headers, bylines, headline.

What is removed but meaningful (a source, a date, a byline, the headline) is returned as metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policyie import lazy_pattern
from policyie.normalize.meta import (
    COMPOSED_ROLES,
    DUTY_EDITOR_ROLES,
    LABEL_CLOSERS,
    OUTLET_ENDINGS,
    REVIEW_ROLES,
    STAMP,
    WRITER_LISTED,
)
from policyie.normalize.textmap import MappedText

_WS = r"[\s\u3000\xa0|｜丨]"
# Lines that are chrome wherever they appear.
_CHROME = lazy_pattern.compile(
    r"您访问的链接即将离开|海量资讯、精准解读|尽在\S{0,12}APP|扫一扫|二维码|分享到|打印本页|关闭窗口|【纠错】|字号[:：]"
    r"|返回顶部|^\s*返回\S{0,20}|点击进入|阅读原文|推荐阅读|相关新闻|免责声明|版权所有|ICP备|举报电话|下载\S{0,10}客户端"
    r"|^\s*(?:\[|【)?(?:来源|编辑|责编)[:：]?\s*$|^\s*原标题[:：]"
)
_ORIGINAL_TITLE = lazy_pattern.compile(r"原标题[:：]\s*(?P<t>.{2,80})$")
_SOURCE_HEAD = lazy_pattern.compile(r"(?:文章|稿件|新闻)?来源[:：]\s*(?P<src>[^\s|｜丨（）()；;，,]{2,20})")
# A full date with an optional time of day, as portals stamp an article: 2024年04月30日, 2023-09-28 08:12:05,
# 2026·11·14 (a paper's middle dots).
_STAMP = rf"(?P<date>{STAMP})"
_DATE_HEAD = lazy_pattern.compile(r"(?<!成文|印发)(?:(?:发布|发表|更新|刊发|发稿|见报)?时间|(?:发布|发表|刊发|发稿|见报)日期)[:：]\s*" + _STAMP)
# 稿件来源＝焦作日报；刊发日期＝2026年12月01日；作者＝…: an equals sign after an info line's label is its colon
_EQUALS_LABEL = lazy_pattern.compile(r"(?<=来源|日期|时间|作者|记者|通讯员|编辑|责编|审核|校对|摄影|撰稿)\s?[=＝]\s?")
# A header line carries only metadata: 来源: 北京日报 发布时间: 2024年04月30日
_HEADER_LINE = lazy_pattern.compile(r"^(?:(?:来源|发布时间|发布日期|时间|作者|编辑)[:：][^:：]{0,40}){1,4}$")
# …or of three labelled fields or more, whatever their labels (作者：… 供稿单位：… 发布时间：… 监制：…): a line that long
# is the info line where it also dates the article
_FIELDS_LINE = lazy_pattern.compile(r"^(?:\p{Han}{2,6}\s*[:：]\s*[^:：。，；！？,;!?]{1,40}){3,8}$")
_EDITOR = lazy_pattern.compile(r"^[(（\[【]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|监制|值班编辑|实习编辑)\s*[:：]\s*(?P<names>[^)）\]】]{1,40})[)）\]】]?$")
_BYLINE = lazy_pattern.compile(
    r"^(?:\S{1,8}\s+)?(?:撰文|文字|文|图|图文|摄影|记者|本报记者|通讯员|作者)\s*[|｜丨:：/]\s*(?P<names>[\p{Han}·\s、，,]{2,40})$"
)
# Trailing bylines inside the last paragraph: …参加。本报记者祁梦竹范俊生 / …参加调研。(徐飞鹏 范俊生)
_TAIL_REPORTER = lazy_pattern.compile(
    r"(?<=[。！？”])\s{0,3}(?P<byline>(?:本报|本刊|新华社|人民网|央视网)?(?:记者|通讯员)\s{0,2}[\p{Han}·\s、，,]{2,30})$"
)
_TAIL_PAREN = lazy_pattern.compile(
    r"(?<=[。！？”])\s{0,3}(?P<byline>[(（]\s{0,2}(?:(?:记者|通讯员|文|图)\s{0,2})?\p{Han}{2,4}(?:[\s、，,]{1,3}\p{Han}{2,4}){0,5}\s{0,2}[)）])$"
)
_TRIM = lazy_pattern.compile(rf"^{_WS}+|{_WS}+$")
_INNER_WS = lazy_pattern.compile(r"[ \t\u3000\xa0]{2,}|(?<=[\p{Han}，。、；：！？“”（）《》])[ \t\u3000\xa0]+|[ \t\u3000\xa0]+(?=[\p{Han}，。、；：！？“”（）《》])")
# A line ending a sentence, or holding one whole before what it goes on to (…表示诚挚慰问。他们是：, …格外关心。”): a
# body's first paragraph, never a headline, which holds no 。 of its own.
_SENTENCE_END = lazy_pattern.compile(r"[。！？][”’」』]?$|。")
# Precompiled: module-level regex.sub("…") pays a cache lookup and flag arithmetic on every call.
_WORDLIKE = lazy_pattern.compile(r"[\p{Han}\w]")
_SPACES = lazy_pattern.compile(r"\s+")
_PARAGRAPH_BREAK = lazy_pattern.compile(r"[ \t\u3000\xa0|｜丨]*\n[\s\u3000\xa0|｜丨]*")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@dataclass
class LineInfo:
    title: str | None = None
    original_title: str | None = None  # 原标题：… , a last resort for Document.title
    source: str | None = None
    published: str | None = None
    bylines: list[str] = field(default_factory=list)


def clean_lines(mt: MappedText, known_title: str | None) -> tuple[MappedText, LineInfo]:
    info = LineInfo()
    edits: list[tuple[int, int, str]] = []
    kept: list[tuple[int, int]] = []  # (start, end) of kept line content, after trimming
    text = mt.text
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        body = line.strip(" \t\u3000\xa0|｜丨")
        if not body or not _WORDLIKE.search(body):
            edits.append((start, min(pos, len(text)), ""))
            continue
        if _is_metadata(body, info):
            edits.append((start, min(pos, len(text)), ""))
            continue
        lead = len(line) - len(line.lstrip(" \t\u3000\xa0|｜丨"))
        trail = len(line) - len(line.rstrip(" \t\u3000\xa0|｜丨"))
        kept.append((start + lead, end - trail))
    if kept:
        kept = _lift_headline(text, kept, known_title, info, edits)
    if kept:
        _lift_tail_byline(text, kept[-1], info, edits)
    mt = mt.edit(sorted(edits))
    mt = _tidy(mt)
    return mt, info


def _is_metadata(body: str, info: LineInfo) -> bool:
    """True when the line is chrome or metadata; metadata is recorded on ``info``."""
    if "=" in body or "＝" in body:
        body = _EQUALS_LABEL.sub("：", body)
    if (orig := _ORIGINAL_TITLE.match(body)) is not None:
        info.original_title = info.original_title or orig["t"].strip() or None
        return True
    if _EDITOR.match(body) or _BYLINE.match(body):
        info.bylines.append(body)
        return True
    src = _SOURCE_HEAD.search(body)
    when = _DATE_HEAD.search(body)
    if (src or when) and (len(body) <= 60 or _HEADER_LINE.match(body) or (when and _FIELDS_LINE.match(body))):
        if src and not info.source:
            info.source = src["src"].rstrip("）)】]")
        # 发布时间：… 来源：… 作者：刘芊芊 浏览次数：…: the info line's byline is the article's
        # (记者：… 通讯员：…: each role; where no role has its closer, one a space parts from its name: 值班主编 蔺霁舟)
        labeled = [m.group() for m in INFO_BYLINE.finditer(body)]
        info.bylines.extend(labeled or [m.group() for m in _STAMP_BYLINE.finditer(body)])
        info.bylines.extend(m["name"] for m in _OUTLET_REPORTER.finditer(body))
        if not info.published:
            # 来源：北京日报 | 2024年03月29日 07:15: the stamp beside the source needs no label
            stamp = when or (_BARE_STAMP.search(body) if not _SENTENCE_PUNCT.search(body) else None)
            if stamp:
                info.published = stamp["date"]
        return True
    if _stamp_line(body, info):
        return True
    return bool(_CHROME.search(body)) and len(body) <= 80


def _stamp_line(body: str, info: LineInfo) -> bool:
    """A portal's date stamp without a label: 2023-09-28 08:12:05 来源：北京青年报, 北京晚报 2025-05-14,
    北京日报客户端 | 记者 张楠 曹政 / 2024-07-10 21:30. Only a short line with no sentence punctuation that
    holds a full date and nothing but a publisher, a source label or a byline besides."""
    if len(body) > 60 or _SENTENCE_PUNCT.search(body):
        return False
    when = _BARE_STAMP.search(body)
    if when is None:
        return False
    # (the fillers leave a space: names beside the paper are no part of its name, 文／措毛　图／次力　…　甘南日报)
    rest = _STAMP_FILLER.sub(" ", body[: when.start()] + " " + body[when.end() :])
    outlet = _OUTLET.search(rest)
    byline = _STAMP_BYLINE.search(body)
    if rest.strip() and not (outlet or byline):
        return False
    if not info.published:
        info.published = when["date"]
    if outlet and not info.source:
        info.source = outlet.group()
    if byline:  # (作者：邢望海　编辑：麦小禾: each role's byline)
        info.bylines.extend(m.group() for m in _STAMP_BYLINE.finditer(body))
    info.bylines.extend(m["name"] for m in _OUTLET_REPORTER.finditer(body))
    return True


_SENTENCE_PUNCT = lazy_pattern.compile(r"[。，；！？,;!?]")
# …⍚ 州融媒体中心 卯杳: a stamp line's field of a local outlet and, a space apart, the name it ends with: that outlet's
# reporter (an outlet's own name ends in its kind, so the name after it is no part of it).
_OUTLET_REPORTER = lazy_pattern.compile(
    r"(?:融媒体中心|融媒中心|新闻中心|广播电视台|电视台)[ \u3000]+(?P<name>\p{Han}{2,3})(?=[ \u3000]*(?:$|[^\p{Han}·:：]))")  # (not a label: 点击数：)
_BARE_STAMP = lazy_pattern.compile(_STAMP)
_STAMP_FILLER = lazy_pattern.compile(r"(?:文章|稿件|新闻)?来源[:：]|[\s|｜丨/／]+")
# (the national agencies by their names: 【新华社】【2026.06.27】)
_OUTLET = lazy_pattern.compile(rf"\p{{Han}}{{1,8}}?(?:{OUTLET_ENDINGS}|网|融媒)|新华社|中新社|中国新闻社")
# kept with its spaces, which are all that separates 张楠 曹政 once the line is gone
# (a name after a space is another of the same role's, unless it is the next role, any other label with its colon
# (供稿单位：, 时间：; a name before a closing bracket stays one: 【作者：褚一帆　崔映雪】), a role whose closer a space parts
# from it (发稿人 ⏐ 戚璟　记者 ⏐ 樊珞), a time's label (录入时间 ⎮ 2027-10-15) or the line's tools:
# 记者：苗若溪　通讯员：谢知行　　打印)
# (a composed label first: 编辑统筹, 值班校对 are labels of their own, not 编辑 or 值班 and a name)
_INFO_ROLES = f"{COMPOSED_ROLES}|作者|记者|通讯员|实习生|见习生|{DUTY_EDITOR_ROLES}|编辑|责编|{WRITER_LISTED}|{REVIEW_ROLES}|采访|发布者|发布人员|发布人|文字|影像|摄影|文/图|图/文"  # the roles an info line labels
_NEXT_ROLE = rf"(?!(?:{_INFO_ROLES}|文|图)\s*[{LABEL_CLOSERS}]|\p{{Han}}{{2,6}}[:：∶]|[文图][/／]|打印|浏览|点击|阅读|字体|字号|分享|收藏|关闭|返回|来源|发布|审核|刊发|稿源|\p{{Han}}{{0,4}}(?:时间|日期)|出处|供稿|签发)"
# (a role's label may be bracketed, 【作者】冷盈秋, «撰稿» 孟望舒; a paper writes 文／措毛　图／次力 with a full-width slash)
# (a lone opening bracket between spaces parts a label from its value as a closer does: 撰稿 ⧘ 石琰)
INFO_BYLINE = lazy_pattern.compile(
    rf"(?:{_INFO_ROLES}|(?<!\p{{Han}})[文图])(?:\s*[{LABEL_CLOSERS}]{{1,2}}|\s\p{{Ps}}(?=\s))\s*[\p{{Han}}·]{{2,12}}"
    rf"(?:[\s、/／]+{_NEXT_ROLE}[\p{{Han}}·]{{2,12}}){{0,4}}")
# 发布人员【晁琬】, 作者〔…〕: a role's value in brackets after its label, written as an info line's rules read it (发布人员：晁琬).
_BRACKETED_VALUE = lazy_pattern.compile(rf"(?<![\p{{Han}}])((?:责任编辑|审核|{_INFO_ROLES}))[【〔\[]([\p{{Han}}·]{{2,12}})[】〕\]]")


def unbracket_values(line: str) -> str:
    """``line`` with each role's bracketed value after a colon instead (发布人员【晁琬】 → 发布人员：晁琬)."""
    return _BRACKETED_VALUE.sub(r"\1：\2", line)


# (a Mongolian name runs to six characters: 内蒙古日报记者　乌力吉图雅　包晓川)
# (a dotted name, 作者 迪丽努尔·艾海提; a label parted by a spaced slash, 编辑 / 尤映川)
_STAMP_NAME = r"\p{Han}{2,6}(?:·\p{Han}{2,8})?(?![\p{Han}·])"
_STAMP_BYLINE = lazy_pattern.compile(
    rf"(?:(?:{_INFO_ROLES})(?:\s*[{LABEL_CLOSERS}]{{1,2}}|\s*[/／]|\s+[·・](?=\s)|[·・](?=\p{{Han}}))?|[文图](?:[/／]|\s+[·・](?=\s)))\s*(?!时间|日期){_STAMP_NAME}"
    rf"(?:[\s、]+{_NEXT_ROLE}{_STAMP_NAME}){{0,4}}")  # (录入|时间 ⎮ 2027-10-15: the time the item went in, no name)


def _lift_headline(
    text: str, kept: list[tuple[int, int]], known_title: str | None, info: LineInfo, edits: list[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """The first line is the headline when it reads like one; it leaves the body either way."""
    s, e = kept[0]
    first = text[s:e]
    squash = _SPACES.sub("", first)
    if known_title and squash == _SPACES.sub("", known_title):
        edits.append((s, e, ""))
        return kept[1:]
    if known_title is None and len(kept) > 1 and len(first) <= 150 and not _SENTENCE_END.search(first):
        info.title = first.strip()
        edits.append((s, e, ""))
        return kept[1:]
    return kept


def _lift_tail_byline(text: str, last: tuple[int, int], info: LineInfo, edits: list[tuple[int, int, str]]) -> None:
    s, e = last
    line = text[s:e]
    for pat in (_TAIL_REPORTER, _TAIL_PAREN):
        if m := pat.search(line):
            info.bylines.append(m["byline"].strip())
            edits.append((s + m.start(), e, ""))
            return


def _tidy(mt: MappedText) -> MappedText:
    """One newline between paragraphs, no indents, single spaces only where Latin text needs them."""
    mt = mt.sub(_PARAGRAPH_BREAK, "\n")
    mt = mt.sub(_INNER_WS, lambda m: " " if m.group().strip(" \t\u3000\xa0") == "" and _keeps_space(m) else "")
    return mt.strip()


# A role word shortly before on the same line: the spaces after it separate names (记者 王睿 岳付玉), and
# without them 王睿岳付玉 cannot be split back into two people.
_BYLINE_BEFORE = lazy_pattern.compile(r"(?:记者|通讯员|实习生|编辑|摄影|摄像|撰文|作者)[^\n。，,；;：:]{0,20}$")


def _keeps_space(m: regex.Match[str]) -> bool:
    if _between_latin(m):
        return True
    s = m.string
    after = s[m.end()] if m.end() < len(s) else ""
    return bool(after) and after not in "（）()，。、；：！？“”《》\n" and bool(
        _BYLINE_BEFORE.search(s, max(0, m.start() - 24), m.start())
    )


def _between_latin(m: regex.Match[str]) -> bool:
    s = m.string
    before = s[m.start() - 1] if m.start() else ""
    after = s[m.end()] if m.end() < len(s) else ""
    return before in _LATIN and after in _LATIN  # "" (text edge) is in no set
