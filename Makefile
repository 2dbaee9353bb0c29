# The two commands of the README: `make demo` and `make test`. Each creates .venv and installs
# what it needs (only Python 3.11+ is required on the machine).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test bench screenshots translations dist lint wheel clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[all,test,dist]'
	touch $(STAMP)

demo: $(STAMP) translations
	$(BIN)/python -m scripts.demo

test: $(STAMP) translations
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: treating that as a failure"; exit 1; fi; \
	exit $$rc

# Every benchmark (several minutes; the 1,000,000-record ones take longest). Results: docs/benchmarks.md
bench: $(STAMP)
	$(BIN)/python -m bench.bench_verify
	$(BIN)/python -m bench.bench_decode
	$(BIN)/python -m bench.terminal_scan
	$(BIN)/python -m bench.terminal_commit_1m
	$(BIN)/python -m bench.server_ingest
	$(BIN)/python -m bench.server_bundle
	$(BIN)/python -m bench.server_reconcile
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.ui_start
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.ui_latency

# Counter-app translations: terminal_app/ui/resources/i18n/*.ts -> .qm (pyside6-lrelease; only stale ones)
translations: $(STAMP)
	$(BIN)/python -m terminal_app.ui.i18n

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m scripts.screenshots

# The wheel (one distribution; installable sets as extras: docs/deploy.md) with the compiled .qm files
wheel: $(STAMP) translations
	rm -rf build/lib build/bdist.*
	$(BIN)/python -m pip wheel -q --no-deps -w dist .

# The counter app as one folder (PyInstaller): dist/pos-terminal/pos-terminal; rebuilt only when its sources changed
dist: $(STAMP) translations
	$(BIN)/python deploy/pyinstaller/build.py

# ruff (E, F, W, I, B, UP) and mypy (strict on alliance_protocol, alliance_common and terminal_app/core);
# see pyproject.toml. Installs the tools itself (the lint extra), so it runs on a fresh clone
LINT_STAMP := $(VENV)/.lint-stamp
$(LINT_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[all,test,dist,lint]'
	touch $(LINT_STAMP)

lint: $(LINT_STAMP)
	@rc=0; \
	$(BIN)/ruff check . || rc=1; \
	$(BIN)/mypy || rc=1; \
	exit $$rc

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
