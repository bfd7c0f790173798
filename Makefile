# verifica: two commands on a fresh Debian 12 machine.
#   make run   installs missing build dependencies, builds (Release) and runs the demo campaign
#   make test  installs missing build dependencies, builds (Debug + ASan/UBSan) and runs ctest
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
RELEASE := build/release
DEBUG := build/debug
OUT ?= out

.PHONY: run test deps build-release build-debug bench bench-crawl clean

deps:
	@bash scripts/deps.sh

build-release: deps
	@cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release -DVERIFICA_BUILD_TESTS=OFF >/dev/null
	@cmake --build $(RELEASE) -j $(JOBS) --target verifica

TEST_DEPS := chromium python3-jsonschema

build-debug:
	@bash scripts/deps.sh $(TEST_DEPS)
	@cmake -S . -B $(DEBUG) -DCMAKE_BUILD_TYPE=Debug -DVERIFICA_SANITIZE=ON -DVERIFICA_BUILD_TESTS=ON >/dev/null
	@cmake --build $(DEBUG) -j $(JOBS)

run: build-release
	@bash scripts/demo.sh $(RELEASE)/verifica $(OUT)

test: build-debug
	@cd $(DEBUG) && ctest --output-on-failure -j $(JOBS) --timeout 900

bench: deps
	@cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DVERIFICA_BUILD_TESTS=OFF -DVERIFICA_BUILD_BENCH=ON >/dev/null
	@cmake --build build/bench -j $(JOBS)
	@build/bench/verifica_bench

# Crawl benchmark: verifica scan vs check, linkchecker and wget2 on a local nginx (PAGES=10000).
bench-crawl: deps
	@bash bench/crawl/run.sh $(or $(PAGES),10000)

clean:
	rm -rf build $(OUT)
