"""Word segmentation: jieba's exact words, computed by jieba-rs (``rjieba``) where it can be.

jieba stays the source of truth: its dictionary (the same ``dict.txt`` that jieba-rs embeds), its tag
table and its rules for what is a word. ``rjieba`` runs the same dictionary, DAG and HMM in Rust, 20-40x
faster, but draws two boundaries differently, and both are put back here:

* jieba's Han class is ``[\\u4E00-\\u9FD5]`` while jieba-rs also counts CJK extension A, the compatibility
  ideographs and the astral extensions as Han, so a text holding such a character could be cut
  differently around it. Such texts are cut block by block, with jieba's own block pattern: rjieba then
  sees only what jieba would hand to its DAG, and everything else is split the way jieba splits it;
* inside a block, jieba's HMM step hands non-Han stretches of an unknown run to ``finalseg``, which cuts
  them with its skip pattern (F-22 → F, -, 22; 0.003mm → 0.003, mm); jieba-rs keeps them whole. Any
  multi-character word without a Han character that is not a dictionary word is re-cut with that pattern.

A third difference is not put back: inside a run neither dictionary knows, a Han character three times in
a row gives the HMM paths of equal score, and jieba-rs breaks the tie otherwise (人新|新新展 against jieba's
人新新|新展). Real text does not do this (no item of the 46,448-item corpus differs), and re-cutting every
unknown run with jieba's own HMM would cost its import on every cold start.

``tests/test_segmenter.py`` proves the words identical to ``jieba.lcut`` on a corpus sample and on
ASCII, digits, rare and astral characters, and keeps the known cases of the third difference as a strict
xfail. jieba is the fallback where rjieba cannot be imported, when
the user has changed jieba's dictionary (rjieba would not see the change), or when asked for with
`use("jieba")` or ``POLICYIE_SEGMENTER=jieba``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable

# jieba's own patterns (jieba/__init__.py and jieba/finalseg/__init__.py), restated so that this module
# does not reach into jieba's private names; the test compares against jieba's words, so a drift shows.
_JIEBA_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_JIEBA_SPACE = re.compile("(\r\n|\\s)")
_FINALSEG_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_JIEBA_HAN = re.compile("[\u4e00-\u9fd5]")
_ASCII_RUN = re.compile("[a-zA-Z0-9+#&\\._%\\-]{2,}")
# Characters jieba-rs counts as Han and jieba does not (extension A, U+9FD6.., compatibility ideographs,
# the astral planes): a text holding one is cut block by block.
_WIDER_HAN = re.compile("[\u3400-\u4dff\u9fd6-\u9fff\uf900-\ufaff\U00010000-\U0010ffff]")

# jieba's HMM (finalseg.viterbi) copies its path list at every character, so a run of Han characters
# it has to guess on costs time quadratic in the run's length: 50k characters of 要要要… take seconds,
# 500k would take minutes. Real sentences are far shorter than this between punctuation, so longer
# runs are cut into pieces this long before segmentation (README "Limits"); jieba-rs is cut the same
# way so that both give the same words.
MAX_HAN_RUN = 500
_LONG_HAN_RUN = re.compile(rf"[\u4E00-\u9FD5]{{{MAX_HAN_RUN + 1},}}")  # re: twice as fast as regex here

ENGINES = ("auto", "rjieba", "jieba")
_choice: str | None = None


def use(engine: str) -> None:
    """Choose the segmenter: ``auto`` (rjieba when importable and jieba's dictionary is untouched),
    ``rjieba`` (an error if it cannot be imported) or ``jieba``."""
    global _choice
    if engine not in ENGINES:
        raise ValueError(f"segmenter must be one of {ENGINES}, not {engine!r}")
    if engine == "rjieba" and _rjieba() is None:
        raise ImportError("rjieba is not installed: pip install rjieba")
    _choice = engine


def engine() -> str:
    """The segmenter the next call of `segment` will use: ``rjieba`` or ``jieba``.

    ``POLICYIE_SEGMENTER`` is read on the first call (as jieba's own settings are read once); `use` sets it later."""
    global _choice
    if _choice is None:
        _choice = os.environ.get("POLICYIE_SEGMENTER", "auto")
        if _choice not in ENGINES:
            _choice = "auto"
    choice = _choice
    if choice == "jieba" or _rjieba() is None:
        return "jieba"
    if choice == "auto" and _jieba_changed():
        return "jieba"
    return "rjieba"


def segment(text: str) -> list[str]:
    """jieba's words for ``text`` (they concatenate back to it), in time linear in its length."""
    if not text:
        return []
    cut = _rjieba_cut if engine() == "rjieba" else _jieba_cut()
    if _LONG_HAN_RUN.search(text) is None:
        return cut(text)
    words: list[str] = []
    pos = 0
    for m in _LONG_HAN_RUN.finditer(text):
        words.extend(cut(text[pos : m.start()]))
        for i in range(m.start(), m.end(), MAX_HAN_RUN):
            words.extend(cut(text[i : min(i + MAX_HAN_RUN, m.end())]))
        pos = m.end()
    words.extend(cut(text[pos:]))
    return words


def _jieba_cut() -> Callable[[str], list[str]]:
    from .nlp import jieba_tokenizer

    return jieba_tokenizer().lcut


def _rjieba_cut(text: str) -> list[str]:
    rjieba = _RJIEBA or _rjieba()
    if _WIDER_HAN.search(text) is None:
        words = rjieba.cut(text)
        return _fix_ascii(words) if _needs_fix(text) else words
    words: list[str] = []
    for block in _JIEBA_BLOCK.split(text):
        if not block:
            continue
        if _JIEBA_BLOCK.match(block):
            words.extend(_fix_ascii(rjieba.cut(block)))
        else:  # what jieba does outside its blocks: whitespace as it is, everything else char by char
            for piece in _JIEBA_SPACE.split(block):
                if _JIEBA_SPACE.match(piece):
                    words.append(piece)
                else:
                    words.extend(piece)
    return words


def _needs_fix(text: str) -> bool:
    """Whether any ASCII run of ``text`` is not one piece of finalseg's skip pattern; if none is, no word
    can need re-cutting (non-Han words only come from those runs), and the per-word pass is skipped."""
    return any(_FINALSEG_SKIP.fullmatch(m.group()) is None for m in _ASCII_RUN.finditer(text))


def _fix_ascii(words: list[str]) -> list[str]:
    """Re-cut the non-Han words jieba's HMM step would have cut with finalseg's skip pattern."""
    freq = _freq()
    out: list[str] = []
    for w in words:
        if len(w) > 1 and _JIEBA_HAN.search(w) is None and not w.isspace() and not freq.get(w):
            out.extend(p for p in _FINALSEG_SKIP.split(w) if p)
        else:
            out.append(w)
    return out


_RJIEBA = None
_RJIEBA_TRIED = False


def _rjieba():
    global _RJIEBA, _RJIEBA_TRIED
    if not _RJIEBA_TRIED:
        _RJIEBA_TRIED = True
        try:
            import rjieba
        except ImportError:  # no wheel for this platform: jieba, slower, same words
            rjieba = None
        _RJIEBA = rjieba
    return _RJIEBA


def _freq() -> dict[str, int]:
    from .nlp import word_freq

    return word_freq()


_BASELINE: tuple[int, int] | None = None


def _jieba_changed() -> bool:
    """Whether the user changed jieba's dictionary (`jieba.add_word`, `load_userdict`, `set_dictionary`):
    rjieba would not see the change, so jieba must segment. jieba initialises its tokenizer before any
    change of its table, so an uninitialised one is the default; an initialised one is compared with the
    size of the table jieba builds from its default dictionary (or, where that is unknown, with the table
    as policyie first saw it)."""
    global _BASELINE
    jieba = sys.modules.get("jieba")
    if jieba is None:  # never imported in this process, so never changed
        return False
    from .nlp import default_baseline, jieba_tokenizer

    dt = jieba.dt
    if dt.dictionary is not jieba.DEFAULT_DICT or dt.user_word_tag_tab:
        return True
    if not dt.initialized:
        if default_baseline() is not None:
            return False
        dt = jieba_tokenizer()
    now = (len(dt.FREQ), dt.total)
    if _BASELINE is None:
        _BASELINE = default_baseline() or now
    return now != _BASELINE
