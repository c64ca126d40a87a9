# reformlab: two commands matter. `make demo` runs the main job; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test bench clean venv serve

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

demo: $(STAMP)
	@$(VENV)/bin/reformlab demo

test: $(STAMP)
	$(PY) -m pytest -n 2 -q

serve: $(STAMP)
	$(VENV)/bin/reformlab serve

bench: $(STAMP)
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) bench/startup.py
	$(PY) bench/electoral.py
	$(PY) bench/power.py
	$(PY) bench/report.py
	$(PY) bench/risk.py
	$(PY) bench/web.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
