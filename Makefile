# The README's two commands are `make serve` and `make test`; both set everything up.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY_FOR_VENV := $(shell command -v python3.12 || command -v python3.13 || command -v python3)
export PYTHONDONTWRITEBYTECODE := 1
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-engine test-fast install clean bench mutants eval try wheel

$(BIN)/python:
	$(PY_FOR_VENV) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
	  { echo "Therapon needs Python 3.12 or newer."; exit 1; }
	$(PY_FOR_VENV) -m venv $(VENV)

$(VENV)/.installed: requirements.lock $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# The engine, installed from src/ in place: `therapon` (new, try, eval), the MkDocs plugin
# for courses that list it, and the import this course's hooks make.
$(VENV)/.engine: $(BIN)/python pyproject.toml
	$(BIN)/python -c 'import pathlib, sysconfig; (pathlib.Path(sysconfig.get_paths()["purelib"]) / "therapon-engine.pth").unlink(missing_ok=True)'
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	# Bytecode for the engine, as pip writes it for an installed wheel (and for Material):
	# without it every build compiles the engine again (PYTHONDONTWRITEBYTECODE, above).
	$(BIN)/python -m compileall -q src
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

SCRIPT_SOURCES := $(shell find src/therapon/theme/assets/therapon src/therapon/theme/src -name '*.js' -o -name '*.mjs')
CONTRACT_JS := src/therapon/theme/assets/therapon/contract.js
# The browser's copy of the Python-JavaScript contract, generated from src/therapon/contract.py.
$(CONTRACT_JS): src/therapon/contract.py src/therapon_check/verdict.py $(VENV)/.engine
	$(BIN)/python -m therapon.contract

build/therapon/main.js: node_modules/.package-lock.json $(SCRIPT_SOURCES) $(CONTRACT_JS)
	npm run --silent build:assets

LEXICON_TABLE := src/therapon_check/lexicon/compiled.json
# The lexicons compiled ahead of time for the browser's first Check (therapon_check/compiled.py).
$(LEXICON_TABLE): src/therapon_check/lexicon/*.txt src/therapon_check/detect_*.py src/therapon_check/compiled.py src/therapon_check/matching.py src/therapon_check/phrases.py src/therapon_check/reading.py src/therapon_check/variants.py $(VENV)/.engine
	$(BIN)/python -m therapon.lexicon_table

CHECKER_FILES := $(shell find src/therapon_check -type f -not -path '*/__pycache__/*')
BYTECODE := build/bytecode/manifest.json
# The checking package's modules compiled by Pyodide's own Python, for the wheel (therapon/bytecode.py).
$(BYTECODE): node_modules/.package-lock.json $(wildcard src/therapon_check/*.py) src/therapon/bytecode.mjs src/therapon/bytecode.py $(VENV)/.engine
	$(BIN)/python -m therapon.bytecode

PREPARED_LOCK := build/pyodide-lock-prepared.json
# Pyodide's lock with our wheel, written once here instead of on every cold build (therapon/locking.py).
$(PREPARED_LOCK): node_modules/.package-lock.json $(CHECKER_FILES) $(LEXICON_TABLE) $(BYTECODE) src/therapon/locking.py src/therapon/wheel.py
	$(BIN)/python -m therapon.locking

install: $(VENV)/.installed $(VENV)/.engine build/therapon/main.js $(LEXICON_TABLE) $(BYTECODE) $(PREPARED_LOCK)

# MkDocs reads mkdocs.yml before any plugin runs, so its YAML mistakes get their hint here first.
build: install
	$(BIN)/therapon check-config
	$(BIN)/mkdocs build --strict

# The engine as a wheel, with the browser scripts bundled and Pyodide's files inside (hatch_build.py):
# an author who installs it needs no Node.
wheel: install
	$(BIN)/pip wheel --quiet --disable-pip-version-check --no-deps -w dist .
	@ls dist/therapon-*.whl

serve: install
	$(BIN)/therapon check-config
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# One test process per core; a test file stays on one process (its fixtures are shared).
test: install
	$(BIN)/python -m pytest -n auto --dist loadfile

# The engine's tests alone, on the fixture course (tests/fixture/): what still runs once this
# course's content (docs/, exercises/, hooks/, course-rules.toml, tests/course/) is deleted.
test-engine: install
	$(BIN)/python -m pytest -n auto --dist loadfile --ignore=tests/course

# Not part of `make test`: timings belong in benchmarks/results.md, not in assertions.
bench: install
	$(BIN)/python benchmarks/run.py

# How each text exercise's feedback agrees with its labelled corpus (exercises/<id>/corpus.jsonl).
eval: install
	$(BIN)/python -m therapon eval

# One reply through an exercise's feedback: make try EXERCISE=l2-safe-reply TEXT="That sounds lonely."
try: install
	$(BIN)/python -m therapon try "$(EXERCISE)" "$(TEXT)"

# Not part of `make test`: known bugs, one at a time, each of which some test must catch.
mutants: install
	$(BIN)/python tests/mutants.py

clean:
	rm -rf site build dist $(VENV) node_modules
