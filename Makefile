# Sinau: `make run` serves the demo site, `make test` runs the whole suite. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Outside CI the tests marked browser/worker are deselected by tests/conftest.py, because they
# need Chromium and a running Celery worker; CI=true (.ci/run) runs them all.

.PHONY: serve run test lint bandit install install-dev migrate demo messages compilemessages vendor-translations clean bench bench-quick

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Compiled translations (.mo) are committed, so a machine without gettext still shows them;
# where msgfmt exists they are rebuilt from the .po files.
compilemessages: install
	@if [ -z "$$(find locale -name '*.po' 2>/dev/null)" ]; then echo "no .po files yet"; \
	elif command -v msgfmt >/dev/null 2>&1; then $(PY) manage.py compilemessages --ignore=.venv -v 0; \
	else echo "msgfmt not found: using the committed .mo files"; fi

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=tests --ignore=bench --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

# Wagtail ships Indonesian as id_ID, which Django does not use for LANGUAGE_CODE "id": merge it.
vendor-translations: install
	mkdir -p locale_vendor/id/LC_MESSAGES
	msgcat --use-first -o locale_vendor/id/LC_MESSAGES/django.po \
	  $$(find $(VENV)/lib/python3.11/site-packages/wagtail -path '*id_ID/LC_MESSAGES/django.po' | sort)
	msgfmt -o locale_vendor/id/LC_MESSAGES/django.mo locale_vendor/id/LC_MESSAGES/django.po

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

# The demo shows the site as its users see it: DEBUG off (the site's 404 page, not Django's list of
# URLs); --insecure lets the dev server still serve static files, SERVE_FILES the uploaded media.
run: compilemessages demo
	@echo "Sinau: http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	DEBUG=false SERVE_FILES=true $(PY) manage.py runserver --insecure $(HOST):$(PORT)

# The production stack locally: gunicorn + a Celery worker per queue + beat (Procfile), with
# lms.settings.production against PostgreSQL and Redis (bin/serve says so when they are missing).
# PORT as for run; see bin/serve for the other knobs and docs/deploy.md for a real server.
serve: install-dev
	SERVE_PORT=$(PORT) bin/serve

test: install-dev compilemessages
	DJANGO_SETTINGS_MODULE=lms.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

# Every speed target re-measured under gunicorn on PostgreSQL and Redis (falls back to SQLite and
# a per-process cache when they are missing, and says so); prints the table, writes bench/results/.
# BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sinau_bench, recreated) and
# BENCH_REDIS_URL (default redis://127.0.0.1:6379/14, flushed) choose the services. See bench/README.md.
bench: install
	$(PY) bench/run.py

bench-quick: install
	$(PY) bench/run.py --quick

lint: install-dev bandit
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check lms courses quizzes ledger incubator certificates tests bench

# Security lint (issue 9): any finding fails; configuration in pyproject.toml ([tool.bandit]).
BANDIT_TARGETS := lms courses quizzes ledger incubator certificates bench
bandit: install-dev
	$(PY) -m bandit -c pyproject.toml -r -q $(BANDIT_TARGETS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
