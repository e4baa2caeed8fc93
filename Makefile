# Two commands do all the set-up:  `make build`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: build test setup test-setup browser lint bench clean

$(BIN)/coopgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(BIN)/coopgraph

setup: $(BIN)/coopgraph

## build: install, then build the graph from seeds/ into .coopgraph/ and exports/
build: setup
	$(BIN)/coopgraph build seeds/

## test: install test dependencies (and Debian's chromium for the view tests), run the suite
test: setup
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@$(MAKE) --no-print-directory browser
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests bench

browser:
	@if ! command -v chromium >/dev/null 2>&1 && [ -z "$${CHROMIUM:-}" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "no chromium and not root: browser tests will be skipped"; fi; \
	fi

lint: setup
	$(BIN)/ruff check src tests bench

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf .coopgraph .pytest_cache .ruff_cache
