# `make run` builds and opens the console; `make test` runs every test against a private engine.
# Both install what they need first (Debian/Ubuntu; see scripts/setup.sh).
.PHONY: run status test build release clean

build:
	bash scripts/setup.sh
	swift build

run: build
	swift run ailab $(ARGS)

status: build
	swift run ailab status $(ARGS)

test:
	bash scripts/test.sh

release:
	bash scripts/setup.sh
	swift build -c release

clean:
	rm -rf .build
