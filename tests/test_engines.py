"""The engine package behind `policyie.nlp`: settings → engine, the spaCy adapter's tags, and its boundary."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from policyie import nlp
from policyie.engines import provider
from policyie.engines.analysis import Engine
from policyie.engines.lexicon_engine import FastLexicon
from policyie.engines.settings import Settings
from policyie.engines.spacy_engine import CTB_TAGS, SpacyEngine, jieba_pos

ROOT = Path(__file__).resolve().parent.parent
ENGINE_MODULES = ("policyie.nlp", "policyie.engines")


@pytest.mark.parametrize(
    ("env", "expected", "engine"),
    [
        ({}, Settings("fast", True), "fast"),
        ({"POLICYIE_PIPELINE": "lexicon"}, Settings("lexicon", True), "lexicon"),
        ({"POLICYIE_PIPELINE": "ner"}, Settings("ner", True), "ner"),
        ({"POLICYIE_NER": "off"}, Settings("fast", False), "lexicon"),
        ({"POLICYIE_PIPELINE": "ner", "POLICYIE_NER": "OFF"}, Settings("ner", False), "lexicon"),
        ({"POLICYIE_NER": "0"}, Settings("fast", False), "lexicon"),
        ({"POLICYIE_NER": "no"}, Settings("fast", False), "lexicon"),
        ({"POLICYIE_NER": "false"}, Settings("fast", False), "lexicon"),
        ({"POLICYIE_NER": "on"}, Settings("fast", True), "fast"),
    ],
)
def test_settings_from_env(monkeypatch, env, expected, engine) -> None:
    monkeypatch.delenv("POLICYIE_PIPELINE", raising=False)
    monkeypatch.delenv("POLICYIE_NER", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    settings = Settings.from_env()
    assert settings == expected
    assert settings.engine == engine


def test_provider_picks_the_engine_from_settings(monkeypatch) -> None:
    loaded: list[str] = []
    monkeypatch.setattr(provider, "load_pipeline", lambda name: loaded.append(name) or ("spacy", name))
    p = provider.EngineProvider()
    fast = p.pipeline(Settings("fast", True))
    lexicon = p.pipeline(Settings("lexicon", True))
    assert isinstance(fast, FastLexicon) and fast.tagger is not None  # the statistical NER runs
    assert isinstance(lexicon, FastLexicon) and lexicon.tagger is None
    assert p.pipeline(Settings("fast", ner=False)) is lexicon  # POLICYIE_NER=off is the lexicon engine
    assert p.pipeline(Settings("ner", ner=False)) is lexicon
    assert p.pipeline(Settings("fast", True)) is fast  # loaded once
    assert p.pipeline(Settings("ner", True)) == ("spacy", "ner")
    assert p.pipeline(Settings("blank", True)) == ("spacy", "blank")
    assert p.pipeline(Settings("ner", True)) == ("spacy", "ner")
    assert loaded == ["ner", "blank"]  # spaCy pipelines too are loaded once per name
    assert isinstance(fast, Engine) and isinstance(provider.engine_for(fast), FastLexicon)


def test_analyse_reads_the_settings_at_the_entry_point(monkeypatch) -> None:
    text = "国务院总理李强在北京会见了王小明。"
    monkeypatch.delenv("POLICYIE_PIPELINE", raising=False)
    monkeypatch.setenv("POLICYIE_NER", "off")
    off = nlp.analyse(text)
    assert off == provider.PROVIDER.pipeline(Settings("lexicon", True)).analyse(text)
    assert off.ner == []
    monkeypatch.delenv("POLICYIE_NER")
    assert nlp.analyse(text) == provider.PROVIDER.pipeline(Settings("fast", True)).analyse(text)


def test_spacy_adapter_emits_jieba_tags() -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.language import Language

    name = "test_engines_ctb_tagger"
    if not Language.has_factory(name):

        @Language.component(name)
        def ctb(doc):
            for t, tag in zip(doc, ["NR", "NR", "VV", "PU", "XX"], strict=False):
                t.tag_ = tag
            return doc

    pipe = spacy.blank("zh")  # characters as tokens
    pipe.add_pipe(name)
    an = SpacyEngine(pipe).analyse("北京走。好")
    assert [t.pos for t in an.tokens] == ["nr", "nr", "v", "x", "x"]  # an unknown CTB tag reads as x
    assert jieba_pos("ns") == "ns" and jieba_pos("NT") == CTB_TAGS["NT"] == "t"


def _module_of(path: Path) -> tuple[str, str]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts) if ROOT in path.parents else [path.stem]
    if parts[-1] == "__init__":
        parts = parts[:-1]
        return ".".join(parts), ".".join(parts)
    return ".".join(parts), ".".join(parts[:-1])


def _private_reads(path: Path) -> list[str]:
    """Where ``path`` reads a ``_name`` of `policyie.nlp` or the engine package."""
    module, package = _module_of(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bound: dict[str, str] = {}  # local name → engine module it stands for
    found = []

    def engine(name: str) -> bool:
        return any(name == m or name.startswith(m + ".") for m in ENGINE_MODULES)

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            for a in node.names:
                full = f"{base}.{a.name}"
                if engine(full):
                    bound[a.asname or a.name] = full
                if engine(base) and a.name.startswith("_"):
                    found.append(f"{path}:{node.lineno}: from {base} import {a.name}")
        elif isinstance(node, ast.Import):
            for a in node.names:
                if engine(a.name):
                    bound[a.asname or a.name.split(".")[0]] = a.asname and a.name or a.name.split(".")[0]
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")):
            continue
        chain, value = [], node.value
        while isinstance(value, ast.Attribute):
            chain.append(value.attr)
            value = value.value
        if isinstance(value, ast.Name) and value.id in bound:
            target = ".".join([bound[value.id], *reversed(chain)])
            if engine(target):
                found.append(f"{path}:{node.lineno}: {target}.{node.attr}")
    return found


def test_no_module_outside_the_engines_reads_their_private_names() -> None:
    files = [p for d in ("policyie", "tests", "scripts", "benchmarks") for p in (ROOT / d).rglob("*.py")]
    inside = (ROOT / "policyie" / "engines", ROOT / "policyie" / "nlp.py")
    outside = [p for p in files if not any(p == i or i in p.parents for i in inside)]
    assert len(outside) > 50
    assert [hit for p in outside for hit in _private_reads(p)] == []


def test_the_private_read_check_finds_them(tmp_path) -> None:
    probe = tmp_path / "probe.py"
    src = (
        "from policyie.nlp import _tag_table\n"
        "from policyie import nlp\n"
        "import policyie.nlp as pnlp\n"
        "from policyie.engines import provider\n"
        "nlp._cache_dir()\npnlp._ENGINE\nprovider._x\nnlp.tag_table()\n"
    )
    probe.write_text(src, encoding="utf-8")
    hits = _private_reads(probe)
    assert len(hits) == 4, hits
