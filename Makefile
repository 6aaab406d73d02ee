# `make run` builds and opens the console; `make test` runs every test against a private engine.
# Both install what they need first (Debian/Ubuntu; see scripts/setup.sh).
.PHONY: run status test bench build release install uninstall dist embed clean

PREFIX ?= /usr/local
DESTDIR ?=

# The release build (issue 17: one file of at most 25 MB stripped). The Swift runtime is linked
# in (--static-swift-stdlib: nothing to install beside it, no Foundation to load at each start).
# -Osize: 1.5 MB less code. lld with --icf=all folds identical functions; --no-export-dynamic
# drops the 2 MB dynamic symbol table that nothing loads against (ailab has no plugins); RELR
# packs the position-independent executable's relocations (1.5 MB) and keeps it a PIE (ASLR).
# Measured on this machine: 29.7 MB stripped with plain -O, 23.9 MB with these (README, Installing).
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -Osize -Xswiftc -use-ld=lld \
	-Xlinker --no-export-dynamic -Xlinker --icf=all -Xlinker -z -Xlinker pack-relative-relocs

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
	swift build $(RELEASE_FLAGS)
	bash scripts/test-engine.sh run .build/release/ailab-bench $(ARGS)

# The whole program in one file (the catalog, its config files and the themes are compiled in).
release:
	bash scripts/setup.sh
	bash scripts/build-info.sh
	swift build $(RELEASE_FLAGS)

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
