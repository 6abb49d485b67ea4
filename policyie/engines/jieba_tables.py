"""jieba, set up once per process: the tokenizer (its tables kept in a pickle in the user cache directory),
the word frequencies and the word → POS tag table, words as `Token`s, and the entities jieba's dictionary
tags stand for.

Where rjieba segments (`policyie.segmenter`), jieba's own tokenizer is never initialised: what the
extractors read of jieba's dictionary (a word's frequency and its tag) comes from a lighter table of the
dictionary's words alone, which loads in half the time of the prefix table (a third of a cold start was
spent there). The tokenizer is initialised, from its own cache, only where jieba itself segments.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import importlib.util
import logging
import os
import pickle
import sys
import threading
from bisect import bisect_left
from itertools import accumulate, compress, islice, repeat
from operator import itemgetter, not_

from policyie import lazy_pattern

from .. import lexicons
from .. import segmenter as _segmenter
from .analysis import START, Entity, Token
from .paths import cache_dir, prune_caches, write_cache

_CJK = lazy_pattern.compile(r"\p{Han}")
# jieba dictionary tags that stand for an entity label, used where no statistical NER runs.
JIEBA_LABELS = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}
LABEL_TAGS = {"PER": "nr", "LOC": "ns", "ORG": "nt"}


_JIEBA_LOCK = threading.Lock()
_JIEBA = None
_TAGS: dict[str, str] | None = None
# Bump when the layout of the pickled (FREQ, total, tags) changes.
_JIEBA_CACHE_FORMAT = b"jieba-state-2"
# Bump when the layout of the pickled (words, tags, baseline) changes.
_WORDS_CACHE_FORMAT = b"jieba-words-2"
_DEFAULT_DICT_NAME = "dict.txt"  # jieba.DEFAULT_DICT_NAME, for where jieba is not imported
# Caches of one family kept in the user's cache directory: each jieba install (a venv, a clone) has its own
# key, and without a bound every new one left 12 MB behind.
KEEP_CACHES = 3


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


def imported_jieba():
    """jieba's module where someone has imported it in this process, else None. Until then its dictionary
    is the default and its tokenizer uninitialised, so nothing needs importing (jieba's import, with
    pkg_resources and the HMM's tables, was a quarter of a cold start) to know that."""
    return sys.modules.get("jieba")


def _dictionary_files(jieba) -> tuple[str, str] | None:
    """jieba's ``__init__.py`` (its version is written there) and its default ``dict.txt``, found without
    importing jieba where it is not imported yet."""
    if jieba is not None:
        init, name = jieba.__file__, jieba.DEFAULT_DICT_NAME
    else:
        try:
            spec = importlib.util.find_spec("jieba")
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.origin:
            return None
        init, name = spec.origin, _DEFAULT_DICT_NAME
    return init, os.path.join(os.path.dirname(init), name)


def _default_dictionary_key(jieba, fmt: bytes = _JIEBA_CACHE_FORMAT) -> bytes | None:
    """What the default dictionary's tables depend on (jieba's version, by its ``__init__.py``, and its
    dictionary file), or None when jieba is not in its default state (a user's own dictionary, or, for
    the prefix table, an already initialised tokenizer): jieba's own loader then. ``jieba`` is its module,
    or None where it is not imported (then it is in its default state)."""
    if jieba is not None:
        dt = jieba.dt
        if (dt.initialized and fmt == _JIEBA_CACHE_FORMAT) or dt.dictionary is not jieba.DEFAULT_DICT or dt.cache_file:
            return None
    files = _dictionary_files(jieba)
    if files is None:
        return None
    try:
        stats = [os.stat(f) for f in files]
    except OSError:
        return None
    return "|".join(f"{st.st_size}|{st.st_mtime_ns}" for st in stats).encode() + fmt


def _load_pickle(path) -> object:
    """Our own file in the user's cache. The collector is paused while it loads: half a million new objects
    would otherwise trigger a dozen collections that find nothing to free."""
    was = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    finally:
        if was:
            gc.enable()


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
        cache = cache_dir() / f"jieba-{hashlib.sha1(key).hexdigest()[:20]}.pickle"
        try:
            freq, total, tags = _load_pickle(cache)
        except Exception:  # missing, stale or damaged: build as jieba does, then keep it
            pass
        else:
            dt = jieba.dt
            with dt.lock:
                if not dt.initialized:
                    dt.FREQ, dt.total, dt.initialized = freq, total, True
            _TAGS = _TAGS or tags
            return
        jieba.dt.initialize()
        write_cache(cache, (jieba.dt.FREQ, jieba.dt.total, _posseg_tags()))
        prune_caches(cache_dir(), "jieba-[0-9a-f]*.pickle", KEEP_CACHES)
        return
    jieba.dt.initialize()


_WORDS: dict[str, int] | None = None
_BASELINE: tuple[int, int] | None = None


def _load_words() -> bool:
    """Load the dictionary's words, their tags and the size of the prefix table jieba would build from
    them (the light table), from the user cache or built once from dict.txt; False where jieba does not
    run its default dictionary (then the tokenizer's own tables serve)."""
    global _WORDS, _TAGS, _BASELINE
    with _JIEBA_LOCK:
        if _WORDS is not None:
            return True
        key = _default_dictionary_key(imported_jieba(), _WORDS_CACHE_FORMAT)
        if key is None:
            return False
        cache = cache_dir() / f"jieba-words-{hashlib.sha1(key).hexdigest()[:20]}.pickle"
        try:
            words, tags, baseline = _load_pickle(cache)
        except Exception:  # missing, stale or damaged: build from jieba's own reading of dict.txt
            import jieba

            jieba.setLogLevel(logging.WARNING)
            words, tags, baseline = _build_words(jieba)
            write_cache(cache, (words, tags, baseline))
            prune_caches(cache_dir(), "jieba-words-*.pickle", KEEP_CACHES)
        _WORDS, _BASELINE = words, tuple(baseline)
        _TAGS = _TAGS or tags
        return True


def _build_words(jieba) -> tuple[dict[str, int], dict[str, str], tuple[int, int]]:
    """The words of the default dictionary with their frequency (jieba's prefix table less the prefixes
    it adds at 0), jieba.posseg's tags keyed by the same string objects (the pickle then stores each word
    once), and (len, total) of the prefix table."""
    freq, total = jieba.Tokenizer.gen_pfdict(jieba.dt.get_dict_file())
    words = {w: f for w, f in freq.items() if f}
    same = {w: w for w in words}
    tags = {same.get(w, w): t for w, t in _posseg_tags().items()}
    return words, tags, (len(freq), total)


def word_freq() -> dict[str, int]:
    """jieba's word → frequency: the tokenizer's live table once it is initialised (so a word the user
    added shows), else the light table's. Prefixes jieba keeps at 0 are absent from the light one, which
    no caller can tell apart: they read a frequency, and 0 is the default."""
    jieba = imported_jieba()
    if (jieba is not None and jieba.dt.initialized) or (_WORDS is None and not _load_words()):
        return jieba_tokenizer().FREQ
    return _WORDS  # type: ignore[return-value]


def default_baseline() -> tuple[int, int] | None:
    """(len, total) of the prefix table jieba builds from its default dictionary, or None where it runs
    another: a tokenizer whose table differs has been changed by the user."""
    if _WORDS is None and not _load_words():
        return None
    return _BASELINE


def _posseg_tags() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def jieba_tag(word: str, tagtab: dict[str, str]) -> str:
    """jieba's dictionary tag for ``word``; ``un`` for Han words it does not know, ``x`` otherwise."""
    tag = tagtab.get(word)
    if tag:
        return tag
    return "un" if _CJK.search(word) else "x"


def tag_table() -> dict[str, str]:
    """jieba's word → POS tag table (the one jieba.posseg builds), loaded with the light table."""
    global _TAGS
    if _TAGS is None and not _load_words():
        jieba_tokenizer()
        if _TAGS is None:
            _TAGS = _posseg_tags()
    return _TAGS  # type: ignore[return-value]


def word_tokens(words: list[str], tagtab: dict[str, str]) -> list[Token]:
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


def jieba_entities(tokens: list[Token]) -> list[Entity]:
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


# jieba's word-cut and its tagger split an unknown three-character name apart differently: the cut leaves a rare last
# given character alone (朱时|雍, 石光|银, 李洙|墉), tagged as a name's piece or a bound morpheme, where the tagger reads
# the whole name; the NER, reading the cut's words, then stops one short. A place or site suffix so tagged ends a
# village's or a temple's name instead (孟岭|村, 桑顶|寺).
_LONE_GIVEN_TAGS = frozenset(("nr", "zg", "g", "ng"))
_NO_GIVEN_END = frozenset("村寺庙镇乡屯寨庄沟湾塘港岛山河湖江")


def whole_names(entities: list[Entity], tokens: list[Token]) -> list[Entity]:
    """``entities`` with each two-character PER span that ends where the cut left a lone given character run on
    over it (朱时 → 朱时雍 before 参加)."""
    out = entities
    for k, (text, start, end, label) in enumerate(entities):
        if label != "PER" or end - start != 2:
            continue
        nxt = _token_starting(tokens, end)
        if nxt is None or len(nxt.text) != 1 or nxt.pos not in _LONE_GIVEN_TAGS or nxt.text in _NO_GIVEN_END:
            continue
        if (own := _token_starting(tokens, start)) is None or own.end != end:
            continue  # the span must be the cut's own word, no piece of a longer one
        if (after := _token_starting(tokens, end + 1)) is not None and after.text.startswith(nxt.text):
            continue  # (立克|拢|拢: a doubled character runs a longer name on, which this does not read)
        if k + 1 < len(entities) and entities[k + 1].start < end + 1:
            continue
        if out is entities:
            out = list(entities)
        out[k] = Entity(text + nxt.text, start, end + 1, label)
    return out


def _token_starting(tokens: list[Token], pos: int) -> Token | None:
    """The token that starts at ``pos`` (tokens in text order), or None: a bisection, no index built per document."""
    i = bisect_left(tokens, pos, key=START)
    return tokens[i] if i < len(tokens) and tokens[i].start == pos else None


@functools.cache
def _common_surnames(top: int = 300) -> frozenset[str]:
    """The most frequent single-character surnames from lexicons/surnames.tsv (empty if absent)."""
    if not lexicons.path("surnames.tsv").exists():
        return frozenset()
    rows = lexicons.rows("surnames.tsv")
    ranked = sorted((r for r in rows if len(r) >= 2 and len(r[0]) == 1), key=lambda r: -float(r[1] or 0))
    return frozenset(r[0] for r in ranked[:top])
