# Everyday commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck pytest pytest-sqlite pytest-server wheel-check forms translations bench clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev,postgres]'
	touch $(STAMP)

setup: $(STAMP) translations

translations: $(STAMP)
	$(BIN)/python -m pbc_desktop.i18n build

forms: $(STAMP)
	$(BIN)/python -m pbc_desktop.ui.forms.build

## Open the app on the demo district (built on first start).
run: setup
	$(BIN)/pbc-desktop --demo

lint: $(STAMP)
	$(BIN)/ruff check pbc_desktop tests benchmarks
	$(BIN)/ruff format --check pbc_desktop tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

## The whole suite twice: on SQLite files, then on a throwaway PostgreSQL server that
## tests/pg_cluster.py starts and removes (skipped, saying so, where PostgreSQL is not installed).
pytest: pytest-sqlite pytest-server

# a worker per core (pytest-xdist); a module's tests stay on one worker, so that a fixture
# the module builds once (a demo district) is built once. PYTEST_WORKERS=0: one process.
PYTEST_WORKERS ?= auto
PYTEST_ARGS = -q -n $(PYTEST_WORKERS) --dist loadscope

pytest-sqlite: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

pytest-server: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.pg_cluster -- $(BIN)/python -m pytest $(PYTEST_ARGS)

## The wheel (`pip install .`) installed into a fresh venv works: fonts, icons and
## translations inside it, the CLI and the window (packaging/build.py --wheel).
wheel-check: setup
	$(BIN)/python packaging/build.py --wheel

## Everything CI checks: lint, types, the whole test suite on both backends, the wheel.
test: setup lint typecheck pytest wheel-check

PACKAGING_STAMP := $(VENV)/.packaging
.PHONY: package installer

$(PACKAGING_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dev,packaging]'
	touch $(PACKAGING_STAMP)

## Build the one-folder program dist/pbc_desktop/ (pbc, pbc-desktop) with PyInstaller, then
## smoke-test it: version, demo database, minutes PDF with its font embedded, the window.
package: $(PACKAGING_STAMP)
	$(BIN)/python packaging/build.py

## The same, then the installer dist/pbc-desktop-VERSION-setup.exe with makensis (NSIS).
## On Linux the Linux bundle stands in for the Windows one: a check that the script compiles.
installer: $(PACKAGING_STAMP)
	$(BIN)/python packaging/build.py --installer

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
