"""Build the shipped pipeline ``models/policyie_zh``: a character-level NER over jieba features plus an
entity ruler fed by the lexicons. One call, reproducible (fixed seed, fixed split):

    python scripts/train_ner.py            # or: policyie train

Training data (never pd1998_test.bio, which is kept for the report in docs/ner.md):
People's Daily 1998 ``pd1998_dev.bio`` minus its last ``DEV_SENTENCES`` sentences (held out for model
selection) and MSRA ``msra_test.bio``. Both are one character and one BIO tag per line.
"""

from __future__ import annotations

import gzip
import logging
import os
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import regex

from policyie import lazy_pattern, lexicons
from policyie import nlp as pnlp
from policyie.shared_data import MissingData, need  # noqa: F401  (MissingData: what train raises)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner"
DEFAULT_OUTPUT = REPO / "models" / "policyie_zh"
LEXICONS = lexicons.HERE
TRAIN_FILES = ("pd1998_dev.bio", "msra_test.bio")
FORBIDDEN = "pd1998_test.bio"  # the evaluation file
DEV_SENTENCES = 300
LABELS = ("PER", "LOC", "ORG")

# The ruler reads whichever of these lexicons exist when the model is built (columns by header name;
# lines starting with '#' are comments):
#   divisions.tsv  name, shorts (|-separated), level  -> LOC (full names; short forms of province/city/
#                  district only, 2+ characters)
#   zones.tsv      name, aliases (|-separated; '~' marks weak aliases, skipped)  -> LOC
#   orgs.tsv       form, kind  -> LOC for kind province/city, ORG otherwise (3+ characters: the bare
#                  generic organs such as 党委 or 公司 are not names)
#   posts.tsv      post  -> TITLE
_HAN = lazy_pattern.compile(r"^\p{Han}[\p{Han}\p{N}·]{1,30}$")
_GENERIC_ORG = lazy_pattern.compile(r"^(?:[省市县区乡镇州旗]?(?:党委|政府|人大|政协|委员会|办公室|办公厅)|公司|学校|大学|中学|小学|医院|学院|不详)$")

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "zh"
pipeline = ["ner"]
batch_size = 256

[nlp.tokenizer]
@tokenizers = "policyie.jieba_char.v1"
gazetteer = "{gazetteer}"

[components]

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["ORTH", "LEMMA", "TAG", "NORM"]
rows = [4000, 12000, 600, 200]
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = {pieces}

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0

[training]
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.15
accumulate_gradient = 1
patience = {patience}
max_epochs = {epochs}
max_steps = 0
eval_frequency = 400
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 200
stop = 2000
compound = 1.001

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.002

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[initialize]
vectors = null
init_tok2vec = null
"""


# --------------------------------------------------------------------------- data

DATA_WHAT = f"the NER training data ({', '.join(TRAIN_FILES)})"
DATA_HOW = "give the folder that holds them with policyie train --data-dir (scripts/train_ner.py --data)"


def data_files(data_dir: str | Path = DEFAULT_DATA) -> list[Path]:
    """The files `train` reads from ``data_dir``."""
    return [Path(data_dir) / name for name in TRAIN_FILES]


def read_bio(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """(sentence, [(start, end, label)]) from a one-character-per-line BIO file (space or tab)."""
    chars: list[str] = []
    tags: list[str] = []
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if chars:
                    yield "".join(chars), bio_spans(tags)
                chars, tags = [], []
                continue
            parts = regex.split(r"[ \t]", line)
            chars.append(parts[0][:1] or " ")
            tags.append(parts[-1])
    if chars:
        yield "".join(chars), bio_spans(tags)


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans from BIO tags; an I- without its B- opens a span, as conlleval does."""
    out: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        if kind == "B" or kind == "O" or (kind == "I" and lab != label):
            if start is not None:
                out.append((start, i, label))
                start, label = None, None
            if kind in {"B", "I"}:
                start, label = i, lab
    return out


def _tsv_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows keyed by column name: the header is the first plain line, or a '# a<TAB>b' comment line."""
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if "\t" in line and header is None:
                header = [c.strip() for c in line.lstrip("# ").split("\t")]
            continue
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        yield dict(zip(header, cells, strict=False))


def lexicon_terms(lexicon_dir: Path = LEXICONS) -> dict[str, list[str]]:
    """Ruler terms per label from whichever lexicon TSVs exist (see the table above)."""
    out: dict[str, set[str]] = {"LOC": set(), "ORG": set(), "TITLE": set()}

    def add(label: str, term: str) -> None:
        if term and _HAN.match(term):
            out[label].add(term)

    if (lexicon_dir / "divisions.tsv").exists():
        for row in _tsv_rows(lexicon_dir / "divisions.tsv"):
            add("LOC", row.get("name", ""))
            if row.get("level") in {"country", "province", "city", "district"}:
                for short in (row.get("shorts") or "").split("|"):
                    add("LOC", short)
    if (lexicon_dir / "zones.tsv").exists():
        for row in _tsv_rows(lexicon_dir / "zones.tsv"):
            add("LOC", row.get("name", ""))
            for alias in (row.get("aliases") or "").split("|"):
                if not alias.startswith("~"):
                    add("LOC", alias)
    if (lexicon_dir / "orgs.tsv").exists():
        for row in _tsv_rows(lexicon_dir / "orgs.tsv"):
            form = row.get("form", "")
            if row.get("kind") in {"province", "city"}:
                add("LOC", form)
            elif len(form) >= 3 and not _GENERIC_ORG.match(form):
                add("ORG", form)
    if (lexicon_dir / "posts.tsv").exists():
        for row in _tsv_rows(lexicon_dir / "posts.tsv"):
            add("TITLE", row.get("post", ""))
    out["ORG"] -= out["LOC"]
    return {label: sorted(terms) for label, terms in out.items() if terms}


# --------------------------------------------------------------------------- augmentation


GAZETTEER = "gazetteer"  # sibling of data_dir: ../shared/data/gazetteer


def _read_csv_names(path: Path, column: str = "name") -> list[str]:
    import csv

    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh) if row.get(column)]


class Substitutes:
    """Pools of replacement names, so the NER learns from context rather than memorising the names
    of 1998: officials of today mostly have names the training text never saw."""

    def __init__(self, sentences, gazetteer: Path, rng: random.Random) -> None:
        self.rng = rng
        surnames = []
        with_tf = gazetteer / "surnames.csv"
        if with_tf.exists():
            import csv

            with open(with_tf, encoding="utf-8", newline="") as fh:
                rows = [(r["NameB"], float(r["TF"] or 0)) for r in csv.DictReader(fh) if r.get("NameB")]
            rows.sort(key=lambda r: -r[1])
            surnames = rows[:400]
        self.surnames = [s for s, _ in surnames] or ["王", "李", "张"]
        self.surname_weights = [max(w, 1) for _, w in surnames] or [1, 1, 1]
        surname_set = set(self.surnames)
        given: list[str] = []
        self.foreign: list[str] = []
        self.places: list[str] = []
        self.orgs: list[str] = []
        for text, spans in sentences:
            for start, end, label in spans:
                name = text[start:end]
                if label == "PER":
                    if 2 <= len(name) <= 3 and name[0] in surname_set:
                        given.extend(name[1:])
                    elif len(name) >= 3:
                        self.foreign.append(name)
                elif label == "LOC":
                    self.places.append(name)
                elif label == "ORG":
                    self.orgs.append(name)
        self.given = given or list("国华明建平军伟")
        divisions = [
            n
            for f in ("provinces.csv", "cities.csv", "areas.csv")
            for n in _read_csv_names(gazetteer / f)
            if n not in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"} and len(n) >= 2
        ]
        short = [regex.sub(r"(省|市|县|区|自治州|自治县|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", n) for n in divisions]
        self.divisions = divisions + [n for n in short if len(n) >= 2]

    def person(self) -> str:
        if self.foreign and self.rng.random() < 0.1:
            return self.rng.choice(self.foreign)
        surname = self.rng.choices(self.surnames, self.surname_weights)[0]
        return surname + "".join(self.rng.choice(self.given) for _ in range(1 if self.rng.random() < 0.3 else 2))

    def place(self) -> str:
        if self.divisions and self.rng.random() < 0.6:
            return self.rng.choice(self.divisions)
        return self.rng.choice(self.places)

    def org(self) -> str:
        return self.rng.choice(self.orgs)


def augment(sentences, subs: Substitutes, copies: int = 1, p: float = 0.8):
    """``copies`` variants of every sentence with entities, each entity swapped with probability ``p``."""
    out = []
    for text, spans in sentences:
        if not spans:
            continue
        for _ in range(copies):
            pieces, new_spans, pos, shift = [], [], 0, 0
            for start, end, label in spans:
                name = text[start:end]
                if end - start >= 2 and subs.rng.random() < p:  # 胡老, 江主席: keep short forms
                    if label == "PER":
                        name = subs.person()
                    elif label == "LOC":
                        name = subs.place()
                    elif label == "ORG" and subs.rng.random() < 0.5:
                        name = subs.org()
                pieces.append(text[pos:start])
                new_start = start + shift
                pieces.append(name)
                new_spans.append((new_start, new_start + len(name), label))
                shift += len(name) - (end - start)
                pos = end
            pieces.append(text[pos:])
            out.append(("".join(pieces), new_spans))
    return out


# --------------------------------------------------------------------------- build


def _docbin(nlp, sentences, stats: Counter):
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for text, spans in sentences:
        doc = nlp.make_doc(text)
        ents = []
        for start, end, label in spans:
            if label not in LABELS:
                continue
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or (span.start_char, span.end_char) != (start, end):
                stats["lost"] += 1  # cannot happen with one token per character; counted to prove it
                continue
            ents.append(span)
            stats[label] += 1
        doc.ents = ents
        db.add(doc)
    return db


def add_ruler(nlp) -> None:
    """The lexicon ruler after the NER (`policyie.nlp.LexiconRuler`): it only fills gaps, from the
    lexicon hits the tokenizer marks, and only where they agree with jieba's words."""
    if "policyie_lexicon_ruler" not in nlp.pipe_names:
        nlp.add_pipe("policyie_lexicon_ruler", last=True)


def train(
    output: str | Path = DEFAULT_OUTPUT,
    data_dir: str | Path = DEFAULT_DATA,
    *,
    epochs: int = 8,
    width: int = 64,
    depth: int = 3,
    hidden: int = 64,
    pieces: int = 2,
    seed: int = 0,
    with_ruler: bool = True,
    gazetteer_features: bool = True,
    copies: int = 1,
    threads: int = 2,
) -> dict:
    """Train the NER and write the pipeline to ``output``; returns dev scores and data counts.

    Reproducible: same data, lexicons, seed and settings give the same model. Runs on two CPU cores in
    about 5 minutes (quiet machine) to 10 (busy) with the defaults. ``pd1998_test.bio`` is never read.
    """
    need(data_files(data_dir), DATA_WHAT, DATA_HOW)  # before minutes of loading: one line, not a traceback
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    import spacy
    from spacy.cli.train import train as spacy_train

    pnlp.register_tokenizer()
    data_dir, output = Path(data_dir), Path(output)
    random.seed(seed)
    dev, train_part = _split(data_dir, seed, copies)

    blank = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policyie.jieba_char.v1"}}})
    stats: dict[str, Counter] = {"train": Counter(), "dev": Counter()}
    with tempfile.TemporaryDirectory(prefix="policyie-train-") as tmp:
        tmpdir = Path(tmp)
        _docbin(blank, train_part, stats["train"]).to_disk(tmpdir / "train.spacy")
        _docbin(blank, dev, stats["dev"]).to_disk(tmpdir / "dev.spacy")
        terms = lexicon_terms()
        gazetteer = tmpdir / "gazetteer.tsv"
        gazetteer.write_text(
            "".join(f"{t}\t{label}\n" for label, ts in terms.items() for t in ts) if gazetteer_features else "",
            encoding="utf-8",
        )
        cfg = CONFIG.format(
            seed=seed, width=width, depth=depth, hidden=hidden, pieces=pieces, epochs=epochs, patience=4000, gazetteer=gazetteer
        )
        (tmpdir / "config.cfg").write_text(cfg, encoding="utf-8")
        logging.getLogger("spacy").setLevel(logging.INFO)
        spacy_train(
            tmpdir / "config.cfg",
            tmpdir / "out",
            overrides={"paths.train": str(tmpdir / "train.spacy"), "paths.dev": str(tmpdir / "dev.spacy")},
        )
        nlp = spacy.load(tmpdir / "out" / "model-best")
        scores = dict(nlp.meta.get("performance", {}))
    if with_ruler:
        add_ruler(nlp)
    settings = {"copies": copies, "epochs": epochs, "width": width, "depth": depth, "hidden": hidden, "pieces": pieces,
                "seed": seed}
    nlp.meta.update(_meta(len(train_part), len(dev), stats, terms, with_ruler, gazetteer_features, settings))
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    # The training-time gazetteer file is gone; the saved tokenizer brings its own copy of the terms.
    cfg_path = output / "config.cfg"
    cfg_path.write_text(regex.sub(r'(?m)^gazetteer = .*$', 'gazetteer = ""', cfg_path.read_text(encoding="utf-8")), encoding="utf-8")
    return {"scores": scores, **nlp.meta["policyie_training"]}


def _split(data_dir: Path, seed: int, copies: int) -> tuple[list, list]:
    """(dev, train) sentences: the last DEV_SENTENCES of pd1998_dev held out; the rest plus MSRA test,
    augmented with ``copies`` substituted copies, shuffled. pd1998_test is never read."""
    sentences = []
    for name in TRAIN_FILES:
        if name == FORBIDDEN:
            raise ValueError(f"{FORBIDDEN} is the evaluation set")
        sentences.append(list(read_bio(data_dir / name)))
    pd_dev, msra = sentences
    dev, train_part = pd_dev[-DEV_SENTENCES:], pd_dev[:-DEV_SENTENCES] + msra
    rng = random.Random(seed)
    if copies:
        subs = Substitutes(train_part, data_dir.parent / GAZETTEER, rng)
        train_part = train_part + augment(train_part, subs, copies)
    rng.shuffle(train_part)
    return dev, train_part


def _meta(n_train: int, n_dev: int, stats: dict, terms: dict, with_ruler: bool, gazetteer_features: bool,
          settings: dict) -> dict:
    """The model's meta.json: what it is, what it was trained on, and how."""
    return {
            "name": "policyie_zh",
            "version": "0.1.0",
            "description": "jieba words + character-level NER (PER/LOC/ORG) + lexicon entity ruler; built by scripts/train_ner.py",
            "sources": [
                {"name": "People's Daily 1998 NER (pd1998_dev.bio, last 300 sentences held out)", "license": "research use"},
                {"name": "MSRA NER test split (SIGHAN 2006)", "license": "research use"},
                {"name": "policyie lexicons (orgs/divisions/zones/posts)", "license": "see policyie/lexicons"},
            ],
            "policyie_training": {
                "train_sentences": n_train,
                "dev_sentences": n_dev,
                "spans": {k: dict(v) for k, v in stats.items()},
                "lexicon_terms": {k: len(v) for k, v in terms.items()},
                "ruler": with_ruler,
                "gazetteer_features": gazetteer_features,
                "settings": settings,
            },
        }
