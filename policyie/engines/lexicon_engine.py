"""The ``fast`` and ``lexicon`` engines: no spaCy. jieba's words; entities from the lexicon terms the shipped
model was built with (where they agree with jieba's words), jieba's dictionary tags and surname-led unknown
words; in ``fast``, then the statistical NER `policyie.charner` on the clauses the lexicons leave open."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from .. import lexicons
from .analysis import END, START, Analysis, Entity, Token, merge, split_sentences
from .jieba_tables import jieba_entities, segment, tag_table, whole_names, word_freq, word_tokens
from .paths import cache_dir, shipped_model_path, write_cache


class FastLexicon:
    """The ``fast`` setting: no spaCy at all. Entities are lexicon hits that agree with jieba's words
    (the terms the shipped model was built with, from its ``tokenizer/gazetteer.tsv``), then jieba's
    dictionary tags and surname-led unknown words."""

    def __init__(self, terms: dict[str, str]) -> None:
        # The statistical tagger (`policyie.charner`) run over the lexicon's output; None in ``lexicon``.
        self.tagger = None
        self._terms: dict[str, str] | None = terms
        self._source: Path | None = None
        self._automaton = None
        self._fold: _Fold | None = None
        if terms:
            self._automaton, self._fold = _lexicon_automaton(terms)

    @property
    def terms(self) -> dict[str, str]:
        """term → label (parsed on first use when the automaton came from the cache)."""
        if self._terms is None:
            self._terms = _parse_terms(self._source.read_bytes()) if self._source else {}
        return self._terms

    @classmethod
    def load(cls, model: str | None = None) -> FastLexicon:
        path = Path(model or shipped_model_path()) / "tokenizer" / "gazetteer.tsv"
        if not path.exists():
            return cls({})
        data = path.read_bytes()
        # Building the automaton is about 0.15 s of a cold start: keep it in the user cache directory,
        # keyed by the gazetteer's bytes and the build format, so any change of either rebuilds it.
        cache = cache_dir() / f"lexicon-{hashlib.sha1(data + _AUTOMATON_FORMAT).hexdigest()[:20]}.pickle"
        try:
            with cache.open("rb") as f:
                automaton, alphabet, placeholder = pickle.load(f)  # our own file in the user's cache
        except Exception:  # missing, stale or damaged (a half-written file, another pyahocorasick): rebuild
            lex = cls(_parse_terms(data))
            if lex._automaton is not None:
                write_cache(cache, (lex._automaton, lex._fold.alphabet, lex._fold.placeholder))
            return lex
        lex = cls({})
        lex._terms, lex._source = None, path
        lex._automaton, lex._fold = automaton, _Fold(alphabet, placeholder)
        return lex

    def entities(self, text: str, tokens: list[Token]) -> list[Entity]:
        """The lexicon's term hits, then jieba's dictionary tags where no term stands."""
        return merge(self.term_entities(text, tokens), jieba_entities(tokens))

    def term_entities(self, text: str, tokens: list[Token]) -> list[Entity]:
        """The lexicon's terms where they agree with jieba's words."""
        found: list[Entity] = []
        if self._automaton is not None and text:
            starts, ends = set(map(START, tokens)), set(map(END, tokens))
            new = tuple.__new__
            for end, value in self._automaton.iter_long(text.translate(self._fold)):
                end += 1
                if value is not None and end in ends and (start := end - value[0]) in starts:
                    found.append(new(Entity, (text[start:end], start, end, value[1])))
        return found

    def analyse(self, text: str) -> Analysis:
        """Segment, tag and find entities in ``text``: the lexicon's terms, jieba's tags where no term stands,
        then (when a `tagger` is set) the statistical NER's spans with the terms where it found nothing."""
        tagtab = tag_table()
        tokens = word_tokens(segment(text), tagtab)
        terms = self.term_entities(text, tokens)
        entities = merge(terms, jieba_entities(tokens))
        sentences = split_sentences(text)
        if self.tagger is None:
            return Analysis(text=text, tokens=tokens, entities=entities, sentences=sentences)
        new = tuple.__new__
        spans = self.tagger.tag(text, sentences, tokens, entities, only_open=True, known=terms)
        found = whole_names([new(Entity, (text[s:e], s, e, lab)) for s, e, lab in spans], tokens)
        # The model's spans first, then the lexicon's terms where it found nothing: jieba's dictionary tags,
        # which the model read as features, are left out (on MSRA test they take the merged entities'
        # F1 from 0.82 down to 0.64: 太阳 ns, 王 nr).
        return Analysis(
            text=text, tokens=tokens, entities=merge(found, terms), sentences=sentences, ner=found, lexicon=entities
        )


class _Fold(dict):
    """`str.translate` table sending every character no lexicon term uses to one placeholder, and the rest
    to themselves; filled on first sight of each character, so translating costs a C-level lookup per char."""

    def __init__(self, alphabet: frozenset[str], placeholder: str) -> None:
        super().__init__()
        self.alphabet = alphabet
        self.placeholder = placeholder
        self._code = ord(placeholder)

    def __missing__(self, code: int) -> int:
        out = code if chr(code) in self.alphabet else self._code
        if len(self) < 200_000:  # bounded for inputs that parade every code point
            self[code] = out
        return out


# The commonest lexicon characters in news text, commonest first: only the order of the automaton's child
# lists depends on them (lexicons/common_chars.tsv says how they were counted).
_COMMON_CHARS = "".join(cells[0] for cells in lexicons.rows("common_chars.tsv"))


def _lexicon_automaton(terms: dict[str, str]):
    """The Aho-Corasick automaton of ``terms`` (values ``(len, label)``), built for speed, with the same hits.

    pyahocorasick finds a node's child by a linear scan in insertion order, and the root has thousands of
    children, so a character that starts no term (a quarter of news text) scanned them all, and common
    ones waited behind rare ones. So: (1) terms go in ordered by how common their characters are in text,
    which puts common children first; (2) characters no term uses are folded to one placeholder, and the
    placeholder and every term character that starts no term get a dummy root child "<c><end-mark>" (the
    end mark never occurs in folded text). A dummy node is not a word end and has no child reachable from
    text, so the longest-match scan (`iter_long`: goto, the fail-node word-end check, and the fail walk)
    takes the same path through every real node; dummies only turn a fail link to the root into one to a
    dummy node, whose one child can never match. Which words are found, and where, is unchanged (checked
    on 3,000 corpus articles and 20,000 random strings of term fragments).
    """
    import ahocorasick

    alphabet = frozenset("".join(terms))
    spare = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in alphabet)
    placeholder, end_mark = next(spare), next(spare)
    freq = word_freq()
    common = {c: i - len(_COMMON_CHARS) for i, c in enumerate(_COMMON_CHARS)}
    # Rank: the commonest news characters first, in order, then by jieba's one-character word frequency.
    rank = {c: common[c] * (1 << 40) if c in common else -freq.get(c, 0) for c in alphabet}
    rank[placeholder] = -(1 << 62)  # every unknown character folds to it: the commonest root child
    rank[end_mark] = 0
    firsts = {t[0] for t in terms}
    dummies = [c + end_mark for c in sorted((alphabet - firsts) | {placeholder})]
    auto = ahocorasick.Automaton()
    for word in sorted([*terms, *dummies], key=lambda w: [rank[c] for c in w]):
        auto.add_word(word, (len(word), terms[word]) if word in terms else None)
    auto.make_automaton()
    return auto, _Fold(alphabet, placeholder)


# Bump when the automaton's layout or values change, so old user caches are not read.
_AUTOMATON_FORMAT = b"policyie-lexicon-automaton-1"


def _parse_terms(data: bytes) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in data.decode("utf-8").splitlines() if "\t" in line)
