"""The spaCy engines (``ner``, ``auto``, ``blank``, a package name or a pipeline directory) and their parts:
the character tokenizer that carries jieba's words as features, the lexicon ruler, component registration,
`load_pipeline`, and `SpacyEngine`, the adapter that turns a spaCy ``Doc`` into an `Analysis` whose tokens
carry jieba tags whatever tag set the pipeline speaks (`CTB_TAGS` maps zh_core_web_sm's)."""

from __future__ import annotations

import json
from pathlib import Path

from .analysis import Analysis, Entity, Token, merge, split_sentences
from .jieba_tables import LABEL_TAGS, jieba_entities, jieba_tag, jieba_tokenizer, segment, tag_table, word_tokens
from .paths import shipped_model_path

WORDS_KEY = "policyie_words"  # Doc.user_data key for the jieba segmentation
LEXICON_ID = "lexicon"  # entity id of LexiconRuler hits: tells them from the NER's spans

# Penn Chinese Treebank tags (zh_core_web_sm) mapped onto the jieba tags the rules speak.
CTB_TAGS = {
    "NR": "nr",
    "NN": "n",
    "NT": "t",
    "VV": "v",
    "VA": "a",
    "VC": "v",
    "VE": "v",
    "P": "p",
    "CC": "c",
    "CS": "c",
    "DEG": "uj",
    "DEC": "uj",
    "DER": "ud",
    "DEV": "uv",
    "AS": "u",
    "SP": "y",
    "AD": "d",
    "PN": "r",
    "CD": "m",
    "OD": "m",
    "M": "q",
    "PU": "x",
    "JJ": "b",
    "LC": "f",
    "DT": "r",
    "FW": "eng",
    "ETC": "u",
    "MSP": "u",
    "BA": "p",
    "LB": "p",
    "SB": "p",
    "IJ": "e",
    "ON": "o",
}


def jieba_pos(tag: str) -> str:
    """A pipeline's tag in jieba's tag set: a CTB tag (upper case) mapped, ``x`` for one it lacks; others as they are."""
    return CTB_TAGS.get(tag, "x") if tag[:1].isupper() else tag


class JiebaCharTokenizer:
    """One spaCy token per character; the jieba word around it and gazetteer hits ride along as features.

    ``tag_`` is the word's jieba tag plus the character's place in it (B/I/E/S), ``lemma_`` the word,
    ``norm_`` the label and place of the longest lexicon term covering the character (``-`` if none;
    the terms are saved with the model, so features do not drift when the lexicons change).
    The words are stored in ``doc.user_data[WORDS_KEY]``.
    """

    def __init__(self, vocab, gazetteer: dict[str, str] | None = None) -> None:
        self.vocab = vocab
        self._cache: dict[str, tuple[list[int], list[int]]] = {}
        self.gazetteer: dict[str, str] = dict(gazetteer or {})
        self._automaton = None
        self._none = vocab.strings.add("-")

    def _features(self, word: str, tagtab: dict[str, str]) -> tuple[list[int], list[int]]:
        # Per-word hashes are cached: news vocabulary repeats, and interning strings per character is
        # the dominant cost of building the Doc.
        hit = self._cache.get(word)
        if hit is None:
            strings = self.vocab.strings
            tag = jieba_tag(word, tagtab)
            tags = [strings.add(f"{tag}-{p}") for p in _places(len(word))]
            lemma = strings.add(word)
            hit = (tags, [lemma] * len(word))
            if len(self._cache) < 200_000:
                self._cache[word] = hit
        return hit

    def _gazetteer_features(self, text: str, bounds: set[int]) -> list[int]:
        norms = [self._none] * len(text)
        if not self.gazetteer:
            return norms
        if self._automaton is None:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for term, label in self.gazetteer.items():
                auto.add_word(term, (len(term), label))
            auto.make_automaton()
            self._automaton = auto
        strings = self.vocab.strings
        for end, (n, label) in self._automaton.iter_long(text):
            start = end + 1 - n
            # Whether the hit agrees with jieba's words tells a place name from a substring of a word.
            fit = "w" if start in bounds and end + 1 in bounds else "x"
            for i, p in enumerate(_places(n)):
                norms[start + i] = strings.add(f"{label}-{p}-{fit}")
        return norms

    def __call__(self, text: str):
        from spacy.attrs import LEMMA, NORM, TAG
        from spacy.tokens import Doc

        words = segment(text)
        tagtab = tag_table()
        tags: list[int] = []
        lemmas: list[int] = []
        bounds = {0}
        pos = 0
        for w in words:
            t, lem = self._features(w, tagtab)
            tags.extend(t)
            lemmas.extend(lem)
            pos += len(w)
            bounds.add(pos)
        doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        if text:
            import numpy

            norms = self._gazetteer_features(text, bounds)
            doc.from_array([TAG, LEMMA, NORM], numpy.array([tags, lemmas, norms], dtype="uint64").T)
        doc.user_data[WORDS_KEY] = words
        return doc

    # Saved: the gazetteer terms (code and jieba's dictionary are not part of the model).
    def to_bytes(self, **_kwargs) -> bytes:
        return json.dumps(self.gazetteer, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, **_kwargs) -> JiebaCharTokenizer:
        self.gazetteer = json.loads(data.decode("utf-8")) if data else {}
        self._automaton = None
        return self

    def to_disk(self, path, **_kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = [f"{term}\t{label}" for term, label in sorted(self.gazetteer.items())]
        (path / "gazetteer.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path, **_kwargs) -> JiebaCharTokenizer:
        path = Path(path) / "gazetteer.tsv"
        if path.exists():
            self.gazetteer = dict(
                line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line
            )
            self._automaton = None
        return self


def _places(n: int) -> list[str]:
    return ["S"] if n == 1 else ["B"] + ["I"] * (n - 2) + ["E"]


def _make_factory(gazetteer: str = "", **_ignored):
    """``gazetteer``: a term<TAB>label file read at training time; a saved model brings its own."""

    def factory(nlp):
        terms = {}
        if gazetteer and Path(gazetteer).exists():
            rows = Path(gazetteer).read_text(encoding="utf-8").splitlines()
            terms = dict(line.split("\t", 1) for line in rows if "\t" in line)
        return JiebaCharTokenizer(nlp.vocab, terms)

    return factory


def register_tokenizer() -> None:
    """Alias of `register_components` (the tokenizer is one of them)."""
    register_components()


class LexiconRuler:
    """spaCy component after the NER: lexicon hits that agree with jieba's words become entities where
    the NER found nothing. It reads the hits the tokenizer already marked in ``norm_`` (``LOC-B-w`` …),
    so it costs one pass over the characters and loads instantly (a spaCy entity_ruler would tokenise
    forty thousand patterns at every start). Hits carry the entity id `LEXICON_ID`."""

    def __call__(self, doc):
        from spacy.tokens import Span

        taken = [False] * len(doc)
        for e in doc.ents:
            for i in range(e.start, e.end):
                taken[i] = True
        new = []
        start = None
        none = doc.vocab.strings["-"]
        for i, norm in enumerate(doc.to_array("NORM").tolist() if len(doc) else []):
            feature = doc.vocab.strings[norm] if norm != none else "-"
            if not feature.endswith("-w"):
                start = None
                continue
            label, place, _ = feature.rsplit("-", 2)
            if place in {"B", "S"}:
                start = i
            if place in {"E", "S"} and start is not None:
                if not any(taken[start : i + 1]):
                    new.append(Span(doc, start, i + 1, label=label, span_id=LEXICON_ID))
                start = None
        if new:
            doc.ents = sorted([*doc.ents, *new], key=lambda sp: sp.start)
        return doc


def register_components() -> None:
    """Make the policyie tokenizer and components known to spaCy (needed before `spacy.load` of the model)."""
    from spacy.language import Language
    from spacy.util import registry

    if "policyie.jieba_char.v1" not in registry.tokenizers:
        registry.tokenizers.register("policyie.jieba_char.v1", func=_make_factory)
    if not Language.has_factory("policyie_lexicon_ruler"):
        Language.factory("policyie_lexicon_ruler", func=lambda nlp, name: LexiconRuler())


def load_pipeline(name: str = "auto"):
    """The spaCy pipeline for ``name``: ``auto``, ``ner``, ``blank``, a package name, or a directory."""
    import spacy

    register_tokenizer()
    if name == "auto":
        try:
            return spacy.load("zh_core_web_sm")
        except (OSError, ImportError):  # not installed: the normal case, so say nothing
            name = "ner"
    if name == "ner":
        name = shipped_model_path()
    if name == "blank":
        return _blank()
    return spacy.load(name)


def _blank():
    import spacy

    jieba_tokenizer()  # initialise quietly before spaCy's segmenter touches jieba
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


class SpacyEngine:
    """A spaCy pipeline as an `Engine`: its tokens (the jieba words, with the shipped char pipeline) with jieba
    tags, and its entities, lexicon hits kept only where they agree with the words."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def analyse(self, text: str) -> Analysis:
        nlp = self.nlp
        tagtab = tag_table()
        doc = nlp(text)
        words = doc.user_data.get(WORDS_KEY)
        if words is not None:  # the shipped char pipeline: tokens are the jieba words
            tokens = word_tokens(words, tagtab)
        else:  # zh_core_web_sm or blank: tokens are spaCy's
            tokens = [
                Token(t.text, t.idx, t.idx + len(t.text), jieba_pos(t.tag_) if t.tag_ else jieba_tag(t.text, tagtab))
                for t in doc
                if not t.is_space
            ]
        starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
        entities = [
            Entity(e.text, e.start_char, e.end_char, e.label_)
            for e in doc.ents
            # Lexicon hits must agree with jieba's words (太白 inside 太白金星 is no place); the NER's own
            # spans need not, which is why it works on characters.
            if e.ent_id_ != LEXICON_ID or (e.start_char in starts and e.end_char in ends)
        ]
        if "ner" in nlp.pipe_names:
            tokens = _retag(tokens, entities)
        else:
            entities = merge(entities, jieba_entities(tokens))
        return Analysis(text=text, tokens=tokens, entities=entities, sentences=split_sentences(text))


def _retag(tokens: list[Token], entities: list[Entity]) -> list[Token]:
    """Give words jieba does not know (tag ``un``) the tag of an entity that is exactly that word.

    jieba's dictionary tags unknown names nothing useful; the NER often knows them, and rule
    writers reading ``Token.pos`` then see ``nr``/``ns``/``nt`` as they would for a dictionary word.
    """
    if not entities:
        return tokens
    spans = {(e.start, e.end): e.label for e in entities}
    out = []
    for t in tokens:
        if t.pos == "un":
            label = spans.get((t.start, t.end))
            if label in LABEL_TAGS:
                t = Token(t.text, t.start, t.end, LABEL_TAGS[label])
        out.append(t)
    return out
