"""HTML fragments → text: tags, comments, <style>/<script>, entities; block tags become line breaks."""

from __future__ import annotations

import html

import regex

from policyie import lazy_pattern
from policyie.normalize.textmap import MappedText

_LOOKS_HTML = lazy_pattern.compile(
    r"<(?:!--|/?(?:p|div|span|br|style|script|html|body|head|title|a|img|h[1-6]|table|tr|td|li|ul|section|article|strong|em|b|font)\b)",
    regex.I,
)
_TITLE = lazy_pattern.compile(r"<title[^>]{0,200}>(?P<t>[^<]{1,500})</title\s*>", regex.I)
# Bounded and unclosed-tolerant: an unclosed comment or <style> swallows to the end instead of backtracking.
_DROP = lazy_pattern.compile(
    r"<!--.*?(?:-->|\Z)|<(?P<tag>style|script|noscript|iframe|template)\b[^>]{0,2000}>.*?(?:</(?P=tag)\s*>|\Z)|<head\b.*?</head\s*>",
    regex.I | regex.S,
)
_BLOCK = lazy_pattern.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|tbody|thead|section|article|header|footer|blockquote|pre|hr|dd|dt|dl|figure|figcaption)\b[^<>]{0,2000}>",
    regex.I,
)
# Any tag, and any character or named entity: the HTML syntax page.py's reader reads too.
TAG = lazy_pattern.compile(r"</?[A-Za-z!?][^<>]{0,2000}>")
ENTITY = lazy_pattern.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def looks_like_html(text: str) -> bool:
    return _LOOKS_HTML.search(text) is not None


def html_title(text: str) -> str | None:
    m = _TITLE.search(text)
    return html.unescape(m["t"]).strip() or None if m else None


def strip_html(mt: MappedText) -> MappedText:
    mt = mt.sub(_DROP, "")
    mt = mt.sub(_BLOCK, "\n")
    mt = mt.sub(TAG, "")
    return decode_entities(mt)


def decode_entities(mt: MappedText) -> MappedText:
    if "&" not in mt.text:
        return mt  # every entity starts with one
    def repl(m: regex.Match[str]) -> str:
        out = html.unescape(m.group())
        return " " if out == "\xa0" else out

    return mt.sub(ENTITY, repl)
