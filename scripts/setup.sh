#!/usr/bin/env bash
# Installs whatever this project needs and is missing; takes seconds when all is present.
# Everything comes from a package registry (Debian, crates.io, npm) or rustup: nothing else is
# reachable, so no step may download a prebuilt binary of its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Chromium and ChromeDriver for the browser tests, brotli for the benchmark, curl for the
#    command line's loopback test.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v brotli >/dev/null \
  || ! command -v curl >/dev/null; then
  say "installing chromium, chromium-driver, brotli and curl from Debian"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 \
    chromium chromium-driver brotli curl
fi

# 2. The Rust pieces: the wasm target and the lint tools.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# 3. Trunk 0.21.14: the newest that builds on Rust 1.95.
trunk_version=0.21.14
if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  say "installing trunk $trunk_version (about 7 minutes on 2 cores)"
  cargo install trunk --version "$trunk_version" --locked
fi

# 4. The wasm-bindgen CLI (and its test runner) at exactly the version Cargo.lock pins.
#    Without --locked: its own lockfile pins a crate version the registry here lacks.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# 5. Node tools: wasm-opt (binaryen), Playwright's client. Reinstalled when the lockfile changes.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 6. Crates, fetched once so later builds need no network.
cargo fetch --locked --quiet
