# The commands a newcomer needs. `make brief` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: brief test lint check bench bench-articles eval serve golden clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) -e ".[test]"
	touch $@

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(PIP) -e ".[bench]"
	touch $@

## brief: install, then build the example brief into site/ and site/brief.pdf
brief: $(VENV)/.installed
	$(BIN)/dealbrief build

## test: install the test tools, then run the whole suite
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

## lint: ruff and mypy
lint: $(VENV)/.installed-test
	$(BIN)/ruff check builder tests bench eval
	$(BIN)/ruff format --check builder tests bench eval
	$(BIN)/mypy

## check: validate data/ and verify that docs/ and data/facts/ are up to date, writing nothing
check: $(VENV)/.installed
	$(BIN)/dealbrief check

## bench: measure every stage and print the table (results in bench/results.json)
bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py

## bench-articles: score `dealbrief add` on the article-extraction benchmark in ../shared (the README's table)
bench-articles: $(VENV)/.installed
	$(BIN)/python -m tests.article_benchmark

## eval: score the extractor against the hand-written gold and print the table (results in eval/results.json)
eval: $(VENV)/.installed
	$(BIN)/python -m eval.run

## serve: live preview of the brief while you edit data/
serve: $(VENV)/.installed
	$(BIN)/dealbrief serve

## golden: regenerate the golden files the tests compare against (review the diff)
golden: $(VENV)/.installed-test
	$(BIN)/python -m tests.golden

## clean: remove what builds make (not the generated docs/, which are committed)
clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache tests/artifacts .dealbrief-stage-* .dealbrief-old-*
