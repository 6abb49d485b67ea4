"""What every engine returns: the words, entities and sentences of one normalised text, and the `Engine`
protocol (``analyse(text) -> Analysis``) each engine follows."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from operator import itemgetter
from typing import Any, NamedTuple, Protocol, runtime_checkable

from policyie import lazy_pattern

SENTENCE_END = lazy_pattern.compile(r"[。！？!?；;\n]+[”’」』)）]*")


# NamedTuples, not frozen dataclasses: one is built per word of every article, and a frozen
# dataclass's __init__ costs several times more.
class Token(NamedTuple):
    text: str
    start: int
    end: int
    pos: str  # jieba/ICTCLAS tag: nr person, ns place, nt organisation, v verb, …


class Entity(NamedTuple):
    text: str
    start: int
    end: int
    label: str  # PER, LOC, ORG (plus whatever the pipeline adds, e.g. TITLE from the posts lexicon)


@dataclass
class Analysis:
    """What the NLP layer knows about one normalised text."""

    text: str
    tokens: list[Token]
    entities: list[Entity]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # The statistical NER's own spans (`policyie.charner`), and the lexicons' before the model's were merged
    # into ``entities`` (where the two agree on a span, that agreement is evidence of its own).
    ner: list[Entity] = field(default_factory=list)
    lexicon: list[Entity] = field(default_factory=list)
    # Indexes over the entities that extractors build once per analysis, under their own key.
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding character ``pos``."""
        i = bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.text))

    # Shared by every extractor that bisects over the words (token_at here, the places and event layers).
    @cached_property
    def token_starts(self) -> list[int]:
        return list(map(START, self.tokens))

    @cached_property
    def token_ends(self) -> list[int]:
        return list(map(END, self.tokens))

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that start inside [start, end)."""
        return self.tokens[bisect_left(self.token_starts, start) : bisect_left(self.token_starts, end)]

    def token_at(self, pos: int) -> Token | None:
        i = bisect_right(self.token_starts, pos) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= pos < self.tokens[i].end:
            return self.tokens[i]
        return None

    def is_token_boundary(self, pos: int) -> bool:
        """True when ``pos`` does not fall inside a token (so a match there does not cut a word)."""
        tok = self.token_at(pos)
        return tok is None or tok.start == pos

    def entities_in(self, start: int, end: int, label: str | None = None) -> list[Entity]:
        """Entities lying wholly inside [start, end), optionally of one label."""
        return [e for e in self.entities if e.start >= start and e.end <= end and (label is None or e.label == label)]

    def entity_at(self, pos: int) -> Entity | None:
        """The entity covering character ``pos``, if any."""
        for e in self.entities:
            if e.start <= pos < e.end:
                return e
        return None


def split_on(pattern, text: str, keep: bool) -> list[tuple[int, int]]:
    """(start, end) of the non-empty stretches of ``text`` between matches of ``pattern``; with ``keep``
    each match closes the stretch before it (sentences keep their 。), else it is dropped (paragraph breaks)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in pattern.finditer(text):
        end = m.end() if keep else m.start()
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    return split_on(SENTENCE_END, text, keep=True)


@runtime_checkable
class Engine(Protocol):
    """An NLP engine: segmentation, tags and entities of one text, run once per document."""

    def analyse(self, text: str) -> Analysis: ...


def merge(first: list[Entity], extra: list[Entity]) -> list[Entity]:
    """``first`` plus those of ``extra`` that overlap none of them, in text order."""
    # An extra overlaps a span of ``first`` iff some span starting before its end ends after its start: with
    # ``first`` ordered by start, that is the furthest end among those spans (bisect), not a scan of all.
    taken = sorted((e.start, e.end) for e in first)
    starts = [s for s, _ in taken]
    reach = list(accumulate((t for _, t in taken), max))
    out = list(first)
    for e in extra:
        i = bisect_left(starts, e.end)
        if i == 0 or reach[i - 1] <= e.start:
            out.append(e)
    out.sort(key=_SPAN)
    return out


_SPAN = itemgetter(1, 2)  # (start, end) of an Entity, read in C

START, END = itemgetter(1), itemgetter(2)  # start and end of a Token or Entity, read in C
