"""A fixed 605-document snapshot of the output, to prove that a speed or refactoring change alters nothing.

    python benchmarks/snapshot.py -o /tmp/after.jsonl                  # extract the snapshot
    python benchmarks/snapshot.py --compare /tmp/before.jsonl /tmp/after.jsonl

The snapshot is the five seeds and 600 items of the 新闻联播 corpus drawn with a fixed seed, so two
checkouts extract the same documents; each line is one Document's JSON with sorted keys. ``--compare``
prints the ids that differ and, for the first few, which fields.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "xwlb_2018_2026.jsonl.gz"


def records(corpus: Path, n: int = 600, seed: int = 605) -> list[dict]:
    out: list[dict] = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    for i in sorted(random.Random(seed).sample(range(len(lines)), n)):
        rec = json.loads(lines[i])
        rec["id"] = f"{rec.get('date')}-{rec.get('num')}-{i}"
        out.append(rec)
    return out


def extract_all(corpus: Path) -> list[str]:
    from policyie.batch import extract_many

    recs = records(corpus)
    run = extract_many(recs, workers=1)
    return [json.dumps(json.loads(d.to_json(ensure_ascii=False)), ensure_ascii=False, sort_keys=True) for d in run]


def compare(a: Path, b: Path) -> int:
    left = [json.loads(x) for x in a.read_text(encoding="utf-8").splitlines()]
    right = [json.loads(x) for x in b.read_text(encoding="utf-8").splitlines()]
    if len(left) != len(right):
        print(f"{len(left)} documents against {len(right)}")
        return 1
    differ = [(x, y) for x, y in zip(left, right, strict=True) if x != y]
    for x, y in differ[:10]:
        fields = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
        print(x.get("id"), "differs in", ", ".join(fields))
    print(f"{len(left)} documents, {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if not args.corpus.exists():
        print(f"snapshot: needs the 新闻联播 corpus at {args.corpus} (../shared beside the checkout)", file=sys.stderr)
        return 2
    lines = extract_all(args.corpus)
    text = "\n".join(lines) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
