# The .NET container image guide. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install install-test serve build test test-fast lint bench sync check check-image schemas lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-13s %s\n", $$1, $$2}'

# requirements*.txt pin every package with its hashes (make lock); pip refuses anything else.
$(BIN)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes -r requirements.txt
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .   # the macros package, with the `guide` MkDocs plugin
	touch $@

$(BIN)/.installed-test: requirements-test.txt requirements.txt $(BIN)/.installed
	$(BIN)/pip install -q --require-hashes -r requirements-test.txt
	touch $@

install: $(BIN)/.installed ## create .venv and install the pinned site packages

install-test: $(BIN)/.installed-test ## install test packages and Debian's chromium (via apt-get when missing)
	@command -v chromium >/dev/null || test -x /usr/bin/chromium || { \
	  echo "chromium missing: installing Debian's package"; \
	  SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core; }
	@test -x /usr/bin/chromium || { echo "error: /usr/bin/chromium is still missing; the browser tests need it" >&2; exit 1; }

PORT ?= 8000
serve: install ## build and serve the site on http://127.0.0.1:$(PORT) with live reload (make serve PORT=8001)
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)/} $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: install ## strict build of the site into site/ (replaced only when the build succeeds)
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --clean -d site.tmp
	rm -rf site && mv site.tmp site

test: install-test ## run the whole test suite (unit, site build, browser, lint)
	$(BIN)/python -m pytest

test-fast: install-test ## everything but the tests that drive Chromium (run it before every commit)
	$(BIN)/python -m pytest -m "not browser" -n auto   # pytest-xdist: these are CPU-bound Python

lint: install-test ## ruff: lint rules and formatting (pyproject.toml); `make lint FIX=1` fixes what it can
	$(BIN)/ruff check $(if $(FIX),--fix,) macros tests bench
	$(BIN)/ruff format $(if $(FIX),,--check) macros tests bench

bench: install-test ## run the benchmarks (Lighthouse included: npm, bench only) and print figures against budgets
	test -x bench/lighthouse/node_modules/.bin/lighthouse || npm ci --prefix bench/lighthouse --no-audit --no-fund
	$(BIN)/python -m bench

sync: install ## regenerate data/catalog/, data/registry/ and data/lifecycle/ from the vendored upstream files
	$(BIN)/python -m macros.sync

check: install ## validate all of data/ with the build's loader, without building the site
	$(BIN)/python -m macros.check

check-image: install ## check the FROM lines of a Dockerfile: make check-image FILE=Dockerfile (exit 1 unless all current)
	@test -n "$(FILE)" || { echo "usage: make check-image FILE=path/to/Dockerfile" >&2; exit 2; }
	$(BIN)/python -m macros.check_image $(if $(JSON),--json,) "$(FILE)"

schemas: install ## regenerate data/schemas/*.schema.json (editor validation) from the model
	$(BIN)/python -m macros.data.jsonschema

lock: ## re-pin requirements*.txt (every package, with hashes) from requirements*.in, with pip-tools
	test -x .venv-lock/bin/pip-compile || { $(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install -q pip-tools==7.6.2; }
	for name in requirements requirements-test; do \
	  .venv-lock/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	    --no-emit-find-links --annotation-style=line -o $$name.txt $$name.in; done

clean: ## remove build output
	rm -rf site .pytest_cache
