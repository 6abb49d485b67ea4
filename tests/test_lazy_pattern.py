"""policyie.lazy_pattern: module-level patterns compile on first use, behave as compiled ones, and all compile."""

from __future__ import annotations

import importlib
import json
import pickle
import pkgutil
import subprocess
import sys

import regex

import policyie
from policyie import lazy_pattern


def _import_all() -> None:
    for mod in pkgutil.walk_packages(policyie.__path__, "policyie."):
        importlib.import_module(mod.name)


def test_every_pattern_the_package_defines_compiles() -> None:
    # A lazy pattern with an error would raise only when an article first reaches it: here it raises in CI.
    _import_all()
    patterns = lazy_pattern.defined()
    assert len(patterns) > 500
    for p in patterns:
        assert isinstance(p.compiled(), regex.Pattern), p


def test_importing_the_package_compiles_few_patterns() -> None:
    # The point of the module: a module-level pattern compiled at import (a helper that calls one while the
    # module loads) costs every user's start. Counted in a fresh interpreter.
    code = (
        "import policyie, json; from policyie import lazy_pattern as lp; "
        "ps = lp.defined(); print(json.dumps([len(ps), sum(p._compiled is not None for p in ps)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    defined, compiled = json.loads(out.strip().splitlines()[-1])
    assert defined > 400 and compiled < 20, (defined, compiled)


CASES = [
    (r"(?<=\p{Han})(\d+)年", 0, "二〇二二年和2022年", "2022"),
    (r"a(?P<x>b+)", regex.I, "xxABBB", "BBB"),
    (r"\L<words>", 0, "去北京和上海", "北京"),
]


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    for pat, flags, text, _ in CASES:
        kwargs = {"words": ["北京", "上海"]} if "\\L" in pat else {}
        lazy, real = lazy_pattern.LazyPattern(pat, flags, **kwargs), regex.compile(pat, flags, **kwargs)
        assert lazy._compiled is None  # nothing compiled until used
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
        assert lazy._compiled is not None
        assert lazy.sub("#", text) == real.sub("#", text)
        assert lazy.split(text) == real.split(text)
        assert lazy.groupindex == real.groupindex and lazy.flags == real.flags and lazy.pattern == pat


def test_search_groups_are_the_compiled_patterns() -> None:
    for pat, flags, text, group in CASES:
        kwargs = {"words": ["北京", "上海"]} if "\\L" in pat else {}
        m = lazy_pattern.LazyPattern(pat, flags, **kwargs).search(text)
        assert m is not None and (m.group(1) if m.re.groups else m.group()) == group


def test_a_lazy_pattern_pickles_whether_compiled_or_not() -> None:
    # Batch workers receive records and callables that may hold one.
    for used in (False, True):
        lp = lazy_pattern.LazyPattern(r"(\p{Han}+)市", 0)
        if used:
            lp.search("北京市")
        back = pickle.loads(pickle.dumps(lp))
        assert isinstance(back, lazy_pattern.LazyPattern) and (back._compiled is not None) == used
        assert back.search("去上海市").group(1) == "去上海"
        # a pattern of named lists keeps its lists through the round trip, used before or not
        named = lazy_pattern.LazyPattern(r"\L<words>", 0, words=["北京", "上海"])
        if used:
            named.search("北京")
        assert pickle.loads(pickle.dumps(named)).findall("去北京和上海") == ["北京", "上海"]
