# Two entry points, both from a fresh clone with only Python 3.11+ and make:
#   make run   sets everything up and runs the pipeline on data/raw/ into out/
#   make test  sets everything up and runs the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench compare-engines sample-pdfs clean

run: $(VENV)/.installed
	$(BIN)/testimony run data/raw -o out

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

# The figures in the README: quality against our gold, tagging beside natasha on NEREL and
# FactRuEval, repair of damaged text, PDF text from every producer installed (the zoo), throughput,
# linking across documents (quality on the linking gold, then 1,000 to 100,000 synthetic events).
# (benchmarks/scale.py, the 100 to 10,000-document runs, takes an hour or more: run it alone.)
bench: $(VENV)/.installed-dev
	$(BIN)/python -m benchmarks.quality
	$(BIN)/python -m benchmarks.event_arguments
	$(BIN)/python -m benchmarks.event_arguments --split heldout
	$(BIN)/python -m benchmarks.ner_peers
	$(BIN)/python -m benchmarks.damage_wer
	$(BIN)/python -m benchmarks.pdf_zoo --rebuild
	$(BIN)/python -m benchmarks.throughput
	$(BIN)/python -m benchmarks.relative_dates
	$(BIN)/python -m benchmarks.scale --sizes 100 1000
	$(BIN)/python -m benchmarks.linking
	$(BIN)/python -m benchmarks.linking_scale

# splink against recordlinkage and dedupe (README, "Linking"): they want pandas 2, so
# they get an environment of their own (and dedupe 3 breaks on BTrees 6).
compare-engines: .venv-compare/.installed
	.venv-compare/bin/python -m benchmarks.linking_engines

.venv-compare/.installed: pyproject.toml
	$(PYTHON) -m venv .venv-compare
	.venv-compare/bin/python -m pip install --quiet --upgrade pip
	.venv-compare/bin/python -m pip install --quiet -e . "dedupe>=3,<4" "BTrees<6" "recordlinkage>=0.16,<1"
	touch $@

# The sample PDFs in data/raw/ are made from the sample texts by this script.
sample-pdfs: $(VENV)/.installed-dev
	$(BIN)/python scripts/make_sample_pdfs.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[dev,spacy,dask]"
	touch $(VENV)/.installed $@

clean:
	rm -rf $(VENV) .venv-compare out
