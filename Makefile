# Columnist: `make run` sets everything up and serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install migrate demo run worker serve static bench test test-postgres lint format check clean messages

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

# Production (README "Production"): gunicorn with whitenoise's compressed, fingerprinted static
# files, and the worker beside it. Needs SECRET_KEY, ALLOWED_HOSTS and SUBSCRIBER_KEY (or a key
# file) in the environment.
serve: export DJANGO_ENV = production
serve: migrate
	$(MANAGE) collectstatic --no-input --verbosity 0
	@$(MANAGE) run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/gunicorn config.wsgi --config config/gunicorn.py --no-control-socket --bind $(HOST):$(PORT) \
		--workers $${WEB_CONCURRENCY:-2}

# The static edition (README "Static edition"): the whole public site as files, with relative
# links and its search index, in var/edition/ (STATIC_EDITION_DEST); only changed files are
# rewritten. deploy/nginx-edition.conf serves it.
static: migrate
	$(MANAGE) publish_static

# The benchmark (bench/run.py; about five minutes, not part of the suite): results in var/bench/.
bench: install
	$(BIN)/python -m bench.run

# The suite runs on one worker per core (pytest-xdist). Tests are handed out in pytest-django's order,
# which runs the transactional ones (they empty every table, groups included) last.
PYTEST := $(BIN)/pytest -n auto --dist load

test: install
	$(PYTEST)

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/columnist} $(PYTEST)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

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
