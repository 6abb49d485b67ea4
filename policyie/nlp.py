"""Segmentation and NER, run once per document; every extractor reads the same `Analysis`.

The engine is a spaCy Chinese pipeline (jieba segmenter). Which pipeline is one setting,
``POLICYIE_PIPELINE``: ``auto`` (default) uses ``zh_core_web_sm`` when the user has it installed and
the pipeline shipped in ``models/`` otherwise; a name or a path picks one explicitly.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

import regex

SENTENCE_END = regex.compile(r"[。！？!?；;\n]+[”’」』)）]*")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    pos: str  # jieba/ICTCLAS tag: nr person, ns place, nt organisation, v verb, …


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str  # PER, LOC, ORG (plus whatever the pipeline adds)


@dataclass
class Analysis:
    """What the NLP layer knows about one normalised text."""

    text: str
    tokens: list[Token]
    entities: list[Entity]
    sentences: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding character ``pos``."""
        i = bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.text))

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_at(self, pos: int) -> Token | None:
        i = bisect_right(self._token_starts, pos) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= pos < self.tokens[i].end:
            return self.tokens[i]
        return None

    def is_token_boundary(self, pos: int) -> bool:
        """True when ``pos`` does not fall inside a token (so a match there does not cut a word)."""
        tok = self.token_at(pos)
        return tok is None or tok.start == pos


def split_sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


class _Engine:
    """Loads the pipeline lazily, once per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._nlp = None
        self._tags: dict[str, str] | None = None

    @property
    def nlp(self):  # -> spacy.Language
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = load_pipeline(os.environ.get("POLICYIE_PIPELINE", "auto"))
        return self._nlp

    @property
    def tags(self) -> dict[str, str]:
        if self._tags is None:
            import jieba.posseg

            self._tags = jieba.posseg.dt.word_tag_tab
        return self._tags


def load_pipeline(name: str = "auto"):
    """The spaCy pipeline for ``name``: ``auto``, an installed package name, or a directory."""
    import spacy

    if name == "auto":
        try:
            return spacy.load("zh_core_web_sm")
        except OSError:
            name = shipped_model_path()
    if name == "blank":
        return _blank()
    return spacy.load(name)


def shipped_model_path() -> str:
    """The pipeline directory that ships with policyie (see models/README.md)."""
    from importlib import resources

    try:
        root = resources.files("policyie_models")
        path = os.fspath(root / "policyie_zh")
        if os.path.isdir(path):
            return path
    except ModuleNotFoundError:
        pass
    return "blank"


def _blank():
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


_ENGINE = _Engine()


def analyse(text: str) -> Analysis:
    """Segment, tag and find entities in ``text`` once."""
    doc = _ENGINE.nlp(text)
    tags = _ENGINE.tags
    tokens = [
        Token(t.text, t.idx, t.idx + len(t.text), t.tag_ or tags.get(t.text, "x"))
        for t in doc
        if not t.is_space
    ]
    entities = [Entity(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]
    return Analysis(text=text, tokens=tokens, entities=entities, sentences=split_sentences(text))
