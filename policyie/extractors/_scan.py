"""``finditer`` for patterns with no fixed first character, run only where a match can be.

A pattern led by optional or alternative parts (an outlet before 记者, a year before 3月5日) makes the regex engine try
it at every character of the text. When every match holds a fixed anchor word (记者, 月) near its start, a cheap
scan for the anchor says where matches may lie, and a search bounded to a window around each anchor finds them.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex


def anchored_finditer(pattern: regex.Pattern, anchor: regex.Pattern, text: str, lead: int, reach: int) -> Iterator:
    """Exactly ``pattern.finditer(text)``, given two facts about ``pattern`` the caller vouches for.

    Every match holds an ``anchor`` match starting at most ``lead`` characters after the match start, and the match,
    lookaheads included, ends at most ``reach`` characters after the start of that anchor. Then a match at or after
    ``pos`` cannot start before ``r - lead``, where ``r`` is the first anchor at or after ``pos``; and one starting
    at or before ``r`` lies inside ``r + lead + reach``, so a search bounded there sees it whole (lookbehind and
    ``^`` still read the real text before the window). The pattern must not match the empty string.
    """
    pos, n = 0, len(text)
    while (a := anchor.search(text, pos)) is not None:
        r = a.start()
        m = pattern.search(text, max(pos, r - lead), min(n, r + lead + reach + 1))
        if m is not None and m.start() <= r:
            yield m
            pos = m.end()
        else:
            pos = r + 1
