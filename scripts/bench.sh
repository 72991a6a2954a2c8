#!/usr/bin/env bash
# Prints the project's figures: bundle sizes, decoder speed natively and in Chromium.
# Assumes a release build in dist/ (make bench builds it first). Figures only, no pass/fail.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"
echo "== bundle"
node scripts/bench.mjs
echo
echo "== decoder, native (release build)"
cargo run --quiet --release --locked --example bench_decoder
echo
echo "== decoder, in Chromium (release build of the app)"
node scripts/bench-browser.mjs
