"""Raw article → clean Simplified body text with an offset map, plus the metadata it carried.

Steps run in a fixed order, each an edit on an offset-mapped string (`MappedText`):
decode → invisible characters → front matter → Markdown → HTML → pinyin annotations → Traditional→Simplified →
punctuation → line cleaning (chrome, headers, bylines, headline).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policyie import lazy_pattern
from policyie.normalize import meta
from policyie.normalize.boilerplate import clean_lines
from policyie.normalize.decode import check_text, read_source
from policyie.normalize.documents import DocumentText, text_pages
from policyie.normalize.frontmatter import split_front_matter
from policyie.normalize.html import decode_entities, html_title, looks_like_html, strip_html
from policyie.normalize.invisible import strip_invisible
from policyie.normalize.markdown import strip_markdown
from policyie.normalize.page import TITLE_COLON, TITLE_SEPARATORS, is_whole_page, main_content
from policyie.normalize.punct import fix_punctuation
from policyie.normalize.script import strip_pinyin, to_simplified
from policyie.normalize.textmap import MappedText


@dataclass
class Normalised:
    text: str
    # offsets[i] is the index in the decoded raw input of text[i] (len(offsets) == len(text) + 1).
    offsets: list[int]
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    bylines: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    raw: str = ""
    # Where each page starts in ``text`` (PDF; DOCX where Word recorded it), else empty:
    # `policyie.normalize.documents.page_at` turns an offset into a page number.
    pages: list[int] = field(default_factory=list)
    # The site a whole page came from (its <meta> SiteName or og:site_name: 松阳县人民政府门户网站), which says where
    # the page's 我县 is when its 来源 names only an office (县政府办公室). Not a contract field.
    site: str | None = None


def normalise(source: object) -> Normalised:
    """Clean one article; raises `policyie.InputError` when it is not a readable Chinese article."""
    raw = read_source(source)
    check_text(raw)
    mt = strip_invisible(MappedText(raw))

    fm = split_front_matter(mt.text)
    if fm is not None:
        mt = mt.edit([(0, fm.end, "")])
    title = fm.get("title") if fm else None
    # Markdown first: an autolink <http://…> would otherwise be taken for an HTML tag. A whole saved page is
    # HTML through and through (its URLs are attributes and comments, not Markdown).
    whole = is_whole_page(mt.text)
    mt, urls = (mt, []) if whole else strip_markdown(mt)
    page = None
    if looks_like_html(mt.text):
        # A whole saved page (menus, sidebars, footers): keep its article only (policyie.normalize.page).
        page = main_content(mt) if whole else None
        mt = page.content if page else mt
        title = title or (page.title if page else html_title(mt.text))
        mt = strip_html(mt)
    else:
        mt = decode_entities(mt)
    mt = to_simplified(strip_pinyin(mt))
    mt = fix_punctuation(mt)
    if title:
        title = _clean_inline(title) if page and title == page.title else _page_title(_clean_inline(title))
    mt, info = clean_lines(mt, title)
    check_text(mt.text)

    published = meta.parse_datetime(fm.get("date", "published", "pubtime", "pubdate")) if fm else None
    published = published or (page.published if page else None) or meta.parse_datetime(info.published)

    bylines = [*page.bylines, *info.bylines] if page else list(info.bylines)
    source_name = _source(fm, (page.source if page else None) or info.source, bylines)
    categories = fm.list("categories", "tags") if fm else []
    url = (fm.get("url", "link", "permalink", "source_url") if fm else None) or (urls[0] if urls else None)
    url = url or (page.url if page else None)
    return Normalised(
        text=mt.text,
        offsets=mt.offsets,
        title=title
        or (_page_title(_clean_inline(info.title)) if info.title else None)
        or (_clean_inline(info.original_title) if info.original_title else None),
        source=source_name,
        published=published,
        url=url,
        bylines=bylines,
        categories=categories,
        raw=raw,
        pages=text_pages(raw.pages, mt.offsets) if isinstance(raw, DocumentText) else [],
        site=page.site if page else None,
    )


def _source(fm, header_source: str | None, bylines: list[str]) -> str | None:
    """Publisher: an explicit 来源 header, then front matter (source, an author that is a publisher, categories)."""
    if header_source:
        return meta.publisher(header_source) or header_source
    if fm is None:
        return None
    explicit = fm.get("source", "publisher", "media")
    if explicit:
        return meta.publisher(explicit) or explicit
    author = fm.get("author", "authors")
    if author and meta.looks_like_publisher(author):
        return meta.publisher(author) or author
    if author:
        bylines.insert(0, f"作者：{author}")
    for cat in fm.list("categories", "tags"):
        if (name := meta.publisher(cat)) is not None:
            return name
    return None


# What portals add around a headline: a site name after a dash, a bar or a spaced colon (…-首都之窗-北京市人民政府门户网站,
# …_新浪财经_新浪网, … :: 浚县人大网) and an outlet tag before it (【北京青年报】).
_SITE_TAIL = lazy_pattern.compile(rf"(?:\s*[{TITLE_SEPARATORS}]{{1,2}}|\s/|{TITLE_COLON})\s*[^{TITLE_SEPARATORS}/:]{{1,24}}$")
COLUMN_NAME = 8  # a piece this short between a headline and a site's name is the site's column (镇务动态, 荆门要闻)
_SITE_WORDS = lazy_pattern.compile(r"网|门户|首都之窗|频道|客户端|新闻|日报|晚报|青年报|政府|官网|APP|app")
_OUTLET_TAG = lazy_pattern.compile(r"^[【\[][^】\]]{1,12}[】\]]\s*")


def _page_title(title: str) -> str:
    """The headline without the site name a page title carries (and the column before it: …_要闻_新华网), or the
    outlet tag before it."""
    site = False
    while (m := _SITE_TAIL.search(title)) is not None and m.start() > 0 and (
            _SITE_WORDS.search(m.group()) or (site and len(m.group().strip(" /" + TITLE_SEPARATORS)) <= COLUMN_NAME)):
        title, site = title[: m.start()], True
    return _OUTLET_TAG.sub("", title) or title


def _clean_inline(s: str) -> str:
    """A title from metadata or a headline line, cleaned like the body (script, pinyin, punctuation)."""
    mt = fix_punctuation(to_simplified(strip_pinyin(decode_entities(MappedText(s)))))
    out = regex.sub(r"\s+(?=[，。、；：！？])|(?<=[，。、；：！？])\s+", "", mt.text)
    return regex.sub(r"[\s|｜丨]+$", "", regex.sub(r"^[\s|｜丨]+", "", out)) or s


__all__ = ["Normalised", "normalise"]
