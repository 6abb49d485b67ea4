"""The benchmark script's own options: a profile run may skip the cold-start measure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_without_cold_runs_reports_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--cold-runs", "0", "--runs", "1",
           "--short", "0", "--workers", "0", "--min-chars", "2000", "--json", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    res = json.loads(out.read_text())
    assert "cold_start_s" not in res
    assert res["ratio_full"] > 0
    assert "cold start" not in done.stdout
