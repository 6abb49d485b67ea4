# Quick start: `make demo` (set up, extract the seeds, score them) and `make test` (set up, lint, test).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint bench corpus lexicons clean

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

lexicons: setup
	$(BIN)/python scripts/build_officials_lexicon.py
	$(BIN)/python scripts/build_gazetteer.py
	$(BIN)/python scripts/build_slogans.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache *.egg-info
