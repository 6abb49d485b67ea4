"""Coverage-guided fuzzing of `policyie.extract` on raw bytes (atheris).

    python tests/fuzz/fuzz_extract.py tests/fuzz/corpus -max_total_time=600

Any exception other than `policyie.InputError` is a crash. New interesting inputs are written into
the corpus folder; `tests/test_fuzz_replay.py` replays the folder in CI.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import policyie
    from policyie.normalize import normalise


def one_input(data: bytes) -> None:
    try:
        doc = policyie.extract(data, doc_id="fuzz")
    except policyie.InputError:
        return
    for span in doc.spans():
        if doc.text[span.start : span.end] != span.text:
            raise AssertionError(f"span {span} does not match the text")
    normalise(data)  # the normaliser alone must agree that this input is readable


def main() -> None:
    policyie.extract("市委书记到通州区调研。", doc_id="warm")
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
