"""Stream a JSONL(.gz) corpus through extract_many into DuckDB/Parquet/JSONL and report the run.

    python benchmarks/run_corpus.py                                    # the full 46k xwlb corpus
    python benchmarks/run_corpus.py --limit 500 -o /tmp/xwlb.duckdb    # a quick sample
    python benchmarks/run_corpus.py CORPUS.jsonl.gz -o out.parquet --workers 4 --json run.json

Prints documents/s, characters/s, every failure (id, reason, message: a crash is reason
``exception`` or ``worker-died``), the documents slower than --slow seconds, peak memory and the
size of the output. Corpus lines are records as `policyie.batch.extract_many` takes them; a line
with no ``id`` gets ``<date>-<num>`` when it has those (the xwlb dump does) so re-runs upsert the
same rows.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "xwlb_2018_2026.jsonl.gz"


def read_corpus(path: Path, limit: int | None) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        lines = (json.loads(line) for line in f if line.strip())
        for rec in itertools.islice(lines, limit):
            if not rec.get("id") and rec.get("date") and rec.get("num") is not None:
                rec["id"] = f"{rec['date']}-{rec['num']}"
            yield rec


def main(argv: list[str] | None = None) -> int:
    from policyie.batch import extract_many
    from policyie.outputs import write
    from policyie.shared_data import require

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-o", "--output", type=Path, default=Path("/tmp/policyie-corpus.duckdb"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--chunksize", type=int, default=16)
    ap.add_argument("--limit", type=int, help="only the first N lines")
    ap.add_argument("--slow", type=float, default=1.0, help="report documents slower than this (seconds)")
    ap.add_argument("--timeout", type=float, default=60.0, help="fail a document after this many seconds")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    ap.add_argument("--quiet", action="store_true", help="no progress line")
    args = ap.parse_args(argv)
    require([args.corpus], "a JSONL(.gz) corpus", "give one as the first argument")

    t0 = time.perf_counter()
    run = extract_many(
        read_corpus(args.corpus, args.limit),
        workers=args.workers,
        chunksize=args.chunksize,
        progress=not args.quiet,
        slow_threshold=args.slow,
        timeout=args.timeout,
    )
    summary = write(run, args.output)
    wall = time.perf_counter() - t0
    rep = run.report
    reasons = Counter(f.reason for f in rep.failures)
    crashes = sum(n for r, n in reasons.items() if r in ("exception", "worker-died"))
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    res = {
        "corpus": str(args.corpus),
        "output": str(args.output),
        "workers": args.workers,
        "documents": rep.ok,
        "failed": rep.failed,
        "crashes": crashes,
        "failure_reasons": dict(reasons),
        "wall_s": round(wall, 1),
        "docs_per_s": round(rep.ok / wall, 2),
        "chars_per_s": round(rep.chars / wall),
        "slow_docs": len(rep.slow),
        "peak_rss_mb_max_process": round(rss / 1024),
        "output_bytes": summary.bytes,
        "rows": summary.rows,
    }
    print(
        f"{rep.ok} documents in {wall:.1f} s with {args.workers} workers: {res['docs_per_s']} docs/s, "
        f"{res['chars_per_s']:,} chars/s"
    )
    print(f"failures: {rep.failed} ({crashes} crashes) {dict(reasons)}")
    for f in rep.failures[:30]:
        print(f"  {f.id}: {f.reason}: {f.message}")
    print(f"slow documents (> {args.slow} s): {len(rep.slow)}")
    for doc_id, s in sorted(rep.slow, key=lambda x: -x[1])[:15]:
        print(f"  {doc_id}: {s:.2f} s")
    print(f"peak RSS (largest process): {res['peak_rss_mb_max_process']} MB")
    print(f"output: {args.output} {summary.bytes / 1e6:.1f} MB; rows {summary.rows}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, ensure_ascii=False))
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
