"""Characters a reader never sees: zero-width marks, soft hyphens, byte-order marks, control codes.

Scraped pages carry them inside words (蔡\u200b奇), where they would split names, posts and
slogans. Line-like controls become line breaks; the rest go. Runs first, so front matter after a
BOM is still found.
"""

from __future__ import annotations

from policyie import lazy_pattern
from policyie.normalize.textmap import MappedText

# \x0b and \x0c are Word's line and page breaks; U+2028/9 the Unicode ones.
_BREAKS = lazy_pattern.compile(r"[\x0b\x0c\u2028\u2029\x85]")
# C0/C1 controls except tab, newline and CR; zero-width space/non-joiner/joiner, word joiner,
# Mongolian vowel separator, BOM/zero-width no-break space, soft hyphen.
_INVISIBLE = lazy_pattern.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b-\u200d\u2060\u180e\ufeff\u00ad]+")
_TO_NEWLINE = {ord(c): "\n" for c in "\x0b\x0c\u2028\u2029\x85"}


def strip_invisible(mt: MappedText) -> MappedText:
    if _INVISIBLE.search(mt.text) is not None:
        mt = mt.sub(_INVISIBLE, "")
    if _BREAKS.search(mt.text) is not None:
        mt = mt.translate(_TO_NEWLINE)
    return mt
