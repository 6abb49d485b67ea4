"""Throughput, memory and start-up of policyie against plain jieba segmentation, in one process.

    python benchmarks/bench.py                                   # the five seeds, repeated to ~1 MB
    python benchmarks/bench.py --corpus ../shared/data/corpus/xwlb_2018_2026.jsonl.gz --sample 300
    python benchmarks/bench.py --profile 30                       # + the 30 hottest functions
    python benchmarks/bench.py --json bench.json                  # machine-readable results too

Measures, on the same texts: jieba.lcut chars/s, policyie.extract chars/s and their ratio (goal
≥ 0.5; per CPU second, so other load on a shared machine does not skew it; wall time is shown too), peak RSS of this process (goal ≤ 500 MB), cold start in a fresh interpreter = import +
first document (goal ≤ 1.5 s), and extract_many workers=2 over workers=1 (goal ≥ 1.8×; needs two
idle cores).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

GOALS = {"ratio": 0.5, "peak_rss_mb": 500.0, "cold_start_s": 1.5, "speedup_2_workers": 1.8}


def load_texts(corpus: Path | None, sample: int, min_chars: int, seed: int) -> list[str]:
    if corpus is None:
        seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        texts: list[str] = []
        while sum(map(len, texts)) < min_chars:
            texts.extend(seeds)
        return texts
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    rng = random.Random(seed)
    picked = rng.sample(lines, min(sample, len(lines)))
    return [t for t in (json.loads(x).get("text") or json.loads(x).get("html") or "" for x in picked) if t.strip()]


def timed(fn, texts: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds): CPU time is what "on one core" means on a shared machine."""
    c0, t0 = time.process_time(), time.perf_counter()
    for t in texts:
        fn(t)
    return time.process_time() - c0, time.perf_counter() - t0


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    kb = resource.getrusage(who).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def cold_start(text: str, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of import + first document in fresh interpreters."""
    code = (
        "import sys,time;t=time.perf_counter();c=time.process_time();import policyie;"
        "policyie.extract(sys.stdin.read(), published='2022-06-07');"
        "print(time.perf_counter()-t, time.process_time()-c)"
    )
    out = []
    for _ in range(runs):
        r = subprocess.run(
            [sys.executable, "-c", code], input=text, capture_output=True, text=True, cwd=ROOT, check=True
        )
        wall, cpu = r.stdout.strip().splitlines()[-1].split()
        out.append((float(wall), float(cpu)))
    return out


def batch_speedup(texts: list[str], workers: int) -> dict[str, float]:
    from policyie.batch import extract_many

    times, cpu = {}, {}
    for w in (1, workers):
        c0, t0 = _cpu_s(), time.perf_counter()
        run = extract_many(texts, workers=w, chunksize=4)
        n = sum(1 for _ in run)
        times[w], cpu[w] = time.perf_counter() - t0, _cpu_s() - c0
        assert n == len(texts), (n, run.report.failures[:3])
    # CPU seconds show whether a missed speed-up is pool overhead (cpu grows) or busy cores (it does not).
    return {
        "workers_1_s": times[1],
        f"workers_{workers}_s": times[workers],
        "workers_1_cpu_s": cpu[1],
        f"workers_{workers}_cpu_s": cpu[workers],
        "speedup": times[1] / times[workers],
        # What the pool's own overhead allows with `workers` idle cores: workers × CPU(1) / CPU(workers).
        "speedup_if_cores_free": workers * cpu[1] / cpu[workers],
    }


def _cpu_s() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def profile(texts: list[str], top: int) -> str:
    import cProfile
    import io
    import pstats

    import policyie

    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        policyie.extract(t)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, help="JSONL(.gz) corpus to sample texts from instead of the seeds")
    ap.add_argument("--sample", type=int, default=300, help="documents sampled from --corpus")
    ap.add_argument("--min-chars", type=int, default=1_000_000, help="repeat the seeds to at least this many chars")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2, help="pool size compared with workers=1 (0 skips)")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N hottest functions")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)

    texts = load_texts(args.corpus, args.sample, args.min_chars, args.seed)
    chars = sum(map(len, texts))
    print(f"texts: {len(texts)} documents, {chars:,} chars ({'seeds' if args.corpus is None else args.corpus})")
    res: dict[str, float] = {"documents": len(texts), "chars": chars}

    # Cold start first, while this process has loaded nothing that could warm the page cache unfairly.
    colds = cold_start(texts[0], args.cold_runs)
    res["cold_start_s"] = min(w for w, _ in colds)
    res["cold_start_cpu_s"] = min(c for _, c in colds)
    print(
        "cold start (import + first document, fresh interpreter), wall/CPU s: "
        + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in colds)
    )

    import jieba

    jieba.initialize()
    jieba.lcut(texts[0])
    res["jieba_s"], res["jieba_wall_s"] = timed(jieba.lcut, texts)
    res["jieba_chars_per_s"] = chars / res["jieba_s"]

    import policyie

    policyie.extract(texts[0])  # load models and lexicons: steady state is what is compared
    res["extract_s"], res["extract_wall_s"] = timed(policyie.extract, texts)
    res["extract_chars_per_s"] = chars / res["extract_s"]
    res["extract_docs_per_s"] = len(texts) / res["extract_s"]
    res["ratio"] = res["extract_chars_per_s"] / res["jieba_chars_per_s"]
    res["peak_rss_mb"] = peak_rss_mb()
    print(f"jieba.lcut:        {res['jieba_chars_per_s']:>12,.0f} chars/CPU-s (wall {res['jieba_wall_s']:.2f} s)")
    print(
        f"policyie.extract:  {res['extract_chars_per_s']:>12,.0f} chars/CPU-s "
        f"({res['extract_docs_per_s']:.1f} docs/CPU-s, {1000 * res['extract_s'] / len(texts):.1f} CPU-ms/doc, "
        f"wall {res['extract_wall_s']:.2f} s)"
    )
    print(f"ratio extract/jieba: {res['ratio']:.3f}")
    print(f"peak RSS (this process): {res['peak_rss_mb']:.0f} MB")

    if args.workers > 1:
        load = os.getloadavg()[0]
        b = batch_speedup(texts, args.workers)
        res.update(b)
        res["peak_rss_worker_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
        print(
            f"extract_many: workers=1 {b['workers_1_s']:.2f} s, workers={args.workers} "
            f"{b[f'workers_{args.workers}_s']:.2f} s, speed-up {b['speedup']:.2f}x; CPU s "
            f"{b['workers_1_cpu_s']:.2f} vs {b[f'workers_{args.workers}_cpu_s']:.2f} "
            f"(cpus: {os.cpu_count()}, load before: {load:.1f}); "
            f"with {args.workers} idle cores: {b['speedup_if_cores_free']:.2f}x"
        )
        res["speedup_2_workers"] = b["speedup"] if args.workers == 2 else float("nan")

    print("goals:")
    for key, goal in GOALS.items():
        if key in res:
            ok = res[key] >= goal if key in ("ratio", "speedup_2_workers") else res[key] <= goal
            print(f"  {key:<18} {res[key]:>9.3f}  goal {'≥' if key in ('ratio', 'speedup_2_workers') else '≤'} {goal}"
                  f"  {'ok' if ok else 'MISSED'}")
    if args.profile:
        print(profile(texts[: max(1, len(texts) // 4)], args.profile))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
