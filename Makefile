# Columnist: `make run` sets everything up and serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install migrate demo run worker test test-postgres lint format check clean messages

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[test]"
	touch $(INSTALLED)

install: $(INSTALLED)

migrate: install
	$(MANAGE) migrate --no-input
	$(MANAGE) rebuild_search_index

demo: migrate
	$(MANAGE) load_demo

# The background worker (mail delivery, scheduled posts) runs beside the server and stops with it.
run: demo
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@$(MANAGE) run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

worker: migrate
	$(MANAGE) run_worker

test: install
	$(BIN)/pytest

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/columnist} $(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# After changing interface strings: update the catalogs in locale/, translate the new
# entries, then compile (needs GNU gettext). The compiled .mo files are committed, so a
# fresh machine needs no gettext.
messages: install
	$(MANAGE) makemessages --all --ignore=.venv --ignore=var --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv --ignore=var

clean:
	rm -rf $(VENV) var build *.egg-info
