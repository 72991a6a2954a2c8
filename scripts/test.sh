#!/usr/bin/env bash
# Installs what is missing, then runs every check and test suite; stops at the first failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$repo_root/scripts/setup.sh"
cd "$repo_root"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy (native, every crate)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32: the cores and the web app)"
cargo clippy -p fix1002-core -p fix1002-web --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests: the cores, the command line, the web app's native side"
cargo test --workspace --locked

step "command line: SARIF 2.1.0 schema, and a live SOAP service on loopback called with curl"
cargo build --locked -p fix1002-cli
FIX1002_BIN="${CARGO_TARGET_DIR:-$repo_root/target}/debug/fix1002" \
  node --test --test-concurrency=1 tests/cli/

step "browser tests: components in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p fix1002-web --locked --target wasm32-unknown-unknown

step "release build"
"$repo_root/scripts/build.sh"

step "end-to-end tests: Playwright against the release build"
# A timeout, so that a hung browser fails the run instead of stalling CI. Node applies it to
# each test file as a whole too, so it leaves room for the longest file on a loaded machine.
node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/
