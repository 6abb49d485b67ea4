"""Markdown links and autolinks → their visible text (URLs are metadata, not article text)."""

from __future__ import annotations

from policyie import lazy_pattern
from policyie.normalize.textmap import MappedText

_LINK = lazy_pattern.compile(r"!?\[(?P<text>[^\]\n]{0,300})\]\((?P<url>[^()\s]{0,1000})(?:\s+\"[^\"\n]{0,200}\")?\)")
_AUTOLINK = lazy_pattern.compile(r"<(?P<url>(?:https?:)?//[^<>\s]{1,1000})>")
# Navigation links ([返回首页](…), [下一篇](…)) are portal chrome, not text.
_NAV = lazy_pattern.compile(r"^\s*(?:返回|回到|上一篇|下一篇|首页|分享|打印|关闭|更多)")
_BARE_URL = lazy_pattern.compile(r"(?:https?:)?//[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,10}(?:/[^\s<>()\[\]，。]{0,1000})?")


def strip_markdown(mt: MappedText) -> tuple[MappedText, list[str]]:
    # Each pattern needs a marker most articles lack ("//" for a URL, "](" for a link): skip the scans then.
    urls: list[str] = []
    if "//" in mt.text:
        urls = [m["url"] for m in _AUTOLINK.finditer(mt.text)]
        mt = mt.sub(_AUTOLINK, "")
    if "](" in mt.text:
        mt = mt.sub(_LINK, lambda m: "" if m.group().startswith("!") or _NAV.match(m["text"]) else m["text"])
    if "//" in mt.text:
        urls.extend(m.group() for m in _BARE_URL.finditer(mt.text) if m.group().startswith("http"))
        mt = mt.sub(_BARE_URL, "")
    return mt, urls
