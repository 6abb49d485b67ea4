"""Scanning text for any of a few hundred fixed strings (posts, place names) in one C pass.

The extractors used to compile such lexicons into one regex alternation (longest word first); the regex engine then
tries the alternatives at every character, which cost more than the rest of an extractor. `Literals` gives the same
matches from an Aho-Corasick automaton.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

from policyie.gazetteer import as_units, unit_spans


class LiteralMatch:
    """The parts of ``regex.Match`` the extractors read, for a match of a literal word."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text[self._start : self._end]

    def __repr__(self) -> str:
        return f"<LiteralMatch span={self.span()} match={self.group()!r}>"


class Literals:
    """What ``regex.compile("|".join(escape(w) for w in sorted(words, key=len, reverse=True)))`` matches.

    At a given position such an alternation takes the longest word that starts there (same-length words cannot
    both match), and ``finditer`` goes on from the end of each match: leftmost, longest, non-overlapping.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self._lengths = sorted({len(w) for w in self.words}, reverse=True)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
        for w in sorted(self.words):
            self._automaton.add_word(as_units(w))  # byte pairs, for speed: see gazetteer.as_units
        if self.words:
            self._automaton.make_automaton()

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not self.words:
            return []
        longest: dict[int, int] = {}
        for start, end in unit_spans(self._automaton, text):
            n = end - start
            if n > longest.get(start, 0):
                longest[start] = n
        out: list[tuple[int, int]] = []
        pos = 0
        for start in sorted(longest):
            if start >= pos:
                pos = start + longest[start]
                out.append((start, pos))
        return out

    def finditer(self, text: str) -> list[LiteralMatch]:
        return [LiteralMatch(text, s, e) for s, e in self.spans(text)]

    def search(self, text: str) -> LiteralMatch | None:
        spans = self.spans(text)
        return LiteralMatch(text, *spans[0]) if spans else None

    def match(self, text: str, pos: int = 0) -> LiteralMatch | None:
        """The longest word starting exactly at ``pos``."""
        for n in self._lengths:
            if pos + n <= len(text) and text[pos : pos + n] in self.words:
                return LiteralMatch(text, pos, pos + n)
        return None
