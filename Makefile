# smartharvest — the two commands: `make demo` (set up + harvest the demo web) and `make test` (set up + tests).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
FONT    := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

.PHONY: demo test setup sysdeps ui lock docs clean help bench
.DEFAULT_GOAL := help

help:  ## list targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

demo: setup  ## (1) set up, then run the nightly harvest job against the embedded demo web (a CEP export of 50,000 projects)
	$(BIN)/smartharvest run --demo-cep-projects 50000

test: setup  ## (2) set up, then run the whole test suite
	$(BIN)/python -m pytest

setup: sysdeps $(STAMP)  ## create .venv from the lock file (reproducible) and install the project

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

APT_PKGS := fonts-dejavu-core tesseract-ocr tesseract-ocr-ces tesseract-ocr-slk antiword catdoc chromium postgresql

sysdeps:  ## Debian packages: DejaVu fonts (Czech demo PDFs), Tesseract with Czech data (OCR), antiword/catdoc (.doc), Chromium (preview test), PostgreSQL (the deploy configuration's test)
	@if ! (test -f $(FONT) && command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx ces \
	      && command -v antiword >/dev/null && command -v catdoc >/dev/null && command -v chromium >/dev/null \
	      && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1); then \
	  echo "installing Debian packages: $(APT_PKGS)"; \
	  (apt-get install -y -qq $(APT_PKGS) >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $(APT_PKGS))); \
	fi

ui: setup  ## open the Dagster UI on http://127.0.0.1:3000 (serves the demo web too)
	$(BIN)/smartharvest ui

lock:  ## re-resolve dependencies from pyproject.toml into requirements.lock
	rm -rf .lockvenv && $(PY) -m venv .lockvenv && .lockvenv/bin/pip install -q -e '.[test,deploy]' \
	  && .lockvenv/bin/pip freeze --exclude-editable | grep -v '^smartharvest' > requirements.lock && rm -rf .lockvenv

bench: setup  ## run the benchmark suite (every stage with its baseline; long) and render docs/PERFORMANCE.md
	$(BIN)/python bench/suite.py

docs:  ## regenerate docs/TABLES.md from the schema
	$(BIN)/python -m core.schema > docs/TABLES.md

clean:  ## remove runtime output (raw store, fetch log, extraction cache, warehouse)
	rm -rf data/raw data/fetchlog data/extracted data/annotated data/demo_web data/warehouse.duckdb data/validators.sqlite* data/alerts.jsonl data/dagster_home
