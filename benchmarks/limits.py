"""How long each pathological input shape takes, at two sizes, and how that time grows.

    python benchmarks/limits.py                  # every shape at 50k and 100k characters
    python benchmarks/limits.py --size 200000    # at 100k and 200k
    python benchmarks/limits.py --only "meeting words" "year run"

Doubling the input should about double the time (growth ×2); growth over ×2.6 is flagged, since
it means a quadratic step somewhere. ``jieba`` is `jieba.lcut` on the same text (its own HMM is
quadratic on long runs of unknown characters, which policyie cuts into 500-character pieces). The
shapes are tests/shapes.py, which tests/test_pathological.py runs at 100k under a time guard.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing
sys.path.insert(0, str(ROOT / "tests"))

FLAG = 2.6


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    import jieba
    from shapes import SHAPES

    from policyie import InputError, extract

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=100_000, help="the larger size in characters (the other is half)")
    ap.add_argument("--only", nargs="+", choices=sorted(SHAPES), help="these shapes only")
    args = ap.parse_args(argv)

    def run(source) -> str:
        try:
            doc = extract(source)
        except InputError as e:
            return f"InputError({e.reason})"
        return f"{len(doc.officials)} officials, {len(doc.dates)} dates, {len(doc.meetings)} meetings"

    extract("市委书记到通州区调研。")
    jieba.lcut("预热")
    big = args.size
    print(f"| shape | {big // 2000}k s | {big // 1000}k s | growth | jieba.lcut {big // 1000}k s | result at {big // 1000}k |")
    print("|---|---:|---:|---:|---:|---|")
    flagged = []
    for name in args.only or list(SHAPES):
        small_src, big_src = SHAPES[name](big // 2), SHAPES[name](big)
        t_small = timed(lambda s=small_src: run(s))
        result = ""

        def go(s=big_src) -> None:
            nonlocal result
            result = run(s)

        t_big = timed(go)
        text = big_src if isinstance(big_src, str) else big_src.decode("utf-8", errors="replace")
        t_jieba = timed(lambda t=text: jieba.lcut(t))
        growth = t_big / max(t_small, 1e-3)
        mark = " ⚠" if growth > FLAG and t_big > 0.5 else ""
        if mark:
            flagged.append(name)
        print(f"| {name} | {t_small:.2f} | {t_big:.2f} | ×{growth:.2f}{mark} | {t_jieba:.2f} | {result} |", flush=True)
    if flagged:
        print(f"\ngrowth over ×{FLAG} (superlinear): {', '.join(flagged)}")
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
