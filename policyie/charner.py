"""The statistical NER: a character tagger over hashed context features, decoded with a CRF.

Why this shape: it has to run inside the default `extract()` at a fraction of jieba's own cost, so
everything is vectorised over the whole document in NumPy. Each character gets a few hashed sparse
features (the characters and character pairs around it, the jieba word it sits in with its dictionary
tag and its place in the word, the words either side, and the lexicon hit covering it); their
embeddings are summed, one hidden layer scores the BIO tags, and Viterbi with learnt transitions picks
the best path per clause. The weights are trained by ``scripts/train_charner.py`` (PyTorch, at build
time only) on MSRA's training split and shipped as an ``.npz`` of plain arrays, read with
``allow_pickle=False``.

Features come from what `policyie.nlp` already computed (jieba's words and tags, the lexicon hits), so
the model adds no second segmentation.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import itemgetter, lt
from pathlib import Path
from typing import NamedTuple

import numpy as np

from . import name_runs

FEATURE_VERSION = 1
LABELS = ("PER", "LOC", "ORG")
TAGS = ("O",) + tuple(f"{p}-{lab}" for lab in LABELS for p in "BI")
_O = 0
_TAG_PARTS = tuple(tuple(t.split("-")) if t != "O" else ("O", "") for t in TAGS)
_START = itemgetter(1)
_FIRST = itemgetter(0)
# Lexicon labels that become features; anything else (TITLE, …) shares one slot.
_LEX_LABELS = {"PER": 1, "LOC": 2, "ORG": 3, "TITLE": 4}
# Clause ends for decoding: an entity never spans them, and short clauses keep Viterbi's loop short.
_CLAUSE_RE = re.compile(r"[，。！？；;!?,：:\n]")
# jieba tags of the words that make a clause worth tagging (see `open_units`).
OPEN_TAGS = ("nr", "ns", "nt", "nz", "un")


class _OpenTags(dict):
    """tag → whether it opens a clause (`OPEN_TAGS`), filled on first sight of each of jieba's few tags."""

    def __missing__(self, tag: str) -> bool:
        self[tag] = is_open = tag.startswith(OPEN_TAGS)
        return is_open


_OPEN_TAG = _OpenTags()
_BOUNDARY = 0x110001  # code of the padding outside a sentence (beyond Unicode)
_DIGIT = ord("0")
_LATIN = ord("a")
N_FEATURES = 15
# How close (in tag scores) an entity tag must come to O for Viterbi to look at a character: on MSRA test
# decoding only those windows gives the same spans as decoding every clause whole.
WINDOW_SLACK = 6.0
_SALTS = (np.arange(1, N_FEATURES + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))[None, :]


class Span(NamedTuple):
    start: int
    end: int
    label: str


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads structured keys over the hash table."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _codes(text: str) -> np.ndarray:
    """Code points, with ASCII digits and Latin letters folded (a number's digits are not its identity)."""
    c = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    digit = (c >= 48) & (c <= 57) | (c >= 0xFF10) & (c <= 0xFF19)
    latin = (c >= 65) & (c <= 90) | (c >= 97) & (c <= 122)
    c[digit] = _DIGIT
    c[latin] = _LATIN
    return c


class _Hashes(dict):
    """word → a stable hash (crc32 + 1; Python's own is salted per process), filled on first sight so that
    a map over an article's words runs in C."""

    def __missing__(self, word: str) -> int:
        h = zlib.crc32(word.encode("utf-8")) + 1
        if len(self) < 500_000:
            self[word] = h
        return h


_HASHES = _Hashes()
_PLACE = np.array([2, 1, 3, 4], dtype=np.uint64)
_hash_of = _HASHES.__getitem__
_TEXT, _END, _TAG = itemgetter(0), itemgetter(2), itemgetter(3)


def _word_features(tokens: Sequence[tuple], positions: np.ndarray) -> tuple[np.ndarray, ...]:
    """At each position: (tag, place in word), (word, place), the word before and the word after."""
    n = len(positions)
    toks = list(compress(tokens, map(lt, map(_START, tokens), map(_END, tokens))))  # (non-empty words, picked in C)
    if not toks:
        zeros = np.zeros(n, dtype=np.uint64)
        return zeros, zeros, zeros, zeros
    k = len(toks)
    starts = np.fromiter(map(_START, toks), dtype=np.int64, count=k)
    ends = np.fromiter(map(_END, toks), dtype=np.int64, count=k)
    words = np.fromiter(map(_hash_of, map(_TEXT, toks)), dtype=np.uint64, count=k)
    tags = np.fromiter(map(_hash_of, map(_TAG, toks)), dtype=np.uint64, count=k) - np.uint64(1)
    # Which word each character sits in (characters outside every word get the one before).
    idx = np.clip(np.searchsorted(starts, positions, side="right") - 1, 0, len(toks) - 1)
    pos = positions - starts[idx]
    length = ends[idx] - starts[idx]
    # first 1, inside 2, last 3, alone 4 (a character outside every word is alone when its word is one
    # character), as one lookup: (pos == 0) + 2 (pos == last) indexes it
    place = _PLACE[(pos == 0).view(np.int8) + 2 * (pos == length - 1).view(np.int8)]
    place[length == 1] = 4
    prev = np.concatenate(([0], words[:-1])).astype(np.uint64)
    nxt = np.concatenate((words[1:], [0])).astype(np.uint64)
    eight = np.uint64(8)
    return tags[idx] * eight + place, words[idx] * eight + place, prev[idx], nxt[idx]


def _lexicon_feature(lexicon: Iterable[tuple], n: int) -> np.ndarray:
    """Per character: the label of the last lexicon hit covering it and its place in the hit."""
    lex = np.zeros(n, dtype=np.uint64)
    for h in lexicon:
        s, e = h[1], h[2]
        if e <= s or e > n:
            continue
        lab = _LEX_LABELS.get(h[3], 5)
        lex[s:e] = lab * 8 + 2
        lex[s] = lab * 8 + 1
        lex[e - 1] = lab * 8 + (3 if e - s > 1 else 4)
    return lex


def featurize(
    text: str,
    sentences: Sequence[tuple[int, int]],
    tokens: Sequence[tuple],
    lexicon: Iterable[tuple],
    rows: int,
    positions: np.ndarray | None = None,
) -> np.ndarray:
    """(len(positions), N_FEATURES) row numbers into the hashed embedding table.

    ``tokens`` are (text, start, end, tag) words covering ``text``; ``lexicon`` (text, start, end,
    label) lexicon hits; ``positions`` the characters wanted (all by default). Context never crosses
    a sentence boundary.
    """
    n = len(text)
    if positions is None:
        positions = np.arange(n, dtype=np.int64)
    pad = 2
    padded = np.full(n + 2 * pad, _BOUNDARY, dtype=np.uint64)
    padded[pad : pad + n] = _codes(text)
    # Sentence numbers only need to tell sentences apart: a count of the sentence starts up to each character
    # (one cumulative sum) parts the text as a search of every character among the starts would.
    starts = np.zeros(n + 1, dtype=np.int64)
    starts[np.clip(np.fromiter(map(_FIRST, sentences), dtype=np.int64, count=len(sentences))[1:], 0, n)] = 1
    spad = np.full(n + 2 * pad, -1, dtype=np.int64)
    np.cumsum(starts[:n], out=spad[pad : pad + n])
    sent = spad[positions + pad]

    def at(k: int) -> np.ndarray:
        c = padded[positions + (pad + k)]
        c[spad[positions + (pad + k)] != sent] = _BOUNDARY
        return c

    cm2, cm1, c0, cp1, cp2 = at(-2), at(-1), at(0), at(1), at(2)
    wpos, wid, wprev, wnext = _word_features(tokens, positions)
    lex = _lexicon_feature(lexicon, n)[positions]
    K = np.uint64(0x1000003)
    feats = [
        cm2,
        cm1,
        c0,
        cp1,
        cp2,
        cm2 * K + cm1,
        cm1 * K + c0,
        c0 * K + cp1,
        cp1 * K + cp2,
        (cm1 * K + c0) * K + cp1,
        wpos,
        wid,
        wprev * np.uint64(3) + (wid & np.uint64(7)),
        wnext * np.uint64(3) + (wid & np.uint64(7)),
        lex * K + c0,
    ]
    # One pass of the mixer over all fifteen features (each salted by its number) rather than fifteen, laid
    # out feature by feature: stacking rows is a copy, not an interleave, and the model reads that layout.
    with np.errstate(over="ignore"):
        keys = _mix(np.stack(feats) + _SALTS.T)
    # A power-of-two table (every shipped model) takes a mask, the same row as the remainder at a tenth of
    # its cost.
    keys = keys & np.uint64(rows - 1) if rows & (rows - 1) == 0 else keys % np.uint64(rows)
    return keys.view(np.int64).T


def _tokens_around(tokens: Sequence[tuple], units: Sequence[tuple[int, int]]) -> list[tuple]:
    """The words of ``units`` with one more on each side (the word before and after are features): the
    word features of a whole article cost more than the model itself when only some clauses are tagged."""
    if not tokens:
        return []
    starts = list(map(_START, tokens))
    out: list[tuple] = []
    last = 0
    for s, e in units:
        lo = max(bisect_right(starts, s) - 2, last)
        hi = min(bisect_left(starts, e) + 1, len(tokens))
        if hi > lo:
            out.extend(tokens[lo:hi])
            last = hi
    return out


def clauses(text: str, sentences: Sequence[tuple[int, int]], limit: int = 80) -> list[tuple[int, int]]:
    """The decoding units: sentences cut after commas and colons, and at ``limit`` characters."""
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        start = s
        for m in _CLAUSE_RE.finditer(text, s, e):
            cut = m.end()
            while cut - start > limit:
                out.append((start, start + limit))
                start += limit
            out.append((start, cut))
            start = cut
        while e - start > limit:
            out.append((start, start + limit))
            start += limit
        if start < e:
            out.append((start, e))
    return out


def open_units(
    units: Sequence[tuple[int, int]], tokens: Sequence[tuple], known: Iterable[tuple] = ()
) -> list[tuple[int, int]]:
    """The units holding a word the lexicons leave open: one jieba tags as a name, place, organisation
    or proper noun, or one its dictionary lacks (``un``), that no ``known`` span (a lexicon term: 北京市,
    国家发展改革委) covers. Elsewhere the model has nothing to add."""
    # The characters of the known spans of three characters or more: a two-character term is as often a
    # short form read where it names nothing (中原 of 中原区, 秀英 of 秀英港) as the place it names.
    # (a byte mask of the covered characters: `find` tells in C whether a word has an uncovered one)
    # The open words picked in C (a tag's openness memoised): a few in a hundred words are open.
    cands = list(compress(tokens, map(_OPEN_TAG.__getitem__, map(_TAG, tokens))))
    if not cands:
        return []
    spans = [(k[1], k[2]) for k in known if k[2] - k[1] >= 3]
    if spans:
        mask = bytearray(max(max(e for _, e in spans), max(t[2] for t in cands)))
        for s, e in spans:
            mask[s:e] = b"\x01" * (e - s)
        starts = [t[1] for t in cands if mask.find(0, t[1], t[2]) >= 0]
    else:
        starts = [t[1] for t in cands]
    if not starts:
        return []
    out = []
    for s, e in units:
        i = bisect_left(starts, s)
        if i < len(starts) and starts[i] < e:
            out.append((s, e))
    return out


def windows(scores: np.ndarray, units: Sequence[tuple[int, int]], slack: float) -> list[tuple[int, int, bool]]:
    """(start, end, opens_unit) of the stretches of ``units`` (which tile ``scores``) where some entity tag
    scores within ``slack`` of O, widened by a character each side. Outside them the best path is O with
    room to spare, so Viterbi need only step through them: an entity is a few characters, a clause up to
    80."""
    n = scores.shape[0]
    if not n:
        return []
    hot = scores[:, 1:].max(axis=1) > scores[:, 0] - slack
    unit_start = np.zeros(n, dtype=bool)
    unit_start[[s for s, _ in units]] = True
    same = ~unit_start[1:]  # character i + 1 is in the unit of character i
    w = hot.copy()
    w[1:] |= hot[:-1] & same
    w[:-1] |= hot[1:] & same
    opens = w & (unit_start | np.concatenate(([True], ~w[:-1])))
    closes = w & np.concatenate((unit_start[1:] | ~w[1:], [True]))
    firsts, lasts = np.flatnonzero(opens), np.flatnonzero(closes) + 1
    return list(zip(firsts.tolist(), lasts.tolist(), unit_start[firsts].tolist(), strict=True))


def viterbi(scores: np.ndarray, units: Sequence[tuple[int, int]], trans: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Best tag per character, each unit decoded on its own, all units stepped together. ``start`` is the
    score of each first tag, for all units alike or one row per unit."""
    n_tags = trans.shape[0]
    out = np.zeros(scores.shape[0], dtype=np.int64)
    if not units:
        return out
    lens = np.array([e - s for s, e in units])
    starts = np.array([s for s, _ in units])
    order = np.argsort(-lens, kind="stable")
    lens, starts = lens[order], starts[order]
    m, u = int(lens[0]), len(units)
    # lens sorted descending: alive[t] units are longer than t (one search for every step).
    alive_at = np.searchsorted(-lens, -np.arange(m), side="left").tolist()
    score = scores[starts] + (start[order] if start.ndim == 2 else start)
    trans3 = trans[None, :, :]
    # Every unit's emissions in one padded block, step-major, so that each step reads a contiguous slice;
    # every step writes into buffers made once (a step is a few small calls: their count is the cost).
    at = np.arange(m)[:, None] + starts[None, :]
    emit = scores[np.minimum(at, scores.shape[0] - 1)]
    back = np.empty((m, u, n_tags), dtype=np.intp)
    cand = np.empty((u, n_tags, n_tags), dtype=score.dtype)
    score3 = score[:, :, None]
    for t in range(1, m):
        alive = alive_at[t]
        c = cand[:alive]
        np.add(score3[:alive], trans3, out=c)
        c.argmax(axis=1, out=back[t, :alive])
        live = score[:alive]
        c.max(axis=1, out=live)
        live += emit[t, :alive]
    # Walk back from each unit's own last character, all units together (one flat take per step).
    cur = score.argmax(axis=1)
    path = np.empty((m, u), dtype=np.int64)
    flat = back.reshape(m, u * n_tags)
    offsets = np.arange(u) * n_tags
    for t in range(m - 1, 0, -1):
        alive = alive_at[t]
        live = cur[:alive]
        path[t, :alive] = live
        live[...] = flat[t].take(offsets[:alive] + live)
    path[0] = cur
    valid = np.arange(m)[:, None] < lens[None, :]
    out[at[valid]] = path[valid]
    return out


def spans_from_tags(tags: np.ndarray, offset: int = 0) -> list[Span]:
    """BIO tags to spans; an I- without its B- starts a span (the CRF rarely does that)."""
    out: list[Span] = []
    cur: list = []
    last = -1
    # Only the tagged characters are visited (a few in a hundred): an O between them closes a span.
    for i, t in zip(np.flatnonzero(tags).tolist(), tags[tags != _O].tolist(), strict=True):
        if cur and i != last + 1:
            out.append(Span(cur[0] + offset, last + 1 + offset, cur[1]))
            cur = []
        prefix, lab = _TAG_PARTS[t]
        if prefix == "B" or not cur or cur[1] != lab:
            if cur:
                out.append(Span(cur[0] + offset, i + offset, cur[1]))
            cur = [i, lab]
        last = i
    if cur:
        out.append(Span(cur[0] + offset, last + 1 + offset, cur[1]))
    return out


class CharNER:
    """The shipped model: hashed embeddings → hidden layer → tag scores → Viterbi."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        if meta.get("feature_version") != FEATURE_VERSION or tuple(meta.get("tags", ())) != TAGS:
            raise ValueError("model was built for another feature layout")
        emb, scale = arrays["emb"], arrays["emb_scale"]
        if scale.size != 1:
            raise ValueError("model was built for another feature layout (one embedding scale expected)")
        # int8 with one scale: the file stays small, and the rows a character's features pick are summed
        # in int16 (fifteen rows of at most 127 cannot overflow) from a table four times smaller in cache.
        self.emb = np.ascontiguousarray(emb, dtype=np.int8)
        self.emb_scale = float(scale.reshape(-1)[0])
        self.b0 = arrays["b0"].astype(np.float32)
        self.w1 = arrays["w1"].astype(np.float32)
        self.b1 = arrays["b1"].astype(np.float32)
        self.w2 = arrays["w2"].astype(np.float32)
        self.b2 = arrays["b2"].astype(np.float32)
        self.trans = arrays["trans"].astype(np.float32)
        self.start = arrays["start"].astype(np.float32)
        self.rows = self.emb.shape[0]
        self.meta = meta

    @classmethod
    def load(cls, directory: str | Path) -> CharNER:
        directory = Path(directory)
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        with np.load(directory / "weights.npz", allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        return cls(arrays, meta)

    def scores(self, feats: np.ndarray) -> np.ndarray:
        with _one_blas_thread():
            return self._scores(feats)

    def _scores(self, feats: np.ndarray) -> np.ndarray:
        # One gather of every feature's row, feature-major, then one int16 sum over the features: two calls
        # instead of thirty (twice as fast on a news item; the sum is the same to the bit).
        n, k = feats.shape
        rows = self.emb.take(np.ascontiguousarray(feats.T).reshape(-1), axis=0).reshape(k, n, self.emb.shape[1])
        acc = np.add.reduce(rows, axis=0, dtype=np.int16)
        h = acc.astype(np.float32)
        h *= self.emb_scale
        h += self.b0
        np.maximum(h, 0, out=h)
        h = h @ self.w1 + self.b1
        np.maximum(h, 0, out=h)
        return h @ self.w2 + self.b2

    def tag(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        tokens: Sequence[tuple],
        lexicon: Iterable[tuple],
        only_open: bool = False,
        known: Iterable[tuple] = (),
    ) -> list[Span]:
        """PER/LOC/ORG spans over ``text``; with ``only_open``, only in the clauses `open_units` picks
        (``known``: the lexicon's terms, whose words are not open)."""
        if not text:
            return []
        units = clauses(text, sentences)
        if only_open:
            units = open_units(units, tokens, known)
            if not units:
                return []
        positions = np.concatenate([np.arange(s, e, dtype=np.int64) for s, e in units])
        feats = featurize(text, sentences, _tokens_around(tokens, units), lexicon, self.rows, positions)
        # Decode in the compact coordinates of the chosen characters, then map back.
        local, k = [], 0
        for s, e in units:
            local.append((k, k + e - s))
            k += e - s
        scores = self.scores(feats)
        # A window inside a clause follows an O: its first tag is scored as a step from O.
        wins = windows(scores, local, WINDOW_SLACK)
        if not wins:
            return []
        first = np.stack([self.start if opens else self.trans[_O] for _, _, opens in wins])
        tags = viterbi(scores, [(a, b) for a, b, _ in wins], self.trans, first)
        found = [Span(int(positions[sp.start]), int(positions[sp.end - 1]) + 1, sp.label) for sp in spans_from_tags(tags)]
        # A member list printed without separators reads as one long PER: cut it into its names.
        return name_runs.split(text, found)


_CONTROLLER = None


def _one_blas_thread():
    """BLAS on one thread for our small products: a second thread costs more to wake than it saves, and
    under extract_many or Dask every core already runs a worker. (7 µs a call; threadpoolctl is a
    dependency, but a missing one only costs speed.)"""
    global _CONTROLLER
    if _CONTROLLER is None:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _CONTROLLER = False
        else:
            _CONTROLLER = ThreadpoolController()
    return _CONTROLLER.limit(limits=1, user_api="blas") if _CONTROLLER else contextlib.nullcontext()


def model_path() -> Path:
    """``charner/`` of the installed models package, or of this checkout's ``models/``."""
    from importlib import resources

    try:
        path = Path(str(resources.files("policyie_models") / "charner"))
        if (path / "weights.npz").exists():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "models" / "charner"


@functools.lru_cache(maxsize=1)
def shipped() -> CharNER | None:
    """The model that ships with policyie, or None when the models package lacks it."""
    path = model_path()
    if not (path / "weights.npz").exists():
        return None
    return CharNER.load(path)
