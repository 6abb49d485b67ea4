"""Train the statistical NER that the default pipeline runs (`policyie.charner`).

    python scripts/train_charner.py                       # MSRA train → models/charner (shipped)
    python scripts/train_charner.py --train msra_train_minus_pd98devtest --out /tmp/charner_pd

Needs PyTorch (build time only: ``pip install torch``); the shipped model is plain NumPy arrays.
Reads ``../shared/data/ner/<name>.bio[.gz]`` (MSRA NER, SIGHAN 2006 bakeoff; see SOURCES.md there).
The last 2,000 sentences of the training file are held out for choosing the epoch; the test splits
(msra_test, pd1998_test) are never read here. Fixed seed.

Features are computed exactly as at run time: each training sentence goes through `policyie.nlp.analyse`
with the lexicon pipeline, and `policyie.charner.featurize` turns its words, tags and lexicon hits into
hashed rows.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policyie import charner, nlp, training  # noqa: E402
from policyie.shared_data import SHARED_DATA, require  # noqa: E402

TAG_ID = {t: i for i, t in enumerate(charner.TAGS)}


def read_bio(name: str) -> list[tuple[str, list[int]]]:
    """(sentence, tag ids) of ``../shared/data/ner/<name>.bio`` or ``.bio.gz``."""
    base = SHARED_DATA / "ner"
    path = base / f"{name}.bio"
    if not path.exists():
        path = base / f"{name}.bio.gz"
    require([path], f"the NER corpus {name}", "see ../shared/data/SOURCES.md")
    out = []
    for text, spans in training.read_bio(path):
        tags = [0] * len(text)
        for s, e, label in spans:
            if label in charner.LABELS:
                tags[s] = TAG_ID[f"B-{label}"]
                tags[s + 1 : e] = [TAG_ID[f"I-{label}"]] * (e - s - 1)
        out.append((text, tags))
    return out


def _column(path: Path, name: str, opener=open) -> list[str]:
    with opener(path, "rt", encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        i = head.index(name)
        return [cells[i] for line in f if len(cells := line.rstrip("\n").split("\t")) > i and cells[i]]


def _han(name: str, lo: int = 2, hi: int = 14) -> bool:
    return lo <= len(name) <= hi and all("\u4e00" <= c <= "\u9fff" or c == "·" for c in name)


def name_pools(rng: np.random.Generator) -> dict[str, list[tuple[list[str], float]]]:
    """Names to swap into training sentences, per label: (pool, weight) pairs.

    MSRA is 1998 newspaper text: it has few villages, communities, scenic sites, physical regions,
    minority or transliterated names. Swapping such names into its sentences (the context kept, the
    label kept) teaches the model that a 嘎查 or a 湿地公园 is a place and 斯琴巴特尔 a person, from context
    and form rather than from memory. Sources: ``../shared/data`` (see SOURCES.md there).
    """
    places, names = SHARED_DATA / "places", SHARED_DATA / "names"
    villages_path = places / "jionlp_villages.tsv.gz"

    def sample(items: list[str], k: int) -> list[str]:
        items = sorted({x for x in items if _han(x)})
        if len(items) > k:
            items = [items[i] for i in rng.choice(len(items), k, replace=False)]
        return items

    villages = sample(_column(villages_path, "village", gzip.open), 40000)
    towns = sample(_column(villages_path, "township", gzip.open), 20000)
    counties = sample(_column(villages_path, "county", gzip.open) + _column(villages_path, "city", gzip.open), 5000)
    sites = sample([n.split("-")[0] for n in _column(places / "scenic_5a.tsv", "name")], 2000)
    geo = sample(_column(places / "geo_features_derived.tsv", "name"), 5000)
    world = sample(
        _column(names / "countries_zh.tsv", "name_zh_pycountry") + _column(names / "countries_zh.tsv", "capital"), 2000
    )
    person_rows = [line.split("\t") for line in (names / "hanlp_person_dict.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    chinese = sample([r[0] for r in person_rows if len(r) > 1 and r[1] == "nr"], 30000)
    foreign = sample([r[0] for r in person_rows if len(r) > 1 and r[1] == "nrf"], 10000)
    cc19 = sample(_column(names / "cc19_central_committee_2017.tsv", "姓名"), 400)
    orgs = sample(_column(names / "hanlp_org_dict.tsv", "name"), 30000)
    return {
        "LOC": [(villages, 0.3), (towns, 0.15), (counties, 0.15), (sites, 0.15), (geo, 0.1), (world, 0.15)],
        "PER": [(chinese, 0.55), (foreign, 0.3), (cc19, 0.15)],
        "ORG": [(orgs, 1.0)],
    }


def augment(sents: list[tuple[str, list[int]]], share: float, seed: int = 7) -> list[tuple[str, list[int]]]:
    """One entity-swapped copy of ``share`` of the sentences that have entities (see `name_pools`)."""
    rng = np.random.default_rng(seed)
    pools = name_pools(rng)
    out = []
    for text, tags in sents:
        spans = charner.spans_from_tags(np.array(tags))
        if not spans or rng.random() >= share:
            continue
        chars, new_tags, pos = [], [], 0
        for sp in spans:
            chars.append(text[pos : sp.start])
            new_tags.extend(tags[pos : sp.start])
            options = pools[sp.label]
            pool = options[rng.choice(len(options), p=[w for _, w in options])][0]
            name = pool[rng.integers(len(pool))]
            chars.append(name)
            new_tags.extend([TAG_ID[f"B-{sp.label}"]] + [TAG_ID[f"I-{sp.label}"]] * (len(name) - 1))
            pos = sp.end
        chars.append(text[pos:])
        new_tags.extend(tags[pos:])
        out.append(("".join(chars), new_tags))
    return out


def featurize_corpus(sents: list[tuple[str, list[int]]], rows: int) -> tuple[np.ndarray, np.ndarray, list[list[tuple[int, int]]]]:
    """Features and gold tags of every character, and each sentence's decoding units (global offsets)."""
    engine = nlp.FastLexicon.load()
    feats, gold, units = [], [], []
    offset = 0
    for text, tags in sents:
        a = nlp.analyse(text, engine)
        feats.append(charner.featurize(text, a.sentences, a.tokens, a.entities, rows))
        gold.append(np.array(tags, dtype=np.int64))
        units.append([(s + offset, e + offset) for s, e in charner.clauses(text, a.sentences)])
        offset += len(text)
    return np.concatenate(feats), np.concatenate(gold), units


def build(args) -> None:
    import torch
    from torch import nn

    torch.manual_seed(7)
    torch.set_num_threads(args.threads)
    rows = args.rows
    sents = read_bio(args.train)
    if args.limit:
        sents = sents[: args.limit]
    held = sents[-2000:]
    train = sents[:-2000]
    if args.augment:
        extra = augment(train, args.augment)
        print(f"{len(extra):,} entity-swapped copies", flush=True)
        train = train + extra
    t0 = time.time()
    X, Y, U = featurize_corpus(train, rows)
    Xd, Yd, Ud = featurize_corpus(held, rows)
    for k in args.drop:
        X[:, k] = 0
        Xd[:, k] = 0
    print(f"featurised {len(X):,} + {len(Xd):,} characters in {time.time() - t0:.0f} s", flush=True)
    n_tags = len(charner.TAGS)

    class Model(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding(rows, args.dim, sparse=True)
            nn.init.normal_(self.emb.weight, std=0.02)
            self.b0 = nn.Parameter(torch.zeros(args.dim))
            self.l1 = nn.Linear(args.dim, args.hidden)
            self.l2 = nn.Linear(args.hidden, n_tags)
            self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
            self.start = nn.Parameter(torch.zeros(n_tags))
            self.drop = nn.Dropout(args.dropout)

        def emissions(self, x):
            e = self.emb(x)
            if self.training and args.feature_dropout:
                # Whole features dropped per character, so no single rare feature (a word, a trigram)
                # can carry a decision the characters around it should make.
                keep = torch.rand(e.shape[0], e.shape[1], 1) >= args.feature_dropout
                e = e * keep / (1 - args.feature_dropout)
            h = torch.relu(e.sum(1) + self.b0)
            h = torch.relu(self.l1(self.drop(h)))
            return self.l2(self.drop(h))

    model = Model()
    sparse_opt = torch.optim.SparseAdam([model.emb.weight], lr=args.lr)
    dense = [p for n, p in model.named_parameters() if n != "emb.weight"]
    dense_opt = torch.optim.Adam(dense, lr=args.lr * 3)

    def pad_units(units: list[tuple[int, int]]):
        lens = torch.tensor([e - s for s, e in units])
        m = int(lens.max())
        idx = torch.tensor([s for s, _ in units])[:, None] + torch.arange(m)[None, :]
        mask = torch.arange(m)[None, :] < lens[:, None]
        idx = torch.where(mask, idx, torch.zeros_like(idx))
        return idx, mask

    def crf_nll(em, gold, units):
        idx, mask = pad_units(units)
        e = em[idx]  # U, L, T
        g = gold[idx]
        # gold path score
        s = model.start[g[:, 0]] + e[:, 0].gather(1, g[:, :1]).squeeze(1)
        tr = model.trans[g[:, :-1], g[:, 1:]] + e[:, 1:].gather(2, g[:, 1:, None]).squeeze(2)
        s = s + (tr * mask[:, 1:]).sum(1)
        # partition
        alpha = model.start[None, :] + e[:, 0]
        for t in range(1, e.shape[1]):
            nxt = torch.logsumexp(alpha[:, :, None] + model.trans[None], dim=1) + e[:, t]
            alpha = torch.where(mask[:, t : t + 1], nxt, alpha)
        z = torch.logsumexp(alpha, 1)
        return (z - s).sum()

    Xt, Yt = torch.from_numpy(X), torch.from_numpy(Y)
    rng = np.random.default_rng(7)
    best, best_state = -1.0, None
    order = np.arange(len(U))
    for epoch in range(args.epochs):
        model.train()
        rng.shuffle(order)
        t0, total = time.time(), 0.0
        for b in range(0, len(order), args.batch):
            batch = [U[i] for i in order[b : b + args.batch]]
            # gather this batch's characters into one flat block
            batch = [us for us in batch if us]
            spans = [(us[0][0], us[-1][1]) for us in batch]
            pos = torch.cat([torch.arange(s, e) for s, e in spans])
            units, k = [], 0
            for (s, e), us in zip(spans, batch, strict=True):
                units.extend((a - s + k, bb - s + k) for a, bb in us)
                k += e - s
            em = model.emissions(Xt[pos])
            loss = crf_nll(em, Yt[pos], units) / len(pos)
            sparse_opt.zero_grad()
            dense_opt.zero_grad()
            loss.backward()
            sparse_opt.step()
            dense_opt.step()
            total += float(loss.detach()) * len(pos)
        f1 = evaluate(model, Xd, Yd, Ud)
        print(f"epoch {epoch + 1}: loss {total / len(X):.4f}  held-out F1 {f1}  {time.time() - t0:.0f} s", flush=True)
        if f1["ALL"] > best:
            best = f1["ALL"]
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    save(model, args, best)


def evaluate(model, X, Y, U) -> dict[str, float]:
    import torch

    model.eval()
    with torch.no_grad():
        em = model.emissions(torch.from_numpy(X)).numpy()
    units = [u for us in U for u in us]
    pred = charner.viterbi(em, units, model.trans.detach().numpy(), model.start.detach().numpy())
    return f1_by_label(charner.spans_from_tags(Y), charner.spans_from_tags(pred))


def f1_by_label(gold, pred) -> dict[str, float]:
    out = {}
    for lab in (*charner.LABELS, "ALL"):
        g = {s for s in gold if lab in ("ALL", s.label)}
        p = {s for s in pred if lab in ("ALL", s.label)}
        tp = len(g & p)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        out[lab] = round(2 * prec * rec / (prec + rec), 4) if tp else 0.0
    return out


def save(model, args, best: float) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # int8 with one scale for the table (see CharNER: the rows of a character are summed in int16).
    w = model.emb.weight.detach().numpy().astype(np.float32)
    scale = np.array([np.abs(w).max() / 127.0], dtype=np.float32)
    q = np.clip(np.round(w / scale[0]), -127, 127).astype(np.int8)
    # Uncompressed: loading it is a read, where inflating 11 MB took half a second of every cold start.
    np.savez(
        out / "weights.npz",
        emb=q,
        emb_scale=scale.astype(np.float32),
        b0=model.b0.detach().numpy(),
        w1=model.l1.weight.detach().numpy().T.copy(),
        b1=model.l1.bias.detach().numpy(),
        w2=model.l2.weight.detach().numpy().T.copy(),
        b2=model.l2.bias.detach().numpy(),
        trans=model.trans.detach().numpy(),
        start=model.start.detach().numpy(),
    )
    meta = {
        "name": "policyie charner",
        "feature_version": charner.FEATURE_VERSION,
        "tags": list(charner.TAGS),
        "train": args.train,
        "held_out_sentences": 2000,
        "held_out_f1": best,
        "rows": args.rows,
        "dim": args.dim,
        "hidden": args.hidden,
        "epochs": args.epochs,
        "augment": args.augment,
        "feature_dropout": args.feature_dropout,
        "built_by": "scripts/train_charner.py",
        "sources": "MSRA NER (SIGHAN 2006 bakeoff), research use; names swapped in from ../shared/data "
        "(jionlp villages, 5A scenic areas, geography names, countries, HanLP person and organisation "
        "dictionaries, the 19th Central Committee; see SOURCES.md there); lexicon features from policyie/lexicons",
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"saved {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", default="msra_train")
    ap.add_argument("--out", default=str(ROOT / "models" / "charner"))
    ap.add_argument("--rows", type=int, default=1 << 18)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--feature-dropout", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--drop", type=int, nargs="*", default=[], help="feature columns to blank (ablation)")
    ap.add_argument("--augment", type=float, default=0.5, help="share of sentences given an entity-swapped copy")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only (smoke test)")
    build(ap.parse_args())


if __name__ == "__main__":
    main()
