"""Whole saved web pages → the article: main content versus navigation, sidebars, footers and comment boxes.

A crawler saves the whole page: menus listing every county, breadcrumbs (当前位置：首页 > … > …), lists of
sister organs and related articles, share bars, comment boxes and footers around one article. This module
finds the article the way GeneralNewsExtractor does for Chinese news pages — by text density and punctuation
density — but written for an offset map: it only *chooses* spans of the raw page, and deletes the rest with
`MappedText.edit`, so every character that survives still maps back to the raw input.

1. A tolerant tokenizer builds an element tree with raw offsets (no library, linear time, no recursion).
2. Each block element's own text is *prose* (sentence punctuation, little link text, no legal line, no teaser
   cut off with …) or *chrome* (menus, link lists, labels). Prose counts its characters, chrome counts against,
   and every block and link costs a little; class/id words (``content``, ``TRS_Editor`` … against ``nav``,
   ``footer``, ``comment`` …) and box headings such as 推荐阅读 weigh in.
3. The article is the element whose run of blocks from its first prose block to its last sums highest, less
   what lies between it and the headline the page's title names (so a gallery or teaser list below loses).
4. Inside the run, link lists, share bars, forms and chrome-classed boxes without prose are cut, and so is
   everything before the first and after the last prose block (headline block, date and source lines, editor).
5. Title, publication time and source come from the page: ``<meta>`` (og:title, ArticleTitle, PubDate,
   publishdate, article:published_time, og:release_date …), the visible headline (``<h1>`` or a bold line that
   the ``<title>`` repeats, two-line headlines joined) and the header lines between headline and article
   (发布时间/发布日期/来源), read by the same rules as a plain text's portal header.

Only whole pages come here (`is_whole_page`): ``<html>``/``<body>`` with navigation. Fragments keep the old path.
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass, field

import regex

from policyie import lazy_pattern
from policyie.normalize.boilerplate import INFO_BYLINE, clean_lines, unbracket_values
from policyie.normalize.html import ENTITY, TAG
from policyie.normalize.meta import DUTY_EDITOR_ROLES, LABEL_CLOSERS, REVIEW_ROLES, STAMP, WRITER_ROLES, parse_datetime
from policyie.normalize.textmap import MappedText

# A whole page: a document element plus navigation (a page with menus has dozens of links; an article
# fragment or a hand-written test page has none).
_DOCUMENT = lazy_pattern.compile(r"<(?:html|body)\b", regex.I)
_LINK = lazy_pattern.compile(r"<a\s[^<>]{0,2000}?href", regex.I)
MIN_LINKS = 10
# …or a breadcrumb: 当前位置：首页 > 要闻, 现在位置： 首页 >> 东区新闻 >> 正文
_BREADCRUMB = lazy_pattern.compile(r"(?:当前|现在|您的|您当前的?|所在)位置\s*[:：]|首页\s*(?:&gt;|>|»|→|/|／)", regex.I)
# …or a site's furniture: the ICP licence or police filing every Chinese site's footer carries, a 上一篇/下一篇
# pager (a page of few links, its menu in plain <li>s: 首页 / 珲春新闻 / 综合要闻)
_SITE_FURNITURE = lazy_pattern.compile(r"ICP备|公网安备|上一篇[:：]|下一篇[:：]")

_TOKEN = lazy_pattern.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style|noscript|template|textarea|iframe|svg)\b[^>]{0,2000}(?<!/)>.*?(?:</(?P=raw)\s*>|\Z)"
    r"|<[!?][^<>]{0,2000}>"
    r"|<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9:_-]{0,30})(?P<attrs>[^<>]{0,4000}?)/?>",
    regex.I | regex.S,
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
# Block elements: text inside one, up to the next nested block, is one unit of content or chrome.
_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup li main menu nav ol p pre section summary table tbody td tfoot "
    "th thead tr ul html".split()
)
# An open <p> or <li> is closed by the next one (HTML's implied end tags, the common cases).
_IMPLIED = {"p": frozenset({"p"}), "li": frozenset({"li"}), "dt": frozenset({"dt", "dd"}), "dd": frozenset({"dt", "dd"}),
            "tr": frozenset({"tr"}), "td": frozenset({"td", "th"}), "th": frozenset({"td", "th"})}
_P_CLOSERS = frozenset("address article aside blockquote div dl fieldset footer form h1 h2 h3 h4 h5 h6 header hr "
                       "main nav ol p pre section table ul".split())
_CUT_TAGS = frozenset({"form", "nav", "aside", "footer", "header", "menu", "dialog", "select", "button", "object"})

_ATTR = lazy_pattern.compile(r"""\b(?:class|id)\s*=\s*(?:"([^"]{0,300})"|'([^']{0,300})'|([^\s>]{1,300}))""", regex.I)
# Class or id words of article bodies (TRS_Editor is the CMS of most Chinese government portals).
_POSITIVE = lazy_pattern.compile(
    r"article|content|detail|zhengwen|trs_editor|maintext|main_text|main-text|txt|text|newsbody|story|entry|"
    r"post[-_]?body|rm_txt|\bzw\b|left_zw|con_?box|artibody|endtext",
    regex.I,
)
# Chrome words, matched as whole words or word starts of a class or id (so "photo" is not "hot"). The strong
# ones win over a content word in the same class ("article-share" is a share bar).
_STRONG_NEGATIVE = lazy_pattern.compile(
    r"(?:^|[\s_-])(?:nav|menu|footer|foot|breadcrumb|crumb|sidebar|comment|reply|share|bdshare|related|relate|"
    r"recommend|tuijian|xgxw|xgwz|copyright|login|search|qrcode|ewm|banner|advert|friendlink|subnav|dqwz|weizhi|"
    r"position|location|pagination|pager|social)",
    regex.I,
)
_WEAK_NEGATIVE = lazy_pattern.compile(
    r"(?:^|[\s_-])(?:side|aside|header|hot|rank|list|links?\b|widget|popup|print|tools?\b|toolbar|"
    r"more|tags?\b|keywords?|ad\b|ads\b|gg\b|r_box|tj\b)",
    regex.I,
)
_LEGAL = lazy_pattern.compile(
    r"版权所有|ICP备|ICP证|免责声明|郑重声明|公网安备|网站标识码|Copyright ?©|All Rights Reserved", regex.I
)
# A teaser cut short by its site: "..." or one "…" (Chinese prose writes its ellipsis "……").
_TEASER = lazy_pattern.compile(r"(?:(?<!…)…|\.{3})\s*$")
_RELATED = lazy_pattern.compile(
    r"[【\[]?(?:推荐阅读|相关阅读|相关新闻|相关文章|相关报道|相关链接|相关稿件|延伸阅读|热点推荐|精彩推荐|热门推荐|热门排行|"
    r"猜你喜欢|为你推荐|更多精彩|热点新闻|图片新闻|最新文章|最新新闻|热门文章|新闻排行|排行榜|24小时排行|热门评论|网友评论|"
    r"我要评论|发表评论|相关推荐|推荐新闻|今日推荐|编辑推荐|专题推荐)[】\]]?\s*(?:更多\s*)?[>»]*"
)
_SENTENCE_PUNCT = lazy_pattern.compile(r"[，。！？；]")
_WS = lazy_pattern.compile(r"\s+")


class _Node:
    __slots__ = ("tag", "start", "end", "parent", "children", "cls", "hint", "chars", "link_chars", "links",
                 "own_chars", "own_link", "own_punct", "legal", "teaser", "label", "idx", "block_parent", "content_blocks", "first",
                 "last")

    def __init__(self, tag: str, start: int, parent: _Node | None, cls: str) -> None:
        self.tag = tag
        self.start = start
        self.end = -1
        self.parent = parent
        self.children: list[_Node] = []
        self.cls = cls
        # -2 chrome whatever is inside (footer, comments, share bar …), -1 chrome, 1 content, 0 neither:
        # from its own class or id, else its parent's
        up = parent.hint if parent is not None else 0
        own = _hint(cls) if cls else 0
        self.hint = up if up == -2 or own == 0 else own
        self.own_chars = self.own_link = self.own_punct = 0
        self.legal = False  # a footer's legal line (版权所有, ICP备, 免责声明 …)
        self.teaser = False  # its text ends cut short (…, ...): a teaser of another article
        self.label = ""  # its own text while short (推荐阅读, 相关新闻 …)
        self.chars = self.link_chars = self.links = 0
        self.idx = 0  # its index in the block list
        self.block_parent: _Node | None = None  # the nearest block element above it
        self.content_blocks = 0
        self.first: _Node | None = None  # first and last content block in the subtree
        self.last: _Node | None = None


def is_whole_page(text: str) -> bool:
    """A saved web page with its navigation, not an article fragment."""
    if _DOCUMENT.search(text) is None:
        return False
    if _BREADCRUMB.search(text) is not None or _SITE_FURNITURE.search(text) is not None:
        return True
    n = 0
    for _ in _LINK.finditer(text):
        n += 1
        if n >= MIN_LINKS:
            return True
    return False


@dataclass
class Page:
    """The article's spans of a whole page, plus what the page says about it."""

    content: MappedText  # the page with everything but the article deleted (still HTML)
    title: str | None = None
    published: str | None = None  # ISO 8601
    source: str | None = None
    url: str | None = None  # og:url or the canonical link
    header: str = ""  # text between the headline and the article (date and source lines)
    trailer: str = ""  # text after the article (a 发布日期 line some portals put at the end)
    bylines: list[str] = field(default_factory=list)
    metas: dict[str, str] = field(default_factory=dict)
    site: str | None = None  # the site's own name (<meta> SiteName, og:site_name)


def main_content(mt: MappedText) -> Page | None:
    """The article of a whole page, or None when no element reads like one (the caller then strips the page)."""
    text = mt.text
    root, blocks = _parse(text)
    metas = _metas(text)
    title_tag = _title_tag(text)
    named = _named_titles(title_tag, metas)
    prefix, distance = _score(root, blocks)
    best = _best(blocks, prefix, distance, _headline_blocks(blocks, text, named))
    if best is None or best.first is None:
        return None
    cuts = _cuts(best)
    start, end = best.first.start, best.last.end
    edits = [(0, start, "")]
    edits.extend((s, e, "") for s, e in cuts if s >= start and e <= end)
    edits.append((end, len(text), ""))
    content = mt.edit(_merge_edits(edits))
    title = _title(root, text, named, start)
    page = Page(content=content, title=title, metas=metas, header=_header(text, start, title),
                trailer=_plain(text[end : min(len(text), end + 3000)]),
                site=next((metas[k][:40] for k in _SITE_KEYS if metas.get(k)), None) or _title_site(title_tag))
    _read_header(page, _meta_published(metas, text), _meta_source(metas))
    canonical = _CANONICAL.search(text, 0, min(len(text), 400_000))
    page.url = metas.get("og:url") or (canonical["u"] if canonical else None)
    if page.url and not page.url.startswith(("http://", "https://")):
        page.url = None
    return page


# (a time of day written 17时26分 as often as 17:26)
_STAMP = lazy_pattern.compile(r"(?<!\d)(?=19|20)" + STAMP)
_LABELED_STAMP = lazy_pattern.compile(r"(?:发布|发稿|发表|更新|成文|印发)?(?:日期|时间)\s*[:：∶→＞]\s*(?P<d>" + _STAMP.pattern + ")")
# 责任编辑：龚丽, 作者：陈映溪　吴书远: the names a role labels, up to the next role (责任编辑　严晚澄: spaces may part the
# label from its name on such a line)
_TRAILER_ROLE = rf"(?:作者|记者|通讯员|{WRITER_ROLES}|{DUTY_EDITOR_ROLES}|{REVIEW_ROLES}|责任编辑|责编|编辑|审核)"
_TRAILER_EDITOR = lazy_pattern.compile(
    _TRAILER_ROLE + rf"(?:\s*[/／丨{LABEL_CLOSERS}]{{1,2}}\s*|[ \u3000]+)" + r"[\p{Han}·]{2,12}(?:[\s、/／]+(?!" + _TRAILER_ROLE + r"|来源|发布|审签|终审)[\p{Han}·]{2,12}){0,4}"
)
_SOURCE_LINE = lazy_pattern.compile(r"(?:本文|文章|稿件|信息)?来源于?\s*[:：]?\s*(?P<src>[^\s|｜丨（）()：:]{2,20})")


def _header(text: str, start: int, title: str | None) -> str:
    """The lines between the headline and the article (date, source, byline), nearest last: up to twelve lines
    after the first one that holds the headline within 8,000 characters before the article, else the last twelve."""
    lines = _plain(text[max(0, start - 8000) : start]).split("\n")
    if title:
        key = _squash(title)
        at = [i for i, line in enumerate(lines) if key and key in _squash(line)]
        if at:
            return "\n".join(lines[at[0] + 1 :][-12:])
    return "\n".join(lines[-12:])


def _read_header(page: Page, meta_time: str | None, meta_source: str | None) -> None:
    """Time, source and bylines from the header lines (by the portal-header rules of plain text), then <meta>.

    The header line nearest the article wins; a visible stamp wins over a <meta> date of the same day that has
    no time of day, and one with a time of day wins over the <meta> of the same day whatever it has; a stamp after
    the article (发布日期 at the foot of a portal page) is the last resort."""
    stamp = source = None
    bylines: list[str] = []
    for line in reversed(page.header.split("\n")) if page.header else ():
        line = _NAME_THEN_ROLE.sub(r"\2：\1", line)  # 邰晚舟 文 / 顾承影 图: the name before its role
        line = unbracket_values(line)
        info = clean_lines(MappedText(line), None)[1]
        if not info.published and (m := _LABELED_STAMP.search(line)):
            info.published = m["d"]  # 发布日期：2016-11-22
        if not info.published and len(line) <= 60 and not _SENTENCE_PUNCT.search(line):
            # a bare stamp beside other words: 本文来源于 国家统计局 2024-05-11 09:36:26
            info.published = m.group() if (m := _STAMP.search(line)) else None
        if not info.source and (m := _SOURCE_LINE.search(line)):
            info.source = m["src"]
        stamp = stamp or (parse_datetime(info.published) if info.published else None)
        source = source or info.source
        if not info.bylines:
            # 发布时间：… 信息来源：… 作者：刘芊芊 【字号：大 中 小】: too long a line for a portal header
            info.bylines = [m.group() for m in INFO_BYLINE.finditer(line)]
        if not info.bylines and len(line) <= 80 and not _SENTENCE_PUNCT.search(line):
            # 广安融媒 记者 雍琮 通讯员 酆璠 03-09 07:32: spans of an info line, the roles parted from names by spaces
            info.bylines = [m.group() for m in _TRAILER_EDITOR.finditer(line)]
        bylines[:0] = info.bylines
    from_meta = parse_datetime(meta_time) if meta_time else None
    # (the visible stamp with a time of day wins over the <meta> of the same day: the page says when it was
    # published to the minute, a CMS's hidden seconds are when the record was saved)
    same_day = stamp is not None and from_meta is not None and stamp[:10] == from_meta[:10]
    if from_meta and not (same_day and (len(from_meta) == 10 or len(stamp or "") > 10)):
        page.published = from_meta
    elif stamp:
        page.published = stamp
    elif page.trailer and (m := _LABELED_STAMP.search(page.trailer)):
        page.published = parse_datetime(m["d"])
    page.source = source or meta_source
    # 责任编辑：龚丽, 编辑：吴静 审核：钱卫东 under the article, before the related news and the footer
    for line in page.trailer.split("\n")[:8]:
        bylines.extend(m.group() for m in _TRAILER_EDITOR.finditer(unbracket_values(line)))  # (责任编辑〔阙琭〕)
    page.bylines = bylines


# --------------------------------------------------------------------------------------------- parsing


def _classes(attrs: str) -> str:
    if not attrs:
        return ""
    return " ".join(next(g for g in m.groups() if g is not None) for m in _ATTR.finditer(attrs))


def _parse(text: str) -> tuple[_Node, list[_Node]]:
    """Element tree with raw offsets; ``blocks`` in document order. Tolerant of unclosed and stray tags, and
    linear: a close tag with no open element is skipped in O(1), each element is popped once, and the nearest
    block is the top of a second stack."""
    root = _Node("#root", 0, None, "")
    stack = [root]
    block_stack = [root]  # the block elements on ``stack``: text belongs to the last
    open_count: dict[str, int] = {}
    blocks: list[_Node] = [root]
    link_depth = 0
    pos = 0

    def add_text(s: int, e: int) -> None:
        if e <= s:
            return
        chunk = text[s:e]
        if "&" in chunk:
            chunk = ENTITY.sub("x", chunk)
        n = len(chunk) - sum(1 for c in chunk if c.isspace())
        if n <= 0:
            return
        block = block_stack[-1]
        if block.own_chars + n <= 12:
            block.label += chunk.strip()
        block.own_chars += n
        if not block.legal and _LEGAL.search(chunk):
            block.legal = True
        block.teaser = _TEASER.search(chunk) is not None
        if link_depth:
            block.own_link += n
        else:
            block.own_punct += len(_SENTENCE_PUNCT.findall(chunk))

    def pop(end: int) -> None:
        nonlocal link_depth
        node = stack.pop()
        node.end = end
        open_count[node.tag] -= 1
        if node.tag == "a":
            link_depth -= 1
        if node is block_stack[-1]:
            block_stack.pop()

    for m in _TOKEN.finditer(text):
        add_text(pos, m.start())
        pos = m.end()
        tag = m["tag"]
        if tag is None:
            continue  # comment, doctype, script, style …: no text
        tag = tag.lower()
        if m["close"]:
            if open_count.get(tag, 0) <= 0:
                continue
            while stack[-1].tag != tag:
                pop(m.start())
            pop(m.end())
            continue
        if tag in _VOID:
            continue
        closers = _IMPLIED.get(tag)
        if (tag in _P_CLOSERS and stack[-1].tag == "p") or (closers and stack[-1].tag in closers):
            pop(m.start())
        node = _Node(tag, m.start(), stack[-1], _classes(m["attrs"]))
        node.block_parent = block_stack[-1]
        stack[-1].children.append(node)
        stack.append(node)
        open_count[tag] = open_count.get(tag, 0) + 1
        if tag == "a":
            link_depth += 1
            block_stack[-1].links += 1
        if tag in _BLOCK:
            block_stack.append(node)
            blocks.append(node)
    add_text(pos, len(text))
    while len(stack) > 1:
        pop(len(text))
    root.end = len(text)
    return root, blocks


# --------------------------------------------------------------------------------------------- scoring


# Every element crossed costs a little, as tags do in Finn's body text extraction: an article is a dense run of
# paragraphs, and a gallery or a teaser list beyond a sidebar of dozens of empty boxes does not join it.
BLOCK_COST = 6.0
LINK_COST = 4.0
DISTANCE_COST = 0.25
PLAIN_WEIGHT = 0.4


def _hint(cls: str) -> int:
    if _STRONG_NEGATIVE.search(cls):
        return -2
    if _POSITIVE.search(cls):
        return 1
    return -1 if _WEAK_NEGATIVE.search(cls) else 0


def _is_content(n: _Node) -> bool:
    """A block whose own text reads like article prose: sentence punctuation, little link text, no legal line."""
    free = n.own_chars - n.own_link
    return n.tag[0] != "h" and n.own_punct >= 1 and free >= 8 and n.own_link <= 0.3 * n.own_chars and not n.legal and not n.teaser


def _value(n: _Node) -> float:
    """What a block adds to an article that includes it: its prose, or minus its chrome, as class hints weigh."""
    if _is_content(n):
        free = n.own_chars - n.own_link
        return free * (0.3 if n.hint == -2 else 0.6 if n.hint < 0 else 1.2 if n.hint > 0 else 1.0) - BLOCK_COST
    # link text is the stuff of menus; plain text without prose punctuation is as often a subhead, a caption
    # or a list item of the article as a label of the page, and weighs less
    if n.hint > 0 and n.own_link == 0 and not n.legal:
        return -BLOCK_COST / 2  # plain lines in an article's own box (content, detail, TRS_Editor …) are its own
    chrome = n.own_link + PLAIN_WEIGHT * (n.own_chars - n.own_link)
    return -chrome * (1.5 if n.hint < 0 else 1.0) - BLOCK_COST - LINK_COST * n.links


def _score(root: _Node, blocks: list[_Node]) -> tuple[list[float], list[float]]:
    """Subtree totals bottom-up (reverse document order visits children first); returns prefix sums of the
    blocks' values in document order, so that any run of blocks is valued in O(1), and of their magnitudes."""
    # What follows a heading such as 推荐阅读 (相关新闻, 热点推荐 …) in its box is chrome, whatever its teasers say.
    related: dict[int, int] = {}
    prefix = [0.0]
    for i, n in enumerate(blocks):
        n.idx = i
        p = n.block_parent
        if p is not None:
            if p.hint == -2 or (id(p) in related and n.start > related[id(p)]):
                n.hint = -2  # parents come first in document order: the mark reaches every block inside
            if n.label and _RELATED.fullmatch(n.label):
                related.setdefault(id(p), n.start)
                n.hint = -2
        prefix.append(prefix[-1] + _value(n))
    distance = [0.0]  # the same sums of absolute values: how much lies between two blocks
    for a, b in zip(prefix, prefix[1:], strict=False):
        distance.append(distance[-1] + abs(b - a))
    for n in reversed(blocks):
        n.chars += n.own_chars
        n.link_chars += n.own_link
        if _is_content(n):
            n.content_blocks += 1
            n.first = n  # a block starts before everything inside it
            n.last = n.last or n
        p = n.block_parent
        if p is None:
            continue
        p.chars += n.chars
        p.link_chars += n.link_chars
        p.links += n.links
        p.content_blocks += n.content_blocks
        if n.first is not None:
            p.first = n.first if p.first is None or n.first.start < p.first.start else p.first
            p.last = n.last if p.last is None or n.last.start > p.last.start else p.last
    return prefix, distance


def _best(blocks: list[_Node], prefix: list[float], distance: list[float], headlines: list[int]) -> _Node | None:
    """The article: the element whose run of blocks from its first to its last prose block holds the most
    prose net of the chrome between them (chrome before and after is cut anyway).

    An article follows its headline: when the page shows the headline its title names, whatever lies between
    the nearest such heading above a run and the run weighs against it (a quarter of it, prose or chrome, up to
    half the run's value: some portals put a mega-menu between headline and article), so a gallery of captioned
    photos or a list of teasers far below loses to the article just under the headline; a run above every such
    heading counts a third."""
    best, best_value = None, 0.0
    for n in blocks:
        if n.first is None:
            continue
        lo, hi = n.first.idx, n.last.idx
        v = prefix[hi + 1] - prefix[lo]
        at = bisect.bisect_left(headlines, lo) - 1  # the nearest headline before the run
        if at >= 0 and v > 0:
            v -= min(DISTANCE_COST * (distance[lo] - distance[headlines[at] + 1]), v / 2)
        elif headlines and hi < headlines[0]:
            v /= 3
        if v > best_value:
            best, best_value = n, v
    return best


def _headline_blocks(blocks: list[_Node], text: str, named: list[str]) -> list[int]:
    """Where the page shows its headline: the block indexes of the headings (h1–h3) that its title names."""
    keys = [_key(t) for t in named]
    out = []
    for n in blocks:
        if n.tag not in ("h1", "h2", "h3") or n.end <= n.start or n.end - n.start > 3000:
            continue
        line = _plain(text[n.start : n.end]).replace("\n", "")
        sq = _key(line)
        if len(sq) >= 4 and not _SITE_TAIL.search(line) and any(sq in k for k in keys):
            out.append(n.idx)
    return out


def _cuts(best: _Node) -> list[tuple[int, int]]:
    """Spans inside the article to delete: link lists, share bars, forms, chrome-classed boxes, all without prose."""
    out: list[tuple[int, int]] = []
    todo = list(best.children)
    while todo:
        n = todo.pop()
        if n.end < 0:
            continue
        if n.content_blocks == 0 and (
            n.tag in _CUT_TAGS  # a page wrapped in one <form> (ASP.NET) keeps its prose: only prose-free ones go
            or (n.cls and _hint(n.cls) < 0)
            or (n.tag in _BLOCK and n.links >= 1 and n.link_chars >= 0.5 * max(n.chars, 1))
        ):
            out.append((n.start, n.end))
            continue
        todo.extend(n.children)
    return out


def _merge_edits(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s, e, r in sorted(edits):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            ps, pe, _ = out[-1]
            out[-1] = (ps, max(pe, e), "")
        else:
            out.append((s, e, r))
    return out


# --------------------------------------------------------------------------------------------- metadata

_META = lazy_pattern.compile(r"<meta\b[^<>]{0,3000}>", regex.I)
_META_KEY = lazy_pattern.compile(r"""\b(?:name|property|itemprop|http-equiv)\s*=\s*(?:"([^"]{0,100})"|'([^']{0,100})'|([^\s>]{1,100}))""", regex.I)
_META_VALUE = lazy_pattern.compile(r"""\bcontent\s*=\s*(?:"([^"]{0,2000})"|'([^']{0,2000})'|([^\s>]{1,2000}))""", regex.I)
_TITLE_TAG = lazy_pattern.compile(r"<title\b[^<>]{0,200}>(?P<t>[^<]{1,500})</title\s*>", regex.I)
_HEADING = lazy_pattern.compile(r"h[1-6]")
# What publishes a page's time, most explicit first.
_PUBLISHED_KEYS = (
    "article:published_time", "og:release_date", "publishdate", "pubdate", "pubtime", "publish_date", "publishtime",
    "publish-time", "firstpublishedtime", "datepublished", "og:time", "dc.date", "dc.date.issued", "date",
    "sailthru.date", "article:published", "og:published_time", "weibo: article:create_at", "releasedate",
)
_JSON_TIME = lazy_pattern.compile(r"""["'](?:pubtime|publish_time|pubDate|publishTime|datePublished)["']\s*:\s*["'](?P<d>\d{4}-\d{1,2}-\d{1,2}[^"']{0,20})["']""")
_CANONICAL = lazy_pattern.compile(r"""<link\b[^<>]{0,300}?rel=["']?canonical["']?[^<>]{0,300}?href=["']?(?P<u>[^"'\s<>]{1,1000})""", regex.I)
_SOURCE_KEYS = ("contentsource", "source", "article:source", "og:source")
_SITE_KEYS = ("sitename", "og:site_name", "site_name", "site")


def _metas(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _META.finditer(text, 0, min(len(text), 400_000)):
        k = _META_KEY.search(m.group())
        v = _META_VALUE.search(m.group())
        if k is None or v is None:
            continue
        key = next(g for g in k.groups() if g is not None).strip().lower()
        value = html.unescape(next(g for g in v.groups() if g is not None)).strip()
        if value and key not in out:
            out[key] = value
    return out


def _meta_published(metas: dict[str, str], text: str) -> str | None:
    for key in _PUBLISHED_KEYS:
        if metas.get(key):
            return metas[key]
    m = _JSON_TIME.search(text)
    return m["d"] if m else None


def _meta_source(metas: dict[str, str]) -> str | None:
    for key in _SOURCE_KEYS:
        v = metas.get(key)
        if v:
            v = regex.sub(r"^(?:来源|稿件来源|信息来源)[:：]\s*", "", v).strip()
            v = regex.split(r"\s", v)[0]
            if v:
                return v
    return None


# 邰晚舟 文 / 顾承影 图: a name written before the role it had (文, 图, 摄), parted from the next by a slash.
# (文/图：庄远帆 after a source is a role's label, no name before it: the role stands spaced from the slash)
_NAME_THEN_ROLE = lazy_pattern.compile(r"(?<![\p{Han}·])([\p{Han}·]{2,6})[ \u3000]+([文图摄])(?=[ \u3000]+[/／|｜]|[ \u3000]*$)")


# An info line laid out as a table: a row of labels (<th>) over a row of values (<td>).
_LABEL_ROWS = lazy_pattern.compile(r"<tr\b[^<>]{0,200}>((?:\s*<th\b[^<>]{0,200}>.{0,80}?</th>)+)\s*</tr>\s*"
                            r"<tr\b[^<>]{0,200}>((?:\s*<td\b[^<>]{0,200}>.{0,200}?</td>)+)\s*</tr>", regex.I | regex.S)
_CELL = lazy_pattern.compile(r"<t[hd]\b[^<>]{0,200}>(.*?)</t[hd]>", regex.I | regex.S)
_DT_DD = lazy_pattern.compile(r"([:：]?)\s*</dt>\s*<dd\b[^<>]{0,200}>", regex.I)
# …or as rows of a label (<th>) beside its value (<td>): <tr><th>撰稿人</th><td>危映岚</td></tr>
_ROW_LABEL = lazy_pattern.compile(r"(<th\b[^<>]{0,200}>\s*[^<>]{1,12}?)\s*[:：]?\s*</th>\s*<td\b[^<>]{0,200}>", regex.I)
# A label spaced out to the width of longer ones (作　　者：, 来　　源：): its characters are one word.
_SPACED_LABEL = lazy_pattern.compile(r"(?<!\p{Han})(\p{Han})[ \u3000]+(\p{Han})(?=[ \u3000]*[:：∶])")


def _labels_with_values(fragment: str) -> str:
    """信息来源 | 作者 | 发布时间 over 县融媒体中心 | 吴知禾 | 2026-12-02 17:36:20 (a table), 撰稿人 | 危映岚 (a table's row),
    or <dt>作者：</dt><dd>吴知禾</dd> (a definition list): each value after its label on one line, as an info line writes
    them (作者：吴知禾), so the header's rules read it."""
    def pair(m: regex.Match) -> str:
        heads = [TAG.sub("", c).strip() for c in _CELL.findall(m.group(1))]
        cells = [TAG.sub("", c).strip() for c in _CELL.findall(m.group(2))]
        if len(heads) != len(cells):
            return m.group()
        return "<p>" + "\u3000".join(f"{h}：{v}" for h, v in zip(heads, cells, strict=True) if h and v) + "</p>"
    if "<th" in fragment.lower():
        fragment = _ROW_LABEL.sub(r"\1：", _LABEL_ROWS.sub(pair, fragment))
    # (<dt>作者：</dt><dd>马晚澄</dd>: a definition list writes the label and its value on one line, with the colon
    # the info line's rules read where the list leaves it to the layout: <dt>作者</dt><dd>梅琦</dd>)
    return _DT_DD.sub(lambda m: m.group(1) or "：", fragment) if "<dd" in fragment.lower() else fragment


def _plain(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per block (for header and trailer lines)."""
    fragment = _labels_with_values(fragment)
    s = regex.sub(r"<!--.*?(?:-->|\Z)|<(script|style|noscript|select|button)\b[^>]{0,2000}>.*?(?:</\1\s*>|\Z)", "",
                  fragment, flags=regex.I | regex.S)
    s = regex.sub(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|dd|dt|dl|section|article|header|footer)\b[^<>]{0,2000}>", "\n",
                  s, flags=regex.I)
    s = TAG.sub(" ", s)
    s = html.unescape(s).replace("\xa0", " ")
    lines = (regex.sub(r"[ \t\u3000]+", " ", _SPACED_LABEL.sub(r"\1\2", line)).strip() for line in s.split("\n"))
    return "\n".join(line for line in lines if line)


def _squash(s: str) -> str:
    return _WS.sub("", s)


_DASHES = lazy_pattern.compile(r"[-—–－]+")


def _key(s: str) -> str:
    """A headline as compared with a page title: no spaces, any run of dashes one hyphen (a title writes —— as -)."""
    return _DASHES.sub("-", _squash(s))


def _title_tag(text: str) -> str | None:
    """The page's ``<title>``, unescaped, or None."""
    m = _TITLE_TAG.search(text, 0, min(len(text), 400_000))
    return html.unescape(m["t"]) if m else None


def _named_titles(title_tag: str | None, metas: dict[str, str]) -> list[str]:
    """What the page calls itself: ArticleTitle, og:title, title and headline metas, then ``<title>``."""
    named = [v for v in (metas.get("articletitle"), metas.get("og:title"), metas.get("title"), metas.get("headline"),
                         title_tag) if v]
    return [_WS.sub(" ", v).strip() for v in named if v.strip()]


def _title(root: _Node, text: str, named: list[str], start: int) -> str | None:
    """The headline: the longest visible line (a heading, or a line or run of lines just before or at the top
    of the article) that the page's ``<title>``, og:title or ArticleTitle repeats, never a line that carries a
    site's name; else that title less the site's name; else the last heading before the article.

    A headline printed over two or more lines (a main line and a subtitle, or one headline broken by ``<br>``)
    is returned as the page's title writes it, so its lines are joined the way the site joins them."""
    keys = [_key(t) for t in named]
    best, best_len = None, 0
    visible = _visible_headlines(root, text, start)
    # The page title printed whole (…开幕 - 婺源新闻 - 中国·婺源) is no headline where its first piece stands on a
    # line of its own: that line is the headline, the rest the site's names.
    printed = {k for t, k in zip(named, keys, strict=True) if (first := _first_piece(t))
               and any(_key("".join(lines)) == _key(first) for lines in visible)}
    # (a line that repeats a piece after the title's first separator is the site's or a column's name, printed in
    # the banner: 市政协召开…常委会议 | 协商议政 | 中国人民政治协商会议金昌市委员会)
    site_pieces = {_key(p) for t in named for p in _SITE_SEP.split(t)[1:] if p and p.strip()}
    for lines in visible:
        line = "".join(lines)
        sq = _key(line)
        if len(sq) < 4 or len(sq) <= best_len or _SITE_TAIL.search(lines[-1]) or sq in printed or sq in site_pieces:
            continue
        for t, k in zip(named, keys, strict=True):
            if sq in k:
                best, best_len = (lines[0] if len(lines) == 1 else _span_of(t, sq)), len(sq)
                break
    core = _strip_site(named[0]) if named else None
    if best is not None and (core is None or best_len >= 0.6 * len(_squash(core))):
        return _tidy_title(best)
    headings = [n for n in _headings(root) if n.start < start]
    if core:
        # A page title that cuts its headline short (…调研时强调 ⫼ 某某新闻网 over a heading that goes on: …调研时强调
        # 守护…风貌 做强…产业): the heading that opens with it is the headline whole.
        ck = _key(core)
        for h in headings:
            t = _heading_text(text, h)
            k = _key(t)
            if len(ck) >= 6 and k.startswith(ck) and len(ck) < len(k) <= 3 * len(ck) and not _SITE_TAIL.search(t):
                return _tidy_title(t)
        return _tidy_title(core)
    return _tidy_title(_heading_text(text, headings[-1])) if headings else None


def _first_piece(title: str) -> str | None:
    """The piece of a page title before its first site separator, if it has one."""
    parts = [p.strip() for p in _SITE_SEP.split(title) if p and p.strip()]
    return parts[0] if len(parts) > 1 else None


def _headings(root: _Node) -> list[_Node]:
    """h1–h6 elements of a sane size, in document order."""
    out = []
    todo = [root]
    while todo:
        n = todo.pop()
        todo.extend(reversed(n.children))
        if _HEADING.fullmatch(n.tag) and 0 < n.end - n.start <= 3000:
            out.append(n)
    return out


def _heading_text(text: str, n: _Node) -> str:
    return _WS.sub(" ", _plain(text[n.start : n.end]).replace("\n", " ")).strip()


def _visible_headlines(root: _Node, text: str, start: int) -> list[list[str]]:
    """Lines that could be the headline, each as the list of its printed lines: the headings, and lines and
    runs of up to four lines (a headline broken over lines) from the 6,000 characters before the article and
    its first 1,500."""
    out: list[list[str]] = []
    for n in _headings(root):
        lines = _plain(text[n.start : n.end]).split("\n")
        if 2 <= sum(map(len, lines)) <= 150:
            out.append(lines)
    region = _plain(text[max(0, start - 6000) : min(len(text), start + 1500)]).split("\n")
    for i in range(len(region)):
        for k in range(1, 5):
            part = region[i : i + k]
            if len(part) < k or sum(map(len, part)) > 150:
                break
            out.append(part)
    return out


def _span_of(title: str, key: str) -> str:
    """The piece of ``title`` that reads ``key`` (compared as `_key` compares), with the title's own spacing."""
    norm: list[str] = []
    where: list[int] = []
    for i, c in enumerate(title):
        if c.isspace():
            continue
        if _DASHES.fullmatch(c):
            if norm and norm[-1] == "-" and where[-1] == i - 1:
                where[-1] = i
                continue
            c = "-"
        norm.append(c)
        where.append(i)
    at = "".join(norm).find(key)
    if at < 0:
        return key
    return title[where[at] : where[at + len(key) - 1] + 1]


# The characters that part a page title's pieces (…-政务要闻-某某区人民政府, …_要闻_新华网, … » 通州要闻 » …), as the
# contents of a regex character class ("-" first, so literal); "/" parts them too where a space stands before it (a date's
# slashes part nothing: 2026/11/20). `policyie.normalize._page_title` reads titles by the same characters.
TITLE_SEPARATORS = "-_|｜—–»›－＿"
# A colon, a double colon or a middle dot parts them only with spaces on both sides (… :: 浚县人大网, … · 政务动态 ·
# 西丰县人民政府; 专访:… and 精致城市·幸福威海 are the headline's own).
TITLE_COLON = r"\s(?:::?|[·•])\s"
# Symbols that part a title's pieces between spaces (… ∽ 云浮市人民政府, … ‖‖ 内江市人民政府, … ※ …, … ⸗ …): one to three
# of any symbol, dash or punctuation but a sentence's, a sign of arithmetic or a quote (… + …, … = …, … , …).
_SPACED_SYMBOLS = r"(?:(?![+＋=＝<>,，、。.!！?？;；:：'\"#%&*@])[\p{Sm}\p{So}\p{Po}\p{Pd}～]){1,3}"
# A line that ends in a site's name (…-新华网, …_长江网_cjn.cn, … ⫼ 某某新闻网) is a page title printed on the page, not the
# headline.
_SITE_TAIL = lazy_pattern.compile(
    rf"(?:[{TITLE_SEPARATORS}/]|{TITLE_COLON}|\s{_SPACED_SYMBOLS}\s)\s*[^{TITLE_SEPARATORS}/]{{0,30}}"
    r"(?:网|门户|频道|政府|新闻|报|社|台|中心|官网|首页|客户端|在线|\.cn|\.com|\.net|The Paper)"
    rf"[^{TITLE_SEPARATORS}/]{{0,20}}$"
)
_SITE_SEP = lazy_pattern.compile(
    rf"\s*(?:[_＿]{{1,2}}|\|{{1,2}}|｜|--|\s-\s|\s/\s|\s{_SPACED_SYMBOLS}\s|\s[\p{{Ps}}\p{{Pe}}]\s|{TITLE_COLON}|[»›‹－]|-(?=[^-]*(?:网|门户|频道|政府|新闻|日报|中心|官网|首页|客户端|\.cn|\.com)))\s*"
)


_SITE_NAME = lazy_pattern.compile(
    r".{0,16}(?:网|网站|门户|频道|新闻|中心|客户端|官网|首页|日报|晚报|报|社|台|政府|在线|APP|委员会|常委会|人大|政协)"
    r"|[\x00-\x7f]{1,40}", regex.I
)


def _strip_site(title: str) -> str:
    """The headline part of a page title: of the pieces between site separators (_ | ｜ -- ' - ' ' / ' » ›), the longest
    that is not a site's or a channel's name (北京市人民政府门户网站, 新闻中心, 长江网, cjn.cn, The Paper)."""
    parts = [p.strip() for p in _SITE_SEP.split(title) if p and p.strip()]
    if len(parts) <= 1:
        return title.strip()
    named = [p for p in parts if not _SITE_NAME.fullmatch(p)] or parts
    return max(named, key=lambda p: len(_squash(p)))


def _title_site(title_tag: str | None) -> str | None:
    """The site's name a page's <title> gives after its headline (… ≡ 都江堰市人民政府), for a page whose <meta> names
    none: the last piece after the first that reads as a site's name and is written in Chinese."""
    if title_tag is None:
        return None
    parts = [p.strip() for p in _SITE_SEP.split(title_tag) if p and p.strip()]
    named = [p for p in parts[1:] if _SITE_NAME.fullmatch(p) and regex.search(r"\p{Han}", p)]
    return named[-1][:40] if named else None


def _tidy_title(t: str) -> str:
    t = _WS.sub(" ", t.replace("\u3000", " ")).strip()
    # 2007 年末 → 2007年末: a space between a number and Chinese is typesetting, not a separator
    return regex.sub(r"(?<=\d) (?=\p{Han})|(?<=\p{Han}) (?=\d)", "", t)


__all__ = ["Page", "is_whole_page", "main_content"]
