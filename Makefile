# The two commands in the README do all set-up: `make serve` and `make test`.

VENV    := .venv
PYTHON  := $(VENV)/bin/python
READY   := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench browser clean

serve: $(READY)  ## the site with live reload on http://127.0.0.1:8000
	$(PYTHON) -m mkdocs serve --livereload

build: $(READY)  ## a strict build into site/
	$(PYTHON) -m mkdocs build --strict

test: $(READY) browser  ## the whole suite: unit, rendering, builds and browser
	$(PYTHON) -m pytest

bench: $(READY) browser  ## benchmarks that print figures
	$(PYTHON) -m tests.bench

$(READY): requirements.txt requirements-test.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Browser tests use Debian's Chromium; Playwright's own download is the fallback
# only where there is no system browser and no apt.
browser: $(READY)
	@test -x /usr/bin/chromium || test -x /usr/bin/chromium-browser \
	  || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
	       && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	  || $(PYTHON) -m playwright install chromium

clean:
	rm -rf site .venv .pytest_cache
