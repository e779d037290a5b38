# Two commands matter on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
export PORT

.DEFAULT_GOAL := help
.PHONY: help install install-dev run test lint fmt messages secret-key backup restore bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the runtime dependencies

install-dev: $(VENV)/.installed-dev ## Install the test and lint tools too

var/secret_key: | $(BIN)/python
	mkdir -p var
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

secret-key: var/secret_key ## Generate the local secret key file var/secret_key (kept between runs)

# The embedded default serves plain HTTP on 127.0.0.1, so it says so explicitly (LAN mode);
# a deployment behind TLS leaves DJANGO_HTTPS unset or true.
run: export DJANGO_HTTPS ?= false
run: install var/secret_key ## Install, migrate, load content, collect static files, serve on 127.0.0.1:$PORT
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn --config jnpoc_site/gunicorn.conf.py

test: install-dev ## Install the test dependencies and run the whole suite (migrations check included)
	$(BIN)/pytest

lint: install-dev ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install-dev ## Format and fix what ruff can
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

backup: install ## Copy the database and media consistently into var/backups/<timestamp>.tar.gz
	$(MANAGE) backup

restore: install ## Restore a backup: make restore FILE=var/backups/jnpoc-....tar.gz (asks first)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=var/backups/jnpoc-YYYYmmdd-HHMMSS.tar.gz"; exit 2; }
	$(MANAGE) restore "$(FILE)"

bench: install-dev ## Benchmark cached pages against a static file (needs wrk: apt-get install wrk)
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }
	$(BIN)/python bench/run.py

messages: install-dev ## Refresh locale/en/LC_MESSAGES/django.po from the code and compile it (needs gettext)
	$(MANAGE) makemessages --locale en --no-location --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'var/*'
	$(MANAGE) compilemessages --locale en --ignore '.venv/*'
