#!/usr/bin/env python3
"""Build the knowledge base of office-holders that ships with policyie (policyie/lexicons/kb.jsonl.gz).

    python scripts/build_kb.py                          # extracts the 新闻联播 corpus first (~1 min, 2 workers)
    python scripts/build_kb.py --docs xwlb_docs.jsonl    # or harvests documents extracted before

Sources (../shared/data; licences in policyie/lexicons/ATTRIBUTION.md): the curated lists read by
`policyie.kb_lists` (19th Central Committee 2017, provincial leaders 1998–2017, prefecture mayors
1990–2019, China Political Elite Database v1.0), and the titles policyie finds next to names in the
新闻联播 corpus 2018–2026 (china-data/xwlb). Only facts are kept: names, titles, organs, places, first and
last dates seen, counts; no article text. A name seen with a title in fewer than --min-count documents
and on no list is left out (one-off names are more often misreadings than office-holders).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data"
CORPUS = DATA / "corpus" / "xwlb_2018_2026.jsonl.gz"
OUT = ROOT / "policyie" / "lexicons" / "kb.jsonl.gz"


def extracted(corpus: Path, workers: int):
    from benchmarks.run_corpus import read_corpus
    from policyie.batch import extract_many

    # kb=False: the KB must not feed on its own guesses (untitled officials).
    for doc in extract_many(read_corpus(corpus, None), workers=workers, kb=False):
        yield json.loads(doc.to_json())


def from_jsonl(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=Path, help="documents policyie extracted (JSON Lines) instead of extracting the corpus")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--lists", type=Path, default=DATA)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not args.lists.exists() or (args.docs is None and not args.corpus.exists()):
        print(f"build_kb: needs the shared data at {DATA} (../shared beside the checkout) or --docs and --lists",
              file=sys.stderr)
        return 2
    from policyie import kb, kb_lists

    people = kb_lists.read_all(args.lists)
    docs = from_jsonl(args.docs) if args.docs else extracted(args.corpus, args.workers)
    built = kb.build(docs, people, min_count=args.min_count,
                     meta={"sources": ["cc19", "provincial_leaders", "prefecture_mayors", "cped", "xwlb_2018_2026"]})
    built.save(args.output)
    with_posts = sum(1 for p in built if p.posts)
    foreign = sum(1 for p in built if p.country not in (None, "中国"))
    print(f"{args.output}: {len(built)} persons ({with_posts} with posts, {foreign} foreign), "
          f"{args.output.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
