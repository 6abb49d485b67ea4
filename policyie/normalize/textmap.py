"""A string that remembers, for every character, where it came from in the raw input."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex


class MappedText:
    """``text`` plus ``offsets`` with ``offsets[i]`` = raw index of ``text[i]``.

    ``offsets`` has one extra entry, the raw end, so that slices ``[s:e]`` map to raw ``[offsets[s]:offsets[e]]``.
    Every cleaning step is an edit list applied here, so the map stays true however many steps run.
    """

    __slots__ = ("text", "offsets")

    def __init__(self, text: str, offsets: list[int] | None = None) -> None:
        self.text = text
        self.offsets = offsets if offsets is not None else list(range(len(text) + 1))

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> MappedText:
        """Apply sorted, non-overlapping ``(start, end, replacement)`` edits.

        Replacement characters map to the raw start of what they replace: good enough to point a
        reader at the right place, and exact for the common 1:1 substitutions.
        """
        text, offs = self.text, self.offsets
        parts: list[str] = []
        new_offs: list[int] = []
        pos = 0
        for start, end, repl in edits:
            if start < pos:
                continue  # overlapping edit: the earlier one wins
            parts.append(text[pos:start])
            new_offs.extend(offs[pos:start])
            if repl:
                parts.append(repl)
                if len(repl) == end - start:
                    new_offs.extend(offs[start:end])
                else:
                    new_offs.extend([offs[start]] * len(repl))
            pos = end
        if not parts and pos == 0:
            return self
        parts.append(text[pos:])
        new_offs.extend(offs[pos:])
        return MappedText("".join(parts), new_offs)

    def sub(self, pattern: regex.Pattern[str], repl: str | Callable[[regex.Match[str]], str]) -> MappedText:
        fn = repl if callable(repl) else (lambda _m: repl)
        return self.edit((m.start(), m.end(), fn(m)) for m in pattern.finditer(self.text))

    def translate(self, table: dict[int, str]) -> MappedText:
        """One-character-for-one substitution: the map is unchanged."""
        return MappedText(self.text.translate(table), self.offsets)

    def strip(self) -> MappedText:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return MappedText(self.text[start:end], self.offsets[start:end] + [self.offsets[end]])
