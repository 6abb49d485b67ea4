#!/usr/bin/env python
"""Build models/policyie_zh (jieba + character-level NER + lexicon ruler) from ../shared/data/ner.

    python scripts/train_ner.py [--output models/policyie_zh] [--data ../shared/data/ner] [--epochs 8]

Reproducible: fixed split and seed. Never trains on pd1998_test.bio (the evaluation file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

from policyie.shared_data import require
from policyie.training import DATA_WHAT, DEFAULT_DATA, DEFAULT_OUTPUT, data_files, train


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output", default=str(DEFAULT_OUTPUT))
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--pieces", type=int, default=2, help="maxout pieces in the encoder")
    ap.add_argument("--copies", type=int, default=1, help="entity-swapped copies of each training sentence")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-ruler", action="store_true", help="leave the lexicon entity ruler out")
    ap.add_argument("--no-gazetteer", action="store_true", help="no lexicon-match features for the NER")
    args = ap.parse_args()
    require(data_files(args.data), DATA_WHAT, "give the folder that holds them with --data")
    t0 = time.time()
    info = train(
        args.output,
        args.data,
        epochs=args.epochs,
        width=args.width,
        depth=args.depth,
        hidden=args.hidden,
        pieces=args.pieces,
        copies=args.copies,
        seed=args.seed,
        with_ruler=not args.no_ruler,
        gazetteer_features=not args.no_gazetteer,
    )
    info["seconds"] = round(time.time() - t0)
    print(json.dumps(info, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
