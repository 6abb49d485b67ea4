#!/usr/bin/env python3
"""Coverage-guided fuzzing of `policyie.extract` on raw bytes (atheris).

    make fuzz                      # FUZZ_SECONDS=600 by default, then merges what adds coverage
    # or by hand, with the venv's python first on PATH (libFuzzer's merge re-executes this file):
    tests/fuzz/fuzz_extract.py -dict=tests/fuzz/policyie.dict -max_len=4096 -timeout=10 \
        -max_total_time=600 /tmp/fuzz-work tests/fuzz/corpus
    tests/fuzz/fuzz_extract.py -merge=1 tests/fuzz/corpus /tmp/fuzz-work   # keep what adds coverage

A crash is any exception other than `policyie.InputError`, a span whose offsets do not give its
text, output that differs between two runs or after a JSON round trip, or an input slower than
``-timeout`` seconds. `tests/test_fuzz_replay.py` replays the kept corpus with the same checks in CI.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import policyie

sys.path.insert(0, str(Path(__file__).parent.parent))
from invariants import check_document  # noqa: E402


def one_input(data: bytes) -> None:
    try:
        doc = policyie.extract(data, doc_id="fuzz")
    except policyie.InputError:
        return
    check_document(doc, again=lambda: policyie.extract(data, doc_id="fuzz"))


def main() -> None:
    policyie.extract("市委书记到通州区调研。", doc_id="warm")  # lexicons load outside the timed inputs
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
