# The commands in the README do all set-up: `make serve`, `make write` and `make test`.

VENV     := .venv
PYTHON   := $(VENV)/bin/python
READY    := $(VENV)/.ready
ROUTINES := PYTHONPATH=hooks $(PYTHON) -m routines
LIGHTHOUSE := .tools/node_modules/.bin/lighthouse
NPM      := node_modules/.ready
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# The engine that builds the site: mkdocs, or properdocs (its maintained fork,
# same mkdocs.yml, hooks and plugins): `ENGINE=properdocs make serve`. The
# tests build with it too.
export ENGINE ?= mkdocs
export TITLE

.PHONY: serve write build test fuzz bench browser fonts clean post check schema deploy record-addresses undo-deploy editor same-site test-upgrade

serve: $(READY) fonts  ## the site with live reload on http://127.0.0.1:8000
	$(PYTHON) -m $(ENGINE) serve --livereload --dirty

# The site as under `make serve`, the CMS's local server (decap-server, port 8081)
# and the editor with its live preview on http://127.0.0.1:8001/admin/; Ctrl-C stops all.
write: $(READY) fonts $(NPM)  ## write posts in the browser: the editor on http://127.0.0.1:8001/admin/
	@$(ROUTINES) write

# Build beside site/ and swap only when everything passed, so a failed build
# leaves the last good site exactly as it was. A placeholder site_url is named
# on every build but refused only by a build for the public web (PUBLISH=1,
# as make deploy and the publishing workflow build): the tests and a preview
# build the shipped mkdocs.yml, whose example address must still build.
# The editor goes into the site (as admin/, from node_modules/) when mkdocs.yml names a GitHub repo_url.
EDITOR_FILES := $(if $(shell grep -s '^repo_url: *https://github.com/' mkdocs.yml),$(NPM))

build: $(READY) fonts $(EDITOR_FILES)  ## check, then a strict build into site/ (PUBLISH=1: refuse a placeholder site_url; the editor as admin/ with a GitHub repo_url)
	$(ROUTINES) check
	@$(ROUTINES) address $(if $(PUBLISH),--publish)
	rm -rf .site.new
	$(PYTHON) -m $(ENGINE) build --strict --site-dir .site.new || { rm -rf .site.new; exit 1; }
	$(ROUTINES) publish-editor .site.new || { rm -rf .site.new; exit 1; }
	rm -rf .site.old && { [ ! -d site ] || mv site .site.old; } && mv .site.new site && rm -rf .site.old
	@$(ROUTINES) unpublished

# Only what is committed and pushed is published, on top of the live site and
# never by force: a colleague's post is never removed, and every publish can be undone.
deploy: $(READY)  ## publish what is shared on main: check, build, then add it to the gh-pages branch
	@$(ROUTINES) deploy
	@$(MAKE) --no-print-directory build PUBLISH=1
	@$(ROUTINES) deploy site

# After a publish made elsewhere (the Pages workflow): the addresses it published
# join addresses.yml, committed and pushed, so they redirect once a post moves.
record-addresses: $(READY)  ## add every published post's address to addresses.yml, commit and push it
	@$(ROUTINES) record

undo-deploy: $(READY)  ## put the site as it was before the last make deploy back online
	@$(ROUTINES) undo-deploy

post: $(READY)  ## a new post: make post TITLE="Sore Shoulders? Try This Doorway Stretch"
	@$(ROUTINES) new "$$TITLE"

check: $(READY)  ## validate every post without building
	$(ROUTINES) check

schema: $(READY)  ## regenerate post.schema.json and the editor's form (admin/config.yml) from the validator's model
	$(ROUTINES) schema

test: $(READY) browser fonts $(NPM)  ## the whole suite: unit, rendering, builds and browser
	$(PYTHON) -m pytest

# The differential test of `make serve` (tests/builds/test_serve_fuzz.py) for longer than `make test` runs it:
# FUZZ_EXAMPLES sequences of FUZZ_STEPS random edits, each compared with a clean build after every edit.
fuzz: $(READY)  ## random edits under make serve, many more than make test saves, each checked against a clean build
	FUZZ_EXAMPLES=$(or $(FUZZ_EXAMPLES),100) FUZZ_STEPS=$(or $(FUZZ_STEPS),20) $(PYTHON) -m pytest -n 0 tests/builds/test_serve_fuzz.py

editor: $(NPM)  ## what editors check front matter with (remark and post.schema.json), from npm

# From npm, pinned in package-lock.json: the editors' checker (remark; package.json
# holds its settings), and the CMS of `make write` (decap-cms, decap-server, yaml).
$(NPM): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

# A change meant to leave the site as it is proves it: `make same-site REV=main`.
same-site: $(READY)  ## build the same posts with the code of REV (default HEAD) and as it stands; name every file that differs
	$(PYTHON) -m tests.same_site $(or $(REV),HEAD)

# An upgrade is a measured decision: the newest MkDocs, ProperDocs, Material and
# plugins from PyPI, in an environment of their own beside the pinned one.
UPGRADE := .venv-upgrade

test-upgrade: $(READY)  ## the newest MkDocs, ProperDocs, Material and plugins in .venv-upgrade: versions, the site against the pinned build, the unit and build tests (TESTS="..." for others)
	$(PYTHON) -m tests.upgrade $(UPGRADE) $(TESTS)

bench: $(READY) browser $(LIGHTHOUSE)  ## benchmarks that print figures
	$(PYTHON) -m tests.bench

# Lighthouse for the first-view benchmark, from npm (12.2.3: newer ones want Node 22).
$(LIGHTHOUSE):
	npm install --silent --no-audit --no-fund --prefix .tools lighthouse@12.2.3

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

# Link-preview cards draw what Roboto lacks (Hebrew, Arabic, Chinese and Japanese, emoji,
# ...) in Debian's Noto fonts: installed when missing as root with apt (or in CI, as
# GitHub's runners, with sudo); elsewhere a build still runs and names each title
# that shows boxes.
NOTO := fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
AS_ROOT := $(if $(filter 0,$(shell id -u)),,$(if $(CI),sudo -n,false))
fonts:
	@test -f /usr/share/fonts/truetype/noto/NotoSansHebrew-Bold.ttf -a -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \
	       -a -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf \
	  || { command -v apt-get >/dev/null && $(AS_ROOT) apt-get update -qq \
	       && $(AS_ROOT) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(NOTO) >/dev/null; } \
	  || echo "make: link-preview cards need $(NOTO) (Debian or Ubuntu) for scripts other than Latin, Greek and Cyrillic"

clean:
	rm -rf site .site.new .site.old .venv $(UPGRADE) .pytest_cache .tools node_modules
