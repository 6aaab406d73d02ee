# `make run` builds and opens the console; `make test` runs every test against a private engine.
# Both install what they need first (Debian/Ubuntu; see scripts/setup.sh).
.PHONY: run status test bench build release install uninstall dist embed clean

PREFIX ?= /usr/local
DESTDIR ?=

build:
	bash scripts/setup.sh
	bash scripts/build-info.sh
	swift build

run: build
	swift run ailab $(ARGS)

status: build
	swift run ailab status $(ARGS)

test:
	bash scripts/test.sh

# The figures in the README: a release build measured against a private engine, docker ps beside.
bench:
	bash scripts/setup.sh test
	swift build -c release --static-swift-stdlib
	bash scripts/test-engine.sh run .build/release/ailab-bench $(ARGS)

# The Swift runtime linked in: no Foundation to load at each start (faster first frame), and
# nothing to install beside the binary (the catalog, its config files and the themes are compiled in).
release:
	bash scripts/setup.sh
	bash scripts/build-info.sh
	swift build -c release --static-swift-stdlib

# The release binary (the whole program), completions and the man page (scripts/install.sh).
install: release
	bash scripts/install.sh install "$(DESTDIR)$(PREFIX)"

uninstall:
	bash scripts/install.sh uninstall "$(DESTDIR)$(PREFIX)"

# A tarball of the install tree (PREFIX=/usr/local inside), with its SHA-256 sum beside it.
dist: release
	bash scripts/install.sh dist .build/dist

# After editing a file under Sources/*/Resources: compiles it into Sources/*/Embedded again.
embed:
	python3 scripts/embed-resources.py

clean:
	rm -rf .build
