# The one door to the project. `make help` lists every target.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.SHELLFLAGS := -eu -o pipefail -c

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# A Python 3.12 or newer: from .python-version through pyenv, else from PATH.
PYTHON ?= $(shell scripts/find-python)
PIP_FLAGS := --quiet --disable-pip-version-check

# Stamps: an install is redone only when pyproject.toml or the lock changes.
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: help run serve setup test test-fast lint fmt check-migrations bench bench-scale lock browser fonts clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sort | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
	  echo "No Python 3.12 or newer found. Install Python 3.12 or 3.13 (e.g. 'pyenv install 3.12')" \
	       "and run make again."; exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_FLAGS) --upgrade "pip>=24"

$(RUN_STAMP): $(PY) pyproject.toml constraints.txt
	@echo "Installing the application's dependencies (pinned by constraints.txt)"
	$(PY) -m pip install $(PIP_FLAGS) -c constraints.txt -e .
	@touch $@

$(TEST_STAMP): $(RUN_STAMP) pyproject.toml constraints.txt
	@echo "Installing the test tools (pinned by constraints.txt)"
	$(PY) -m pip install $(PIP_FLAGS) -c constraints.txt -e ".[dev]"
	@touch $@

setup: $(RUN_STAMP) ## Create .venv, install, fonts, migrate, load the record, create the demo accounts
	@# Without the fonts the site still runs: PDFs print those scripts as boxes, with a note.
	-scripts/install-fonts
	$(MANAGE) migrate --no-input
	$(MANAGE) load_record
	$(MANAGE) load_demo_content
	$(MANAGE) create_demo_accounts

run: setup ## Set everything up (see setup) and serve at http://127.0.0.1:8000
	@echo ""
	@echo "  Portal:   http://$(HOST):$(PORT)/"
	@echo "  Admin:    http://$(HOST):$(PORT)/admin/"
	@echo "  Sign in:  http://$(HOST):$(PORT)/accounts/login/"
	@echo "  Accounts: editor (secretariat editor), manager (secretariat manager), member (member official)"
	@echo "  Password: $$($(MANAGE) shell -v0 -c 'from django.conf import settings; print(settings.DEMO_PASSWORD)')"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

browser: ## Install Debian's Chromium for the browser tests (needs root or sudo)
	scripts/install-chromium

fonts: ## Install the Debian fonts PDFs draw every script with (needs root or sudo)
	scripts/install-fonts

test: $(TEST_STAMP) browser fonts ## Install what tests need and run the whole suite (DATABASE_URL or SQLite)
	$(BIN)/pytest --cov --cov-report=term $(PYTEST_ARGS)

test-fast: $(TEST_STAMP) fonts ## Run the suite without the browser tests
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: $(TEST_STAMP) ## Ruff check and format check, the template linter and bandit
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(BIN)/bandit -q -c pyproject.toml -r baliprocess membership meetings workshops scripts

fmt: $(TEST_STAMP) ## Format the code and fix what ruff can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: $(RUN_STAMP) ## Fail when a model changed without a migration
	DJANGO_SETTINGS_MODULE=baliprocess.settings.test $(MANAGE) makemigrations --check --dry-run

bench: $(TEST_STAMP) ## Measure pages and participant-list exports (PostgreSQL when DATABASE_URL is set)
	DJANGO_SETTINGS_MODULE=baliprocess.settings.test $(PY) -m scripts.bench $(BENCH_ARGS)

# DATABASE_URL is the admin connection: the benchmark creates and drops its own database.
bench-scale: $(TEST_STAMP) ## Load-test the production server on a grown record with wrk; writes docs/benchmarks.md
	scripts/install-wrk
	DATABASE_URL="$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
	  $(PY) -m scripts.bench_scale $(BENCH_SCALE_ARGS)

lock: $(PY) ## Re-pin constraints.txt to the newest versions pyproject.toml allows
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install $(PIP_FLAGS) ".[dev]"
	.venv-lock/bin/python -m pip freeze --exclude-editable | grep -v '^baliprocess' > constraints.txt
	rm -rf .venv-lock
	@echo "constraints.txt updated; run make test and commit it."

clean: ## Remove the virtual environment, the SQLite database and tool caches
	rm -rf $(VENV) .pytest_cache .ruff_cache htmlcov .coverage db.sqlite3 staticfiles
