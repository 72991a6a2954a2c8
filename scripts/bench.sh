#!/usr/bin/env bash
# Prints the project's figures beside their budgets and writes them to target/bench/figures.json
# (see scripts/bench.mjs). Assumes a release build in dist/; make bench builds it first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"
node scripts/bench.mjs
node scripts/bench_cli.mjs
