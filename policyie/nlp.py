"""Segmentation and NER, run once per document; every extractor reads the same `Analysis`.

Which engine runs is one setting, ``POLICYIE_PIPELINE``:

* ``fast`` (default): jieba words; entities from the lexicons (the terms the shipped model was built
  with, matched where they agree with jieba's words), jieba's dictionary tags (nr/ns/nt) and
  surname-led unknown words; then the statistical NER `policyie.charner` on the clauses that hold a word
  the lexicons leave open, its spans merged where no lexicon span stands (`Analysis.ner` keeps them
  apart). No spaCy; docs/ner.md has its scores and cost;
* ``lexicon``: ``fast`` without the statistical NER (what ``POLICYIE_NER=off`` selects);
* ``ner``: the older spaCy pipeline shipped in ``models/policyie_zh`` (a character-level transition
  NER and an entity ruler fed by the lexicons), about a tenth of the speed of jieba;
* ``auto``: ``zh_core_web_sm`` when the user has it installed, else ``ner`` (silently);
* ``blank``: jieba segmentation in spaCy, entities from jieba's dictionary tags;
* any other value: an installed spaCy package name or a pipeline directory.

The spaCy pipeline tokenises into *characters* (so entity spans need not follow jieba's word
boundaries: with jieba tokens 18% of the gold place names in People's Daily cannot be expressed), and
hands the NER the jieba word around each character as features; `policyie.charner` works on characters
for the same reason. The jieba words become `Analysis.tokens`, so segmentation runs exactly once.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import pickle
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, compress, islice, repeat
from operator import itemgetter, not_
from pathlib import Path
from typing import Any, NamedTuple

import regex

from . import lexicons
from . import segmenter as _segmenter

SENTENCE_END = regex.compile(r"[。！？!?；;\n]+[”’」』)）]*")
_CJK = regex.compile(r"\p{Han}")
# jieba dictionary tags that stand for an entity label, used where no statistical NER runs.
JIEBA_LABELS = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}
_LABEL_TAGS = {"PER": "nr", "LOC": "ns", "ORG": "nt"}
WORDS_KEY = "policyie_words"  # Doc.user_data key for the jieba segmentation
LEXICON_ID = "lexicon"  # entity id of LexiconRuler hits: tells them from the NER's spans
DEFAULT_PIPELINE = "fast"


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
        return list(map(_START, self.tokens))

    @cached_property
    def token_ends(self) -> list[int]:
        return list(map(_END, self.tokens))

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


# --------------------------------------------------------------------------- jieba


_JIEBA_LOCK = threading.Lock()
_JIEBA = None
_TAGS: dict[str, str] | None = None
# Bump when the layout of the pickled (FREQ, total, tags) changes.
_JIEBA_CACHE_FORMAT = b"jieba-state-1"


def jieba_tokenizer():
    """The process-wide jieba tokenizer, initialised once and without its startup chatter."""
    global _JIEBA
    if _JIEBA is None:
        with _JIEBA_LOCK:
            if _JIEBA is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                _fast_initialise(jieba)
                _JIEBA = jieba.dt
    return _JIEBA


# Segmentation lives in `segmenter` (jieba's words, by jieba-rs where it can); re-exported for callers.
MAX_HAN_RUN = _segmenter.MAX_HAN_RUN
segment = _segmenter.segment


def _default_dictionary_key(jieba) -> bytes | None:
    """What the default dictionary's prefix table depends on, or None when jieba is not in its default
    state (a user's own dictionary, or an already initialised tokenizer): jieba's own loader then."""
    dt = jieba.dt
    if dt.initialized or dt.dictionary is not jieba.DEFAULT_DICT or dt.cache_file:
        return None
    try:
        st = os.stat(os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME))
    except OSError:
        return None
    return f"{jieba.__version__}|{st.st_size}|{st.st_mtime_ns}".encode() + _JIEBA_CACHE_FORMAT


def _fast_initialise(jieba) -> None:
    """jieba.dt.initialize(), about three times faster, plus the POS tag table without importing jieba.posseg.

    jieba keeps its prefix table in a marshal file whose load takes ~0.75 s of CPU (500k strings);
    the same dict pickled loads in ~0.25 s. jieba.posseg re-reads dict.txt for the tags (~0.35 s).
    Both go into one pickle in the user cache directory, keyed by jieba's version and the dictionary
    file, so any change of either rebuilds it. The table is what jieba itself would build: this only
    changes how it is stored.
    """
    global _TAGS
    key = _default_dictionary_key(jieba)
    if key is not None:
        cache = _cache_dir() / f"jieba-{hashlib.sha1(key).hexdigest()[:20]}.pickle"
        try:
            with cache.open("rb") as f:
                freq, total, tags = pickle.load(f)  # our own file in the user's cache
        except Exception:  # missing, stale or damaged: build as jieba does, then keep it
            pass
        else:
            dt = jieba.dt
            with dt.lock:
                if not dt.initialized:
                    dt.FREQ, dt.total, dt.initialized = freq, total, True
            _TAGS = tags
            return
        jieba.dt.initialize()
        _write_cache(cache, (jieba.dt.FREQ, jieba.dt.total, _posseg_tags()))
        return
    jieba.dt.initialize()


def _posseg_tags() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def jieba_tag(word: str, tagtab: dict[str, str]) -> str:
    """jieba's dictionary tag for ``word``; ``un`` for Han words it does not know, ``x`` otherwise."""
    tag = tagtab.get(word)
    if tag:
        return tag
    return "un" if _CJK.search(word) else "x"


def _tag_table() -> dict[str, str]:
    """jieba's word → POS tag table (the one jieba.posseg builds), loaded with the tokenizer."""
    global _TAGS
    jieba_tokenizer()
    if _TAGS is None:
        _TAGS = _posseg_tags()
    return _TAGS


# --------------------------------------------------------------------------- spaCy tokenizer


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
        tagtab = _tag_table()
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
            self.gazetteer = dict(line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
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


# --------------------------------------------------------------------------- pipeline choice


class _Engine:
    """Loads the pipeline lazily, once per process (per setting, should the setting change)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: dict[str, object] = {}

    def setting(self) -> str:
        name = os.environ.get("POLICYIE_PIPELINE", DEFAULT_PIPELINE)
        if os.environ.get("POLICYIE_NER", "").lower() in {"off", "0", "false", "no"}:
            return "lexicon"
        return name

    def get(self, name: str):
        hit = self._loaded.get(name)
        if hit is None:
            with self._lock:
                hit = self._loaded.get(name)
                if hit is None:
                    if name in {"fast", "lexicon"}:
                        hit = FastLexicon.load()
                        if name == "fast":
                            from . import charner

                            hit.tagger = charner.shipped()
                    else:
                        hit = load_pipeline(name)
                    self._loaded[name] = hit
        return hit


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
        cache = _cache_dir() / f"lexicon-{hashlib.sha1(data + _AUTOMATON_FORMAT).hexdigest()[:20]}.pickle"
        try:
            with cache.open("rb") as f:
                automaton, alphabet, placeholder = pickle.load(f)  # our own file in the user's cache
        except Exception:  # missing, stale or damaged (a half-written file, another pyahocorasick): rebuild
            lex = cls(_parse_terms(data))
            if lex._automaton is not None:
                _write_cache(cache, (lex._automaton, lex._fold.alphabet, lex._fold.placeholder))
            return lex
        lex = cls({})
        lex._terms, lex._source = None, path
        lex._automaton, lex._fold = automaton, _Fold(alphabet, placeholder)
        return lex

    def entities(self, text: str, tokens: list[Token]) -> list[Entity]:
        """The lexicon's term hits, then jieba's dictionary tags where no term stands."""
        return _merge(self.term_entities(text, tokens), _jieba_entities(tokens))

    def term_entities(self, text: str, tokens: list[Token]) -> list[Entity]:
        """The lexicon's terms where they agree with jieba's words."""
        found: list[Entity] = []
        if self._automaton is not None and text:
            starts, ends = set(map(_START, tokens)), set(map(_END, tokens))
            new = tuple.__new__
            for end, value in self._automaton.iter_long(text.translate(self._fold)):
                end += 1
                if value is not None and end in ends and (start := end - value[0]) in starts:
                    found.append(new(Entity, (text[start:end], start, end, value[1])))
        return found


_START, _END = itemgetter(1), itemgetter(2)


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


# The 600 commonest lexicon characters in news text, commonest first (counted on 2,000 xwlb_2018_2026
# articles): only the order of the automaton's child lists depends on it, which makes lookups 1.6x faster
# than jieba's one-character frequencies alone would.
_COMMON_CHARS = (
    "的国中新和在发人大一全会年日展作地动进业为央方民出行同家要主平部成联工实生合建以化有加重力对上等月政"
    "天视开是高共强时近区个多消关播产经今网总体持表党来息推不习闻长务现美面到增设代前制定将能保机员通各市"
    "理军提治目系好示公法议领社分济委万坚战度安深过量学场两心用文利斯海下与资统正次续期于外道事际特运交北"
    "自水导十基当色指组改项向本记题更第席内电施路数调举活克企点计西造义书式间立明性报布南防村创确应就三者"
    "问台江达局界比科护世决支元程最俄任流革院从后信放们农里广规域得相技亿疫质至门协小山步及带金据首起东团"
    "位华稳列京育完超品队线结服取复快精四教城亚源众球供意之升级标态落州气击接管解商打巴织他集口其受物名港"
    "互也省效府求办节构策境着投群参可风约贸称罗命二空责断届常车引积五种严收专还环医愿游优核春拉别略志把论"
    "控传准所维极边费河权卫乌老思果尔研周航显子型火感史欧族历速案处装划障件干预神李促转影双术备兴都营想署"
    "原先条贫无旅继致范兰乡马伊措非客易贯查话形格类突回善武告见由模切整验单健德反宣绿降铁监让纪融友讲使批"
    "响走认手去康青林百沙始福连庆观紧识抗英访冠启础围助阿居累扩越香号警检王选采富益湖清热土率斗险苏头士谈"
    "察况县迎功献然张截段挥站念奋班智未演少则根看洲值坦因米如包聚均红排再望价朗审抓层光章伟八依减真直盟灾"
    "具输破季赛获古声兵努征峰普夫往景澳住职字宁身攻司充黄测考户疆乐花底救税密远希奥尼祝园午试必足韩言财执"
)


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
    freq = jieba_tokenizer().FREQ
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


def _write_cache(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # whole or absent: a concurrent reader never sees half a file
    except OSError:
        pass  # read-only home: build again next time


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policyie"


def shipped_model_path() -> str:
    """The pipeline directory that ships with policyie (see models/README.md)."""
    from importlib import resources

    try:
        root = resources.files("policyie_models")
        path = os.fspath(root / "policyie_zh")
        if os.path.isfile(os.path.join(path, "config.cfg")):
            return path
    except ModuleNotFoundError:
        pass
    return "blank"


def _blank():
    import spacy

    jieba_tokenizer()  # initialise quietly before spaCy's segmenter touches jieba
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


_ENGINE = _Engine()


def pipeline():
    """The pipeline of the current setting (loading it on first use): a spaCy Language or a FastLexicon."""
    return _ENGINE.get(_ENGINE.setting())


def analyse(text: str, nlp=None) -> Analysis:
    """Segment, tag and find entities in ``text`` once, with the configured pipeline unless ``nlp``
    (a spaCy pipeline, or a `FastLexicon`) is given."""
    if nlp is None:
        nlp = _ENGINE.get(_ENGINE.setting())
    tagtab = _tag_table()
    if isinstance(nlp, FastLexicon):
        tokens = _word_tokens(segment(text), tagtab)
        terms = nlp.term_entities(text, tokens)
        entities = _merge(terms, _jieba_entities(tokens))
        sentences = split_sentences(text)
        if nlp.tagger is None:
            return Analysis(text=text, tokens=tokens, entities=entities, sentences=sentences)
        new = tuple.__new__
        spans = nlp.tagger.tag(text, sentences, tokens, entities, only_open=True, known=terms)
        found = [new(Entity, (text[s:e], s, e, lab)) for s, e, lab in spans]
        # The model's spans first, then the lexicon's terms where it found nothing: jieba's dictionary tags,
        # which the model read as features, are left out (on MSRA test they take the merged entities'
        # F1 from 0.82 down to 0.64: 太阳 ns, 王 nr).
        return Analysis(text=text, tokens=tokens, entities=_merge(found, terms), sentences=sentences, ner=found,
                        lexicon=entities)
    doc = nlp(text)
    words = doc.user_data.get(WORDS_KEY)
    if words is not None:  # the shipped char pipeline: tokens are the jieba words
        tokens = _word_tokens(words, tagtab)
    else:  # zh_core_web_sm or blank: tokens are spaCy's
        tokens = [
            Token(t.text, t.idx, t.idx + len(t.text), t.tag_ or jieba_tag(t.text, tagtab)) for t in doc if not t.is_space
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
        entities = _merge(entities, _jieba_entities(tokens))
    return Analysis(text=text, tokens=tokens, entities=entities, sentences=split_sentences(text))


def _word_tokens(words: list[str], tagtab: dict[str, str]) -> list[Token]:
    # One Token per word of every article, so everything per word runs in C: map over precomputed offsets,
    # tuple.__new__ (NamedTuple's own __new__ is a Python-level call), and tags from a memo whose misses
    # (first sight of a word) are the only Python-level step.
    bounds = list(accumulate(map(len, words), initial=0))
    tags = map(_tag_memo(tagtab).__getitem__, words)
    spans = zip(words, bounds, islice(bounds, 1, None), tags, strict=False)  # bounds has one entry more than words
    tokens = map(tuple.__new__, repeat(Token), spans)
    # Whitespace words (jieba yields each space and newline as one) are no tokens.
    return list(compress(tokens, map(not_, map(str.isspace, words))))


class _TagMemo(dict):
    """word → `jieba_tag` for one tag table, filled on first sight of each word (news vocabulary repeats, so
    nearly every lookup is a plain C-level dict hit). Bounded, for inputs that parade endless new words."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self.table = table

    def __missing__(self, word: str) -> str:
        tag = self.table.get(word) or ("un" if _CJK.search(word) else "x")
        if len(self) < 300_000:
            self[word] = tag
        return tag


_TAG_MEMO: _TagMemo | None = None


def _tag_memo(tagtab: dict[str, str]) -> _TagMemo:
    global _TAG_MEMO
    memo = _TAG_MEMO
    if memo is None or memo.table is not tagtab:
        memo = _TAG_MEMO = _TagMemo(tagtab)
    return memo


_ENTITY_TAGS = frozenset(JIEBA_LABELS) | {"un"}
_POS = itemgetter(3)


def _jieba_entities(tokens: list[Token]) -> list[Entity]:
    """Entities without a statistical NER: jieba's dictionary tags, plus the words jieba's HMM found
    (not in its dictionary) that look like a Chinese name: two or three characters after a common surname."""
    surnames = _common_surnames()
    out = []
    new = tuple.__new__
    # Only a few words in a hundred carry one of these tags: pick them out in C before looking closer.
    for t in compress(tokens, map(_ENTITY_TAGS.__contains__, map(_POS, tokens))):
        text, start, end, pos = t
        label = JIEBA_LABELS.get(pos)
        if label is not None:
            out.append(new(Entity, (text, start, end, label)))
        elif 2 <= len(text) <= 3 and text[0] in surnames:  # pos == "un"
            out.append(new(Entity, (text, start, end, "PER")))
    return out


@functools.cache
def _common_surnames(top: int = 300) -> frozenset[str]:
    """The most frequent single-character surnames from lexicons/surnames.tsv (empty if absent)."""
    if not lexicons.path("surnames.tsv").exists():
        return frozenset()
    rows = lexicons.rows("surnames.tsv")
    ranked = sorted((r for r in rows if len(r) >= 2 and len(r[0]) == 1), key=lambda r: -float(r[1] or 0))
    return frozenset(r[0] for r in ranked[:top])


def _merge(first: list[Entity], extra: list[Entity]) -> list[Entity]:
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
            if label in _LABEL_TAGS:
                t = Token(t.text, t.start, t.end, _LABEL_TAGS[label])
        out.append(t)
    return out
