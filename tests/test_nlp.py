"""The NLP layer: one segmentation, entity spans from the shipped pipeline, the Analysis helpers.

Entity cases are a table (sentence → entities that must be found, with their labels), in the style of
national, provincial, municipal and county news; the model is statistical, so each case names only
entities it should be sure of, and ``absent`` labels it must not produce. Spans follow the People's
Daily convention the model is trained on: a place path is one LOC per level (湖南省 / 岳阳市).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from policyie import nlp
from policyie.nlp import Analysis, Entity, Token, analyse

ENTITY_CASES = [
    ("国务院总理李强在北京会见了来访的法国总统。", [("李强", "PER"), ("北京", "LOC"), ("法国", "LOC")], []),
    ("省委书记王宁深入昆明市官渡区调研产业发展情况。", [("王宁", "PER"), ("昆明市", "LOC"), ("官渡区", "LOC")], []),
    ("近日，甘肃省张掖市召开全市经济工作会议。", [("甘肃省", "LOC"), ("张掖市", "LOC")], []),
    ("县委副书记、县长陈建华主持会议并讲话。", [("陈建华", "PER")], []),
    ("中国人民银行发布了新的金融统计数据。", [("中国人民银行", "ORG")], []),
    ("张伟同志在湖南省岳阳市检查防汛工作。", [("张伟", "PER"), ("湖南省", "LOC"), ("岳阳市", "LOC")], []),
    ("外交部发言人华春莹主持例行记者会。", [("外交部", "ORG"), ("华春莹", "PER")], []),
    ("新华社北京6月7日电 全国人大常委会在京举行会议。", [("新华社", "ORG"), ("北京", "LOC"), ("全国人大常委会", "ORG")], []),
    ("今年以来，全县上下坚持稳中求进工作总基调。", [], ["PER", "LOC", "ORG"]),
]


@pytest.fixture
def ner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run under the statistical pipeline (POLICYIE_PIPELINE=ner)."""
    monkeypatch.setenv("POLICYIE_PIPELINE", "ner")


@pytest.mark.parametrize(("sentence", "expected", "absent"), ENTITY_CASES, ids=[c[0][:10] for c in ENTITY_CASES])
def test_entities(ner: None, sentence: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    a = analyse(sentence)
    found = {(e.text, e.label) for e in a.entities}
    for want in expected:
        assert want in found, f"{want} not in {sorted(found)}"
    for label in absent:
        assert not [e for e in a.entities if e.label == label], a.entities
    for e in a.entities:  # offsets are character offsets into the input
        assert sentence[e.start : e.end] == e.text


def test_tokens_cover_text_once() -> None:
    text = "6月7日，市委书记到 通州区调研。\n他强调，要抓好落实。"
    a = analyse(text)
    assert isinstance(a, Analysis) and all(isinstance(t, Token) for t in a.tokens)
    assert "".join(t.text for t in a.tokens) == text.replace(" ", "").replace("\n", "")
    for t in a.tokens:
        assert text[t.start : t.end] == t.text and t.pos
    assert [text[s:e] for s, e in a.sentences] == ["6月7日，市委书记到 通州区调研。\n", "他强调，要抓好落实。"]


def test_analysis_helpers(ner: None) -> None:
    text = "省长在杭州市调研。随后召开座谈会。"
    a = analyse(text)
    assert a.sentence_at(text.index("座谈会")) == (text.index("随后"), len(text))
    tok = a.token_at(text.index("杭州"))
    assert tok is not None and tok.start <= text.index("杭州") < tok.end
    assert a.is_token_boundary(0) and a.is_token_boundary(len(text))
    assert not a.is_token_boundary(text.index("座谈会") + 1)
    city = a.entity_at(text.index("杭州") + 1)
    assert city is not None and city.label == "LOC" and city.text.startswith("杭州")
    assert a.entities_in(0, text.index("。"), "LOC") == [city]


def test_unknown_names_get_entity_tags(ner: None) -> None:
    a = analyse("副市长赵志勇出席活动。")  # a name jieba's dictionary does not hold
    tok = next(t for t in a.tokens if "志勇" in t.text)
    if any(e.text == tok.text and e.label == "PER" for e in a.entities):
        assert tok.pos == "nr"


def test_empty_and_whitespace() -> None:
    assert analyse("").tokens == [] and analyse("").entities == []
    a = analyse("  \n ")
    assert a.tokens == [] and a.entities == []


FAST_CASES = [
    ("国务院总理在北京会见外宾。", [("北京", "LOC"), ("国务院", "ORG")]),
    ("副县长刘志强到平山县西柏坡镇调研。", [("刘志强", "PER"), ("平山县", "LOC"), ("西柏坡镇", "LOC"), ("副县长", "TITLE")]),
]


@pytest.mark.parametrize("setting", ["fast", "blank", "ner"])
@pytest.mark.parametrize(("sentence", "expected"), FAST_CASES)
def test_every_setting(monkeypatch: pytest.MonkeyPatch, setting: str, sentence: str, expected: list) -> None:
    monkeypatch.setenv("POLICYIE_PIPELINE", setting)
    a = analyse(sentence)
    assert "".join(t.text for t in a.tokens) == sentence
    found = {(e.text, e.label) for e in a.entities}
    if setting == "fast":  # the lexicons and jieba's tags are all it has, so these are exact expectations
        assert set(expected) <= found, found
    else:
        assert ("北京", "LOC") in found or ("平山县", "LOC") in found, found


def test_default_is_fast_and_spacy_free() -> None:
    """The default setting never imports spaCy (cold start), yet finds lexicon entities."""
    code = (
        "import sys; from policyie.nlp import analyse, pipeline, FastLexicon; a = analyse('市长在太原市调研。'); "
        "assert isinstance(pipeline(), FastLexicon); assert 'spacy' not in sys.modules, 'spacy imported'; "
        "assert ('太原市', 'LOC') in {(e.text, e.label) for e in a.entities}, a.entities"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"POLICYIE_PIPELINE", "POLICYIE_NER"}}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and run.stderr == ""  # jieba's banner silenced


def test_ner_off_forces_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYIE_PIPELINE", "ner")
    monkeypatch.setenv("POLICYIE_NER", "off")
    assert isinstance(nlp.pipeline(), nlp.FastLexicon)


def test_shipped_model_is_found(ner: None) -> None:
    assert nlp.shipped_model_path().endswith("policyie_zh")
    assert nlp.pipeline().pipe_names == ["ner", "policyie_lexicon_ruler"]


def test_threads_share_one_pipeline(ner: None) -> None:
    out: list[Analysis] = []
    threads = [threading.Thread(target=lambda: out.append(analyse("上海市委召开常委会议。"))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == 4 and len({tuple(a.entities) for a in out}) == 1


def test_quiet_cold_start_with_ner() -> None:
    """Without zh_core_web_sm (the normal case) ``auto`` falls back to the shipped model, printing nothing."""
    code = "from policyie.nlp import analyse, pipeline; analyse('李强在北京。'); assert 'ner' in pipeline().pipe_names"
    env = {**os.environ, "POLICYIE_PIPELINE": "auto"}
    env.pop("POLICYIE_NER", None)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and run.stderr == ""


def test_entity_is_plain_data() -> None:
    e = Entity("北京", 0, 2, "LOC")
    assert (e.text, e.start, e.end, e.label) == ("北京", 0, 2, "LOC")


def test_bio_spans_and_augmentation_keep_offsets() -> None:
    import random
    from pathlib import Path

    from policyie import training

    tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "I-ORG", "O"]
    assert training.bio_spans(tags) == [(0, 3, "PER"), (4, 6, "LOC"), (6, 7, "ORG")]
    sentences = [("王小明在广州市工作。", [(0, 3, "PER"), (4, 7, "LOC")]), ("胡老说好。", [(0, 1, "PER")])]
    subs = training.Substitutes(sentences, Path("/nonexistent"), random.Random(1))
    for text, spans in training.augment(sentences, subs, copies=3, p=1.0):
        assert text.endswith(("工作。", "说好。"))
        for start, end, label in spans:
            assert 1 <= end - start and label in {"PER", "LOC"}
        if text.endswith("说好。"):
            assert text == "胡老说好。"  # one-character short forms are kept
    assert "pd1998_test.bio" not in training.TRAIN_FILES


JIEBA_STATE_CHECK = """
import sys
import jieba
from policyie import nlp
tags = nlp.tag_table()
words = nlp.word_freq()
light_from_cache = "jieba.posseg" not in sys.modules
assert not jieba.dt.initialized, "the light table initialised jieba's tokenizer"
dt = nlp.jieba_tokenizer()
full_from_cache = "jieba.posseg" not in sys.modules
fresh = jieba.Tokenizer()
fresh.initialize()
import jieba.posseg
assert jieba.dt.FREQ == fresh.FREQ and jieba.dt.total == fresh.total, "prefix table differs from jieba's"
assert tags == jieba.posseg.dt.word_tag_tab, "tag table differs from jieba.posseg's"
assert words == {w: f for w, f in fresh.FREQ.items() if f}, "word frequencies differ from jieba's"
assert nlp.default_baseline() == (len(fresh.FREQ), fresh.total)
assert nlp.word_freq() is jieba.dt.FREQ, "an initialised tokenizer's live table is the one read"
print("cache" if light_from_cache else "built", "cache" if full_from_cache else "built")
"""


def test_jieba_state_cache_is_jiebas_own_state(tmp_path) -> None:
    """The pickled tables (cold start) are exactly what jieba and jieba.posseg build: the light one (words,
    frequencies, tags), which serves where rjieba segments, and jieba's own prefix table."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", JIEBA_STATE_CHECK], env=env, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["built built", "cache cache"], [r.stderr[-500:] for r in runs]
    assert len(list((tmp_path / "policyie").glob("jieba-[0-9a-f]*.pickle"))) == 1
    assert len(list((tmp_path / "policyie").glob("jieba-words-*.pickle"))) == 1


WITHOUT_JIEBA_CHECK = """
import sys
import policyie
from policyie import segmenter
doc = policyie.extract("新华社北京1月1日电 国务院总理在北京主持召开国务院常务会议。", published="2024-01-02")
assert doc.places, doc
print(segmenter.engine(), "jieba" in sys.modules)
"""


def test_rjieba_path_never_imports_jieba(tmp_path) -> None:
    """Where rjieba segments, a process that has not imported jieba never does (its import was a quarter of
    a cold start): the light table's cache is found by jieba's files alone, under the key a process that has
    imported jieba uses too. The first run builds the cache (that needs jieba); later ones only read it."""
    pytest.importorskip("rjieba")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("POLICYIE_SEGMENTER", None)
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        for code in (WITHOUT_JIEBA_CHECK, WITHOUT_JIEBA_CHECK, "import jieba\n" + WITHOUT_JIEBA_CHECK)
    ]
    assert [r.stdout.strip() for r in runs] == ["rjieba True", "rjieba False", "rjieba True"], [
        r.stderr[-500:] for r in runs
    ]
    assert len(list((tmp_path / "policyie").glob("jieba-words-*.pickle"))) == 1


def test_old_caches_of_a_family_are_pruned(tmp_path) -> None:
    """Each jieba install keys its own cache; only the newest few are kept."""
    from policyie.engines.paths import prune_caches

    for i in range(6):
        f = tmp_path / f"jieba-words-{i}.pickle"
        f.write_bytes(b"x")
        os.utime(f, ns=(i * 10**9, i * 10**9))
    (tmp_path / "lexicon-0.pickle").write_bytes(b"x")
    prune_caches(tmp_path, "jieba-words-*.pickle", 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "jieba-words-3.pickle", "jieba-words-4.pickle", "jieba-words-5.pickle", "lexicon-0.pickle"]
