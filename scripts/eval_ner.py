#!/usr/bin/env python
"""Exact-span NER scores on People's Daily 1998 test (never trained on), and throughput.

    python scripts/eval_ner.py [--data ../shared/data/ner/pd1998_test.bio] [--model models/policyie_zh]

Prints a markdown table: per-label precision/recall/F1 (exact character spans) for
(a) jieba posseg's nr/ns/nt tags, the baseline; (b) the shipped pipeline, setting ``ner``
(= ``auto`` when zh_core_web_sm is absent), with and without its lexicon ruler; (c) the ``fast``
setting (jieba + lexicon automaton, no spaCy); then throughput of `analyse()` against `jieba.lcut`
on the same text, on one core.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # the speed budget is per core
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policyie import nlp as pnlp  # noqa: E402
from policyie.shared_data import require  # noqa: E402
from policyie.training import LABELS, read_bio  # noqa: E402

DEFAULT_TEST = REPO.parent / "shared" / "data" / "ner" / "pd1998_test.bio"
POSSEG = {"nr": "PER", "ns": "LOC", "nt": "ORG"}


def posseg_spans(text: str) -> set[tuple[int, int, str]]:
    import jieba.posseg

    out, pos = set(), 0
    for pair in jieba.posseg.lcut(text):
        if pair.flag in POSSEG:
            out.add((pos, pos + len(pair.word), POSSEG[pair.flag]))
        pos += len(pair.word)
    return out


def pipeline_spans(nlp, text: str) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label) for e in pnlp.analyse(text, nlp).entities if e.label in LABELS}


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float]]:
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


def throughput(fn, docs: list[str], rounds: int = 2) -> float:
    """Characters per second of ``fn`` over ``docs`` (best of ``rounds``)."""
    n = sum(map(len, docs))
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - t)
    return n / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DEFAULT_TEST))
    ap.add_argument("--model", default=None, help="pipeline directory (default: the shipped one)")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    ap.add_argument("--speed-docs", type=int, default=60, help="documents of 40 sentences for the speed test")
    args = ap.parse_args()
    require([args.data], "the NER test set (pd1998_test.bio)", "give another BIO file with --data")
    if Path(args.data).name != "pd1998_test.bio":
        print(f"note: scoring {args.data}", file=sys.stderr)
    data = list(read_bio(Path(args.data)))
    if args.limit:
        data = data[: args.limit]
    texts = [t for t, _ in data]
    gold = [{s for s in spans if s[2] in LABELS} for _, spans in data]

    import jieba
    import spacy

    pnlp.jieba_tokenizer()
    pnlp.register_tokenizer()
    model = args.model or pnlp.shipped_model_path()
    systems = {
        "jieba posseg nr/ns/nt (baseline)": None,
        "`ner`: policyie_zh, statistical NER + lexicon ruler": spacy.load(model),
        "policyie_zh without the lexicon ruler": spacy.load(model, exclude=["policyie_lexicon_ruler"]),
        "`fast`: jieba + lexicons, no statistical NER": pnlp.FastLexicon.load(model),
    }
    # Spans that a jieba-token NER could not express: why the shipped NER works on characters.
    unreachable = Counter()
    for text, g in zip(texts, gold, strict=True):
        bounds, pos = {0}, 0
        for w in jieba.lcut(text):
            pos += len(w)
            bounds.add(pos)
        for s, e, label in g:
            unreachable[label] += s not in bounds or e not in bounds
    results = {}
    for name, nlp in systems.items():
        pred = [posseg_spans(t) if nlp is None else pipeline_spans(nlp, t) for t in texts]
        results[name] = score(gold, pred)

    n_gold = Counter(s[2] for g in gold for s in g)
    print(f"Exact character-span scores on `{Path(args.data).name}`: {len(texts):,} sentences, "
          + ", ".join(f"{n_gold[label]:,} {label}" for label in LABELS) + ".\n")
    print("| system | " + " | ".join(f"{label} P / R / F1" for label in (*LABELS, "ALL")) + " |")
    print("|---|" + "---|" * (len(LABELS) + 1))
    for name, res in results.items():
        cells = [f"{p:.3f} / {r:.3f} / **{f:.3f}**" for p, r, f in (res[label] for label in (*LABELS, "ALL"))]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("\nGold spans whose ends fall inside a jieba word (unreachable for a word-level NER): "
          + ", ".join(f"{label} {unreachable[label]:,} ({unreachable[label] / max(n_gold[label], 1):.1%})" for label in LABELS) + ".")

    # Speed: documents of 40 sentences, one core, warm (after the first document).
    docs = ["".join(texts[i : i + 40]) for i in range(0, min(len(texts), 40 * args.speed_docs), 40)]
    n_chars = sum(map(len, docs))
    n_words = sum(len(jieba.lcut(d)) for d in docs)
    base = throughput(jieba.lcut, docs)
    rows = [("`jieba.lcut`", base), ("`jieba.posseg.lcut` (baseline)", throughput(jieba.posseg.lcut, docs))]
    for name, nlp in systems.items():
        if nlp is not None:
            rows.append((f"`analyse()`, {name}", throughput(lambda d, nlp=nlp: pnlp.analyse(d, nlp), docs)))
    print(f"\nThroughput on {len(docs)} documents of 40 sentences ({n_chars:,} characters, {n_words:,} jieba words), "
          "one thread, warm:\n")
    print("| | characters/s | words/s | × `jieba.lcut` |")
    print("|---|---|---|---|")
    for name, cps in rows:
        print(f"| {name} | {cps:,.0f} | {cps * n_words / n_chars:,.0f} | {cps / base:.2f} |")


if __name__ == "__main__":
    main()
