# Press Center. `make run` and `make test` work on a fresh clone with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test lint migrate demo messages bench clean install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --editable ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Local development runs with DEBUG on (no SECRET_KEY needed); production sets its own variables.
run: export DEBUG ?= 1
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

migrate: export DEBUG ?= 1
migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput

demo: export DEBUG ?= 1
demo: $(STAMP)
	$(BIN)/python manage.py load_demo

test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Recompile translations after editing a locale/**/django.po file (needs gettext's msgfmt).
messages: export DEBUG ?= 1
messages: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
