# The two commands a newcomer needs (see README.md). Each installs what is missing first.
.PHONY: serve test build bench fuzz cli

serve: ## install what is missing, build, serve on http://127.0.0.1:8080
	@scripts/serve.sh

test: ## install what is missing, run every check and test suite
	@scripts/test.sh

build: ## build the release site into dist/
	@scripts/setup.sh && scripts/build.sh

bench: ## build the release site, then print size and speed figures
	@scripts/setup.sh && scripts/build.sh && scripts/bench.sh

fuzz: ## fuzz the decoder and the localization parser (FUZZ_SECONDS per target, default 60)
	@scripts/fuzz.sh

cli: ## install the command line, `fix1002`, into ~/.cargo/bin
	@cargo install --path crates/cli --locked
