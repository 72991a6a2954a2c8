#!/usr/bin/env bash
# Fuzzes the decoder and the localization parser for a bounded time (FUZZ_SECONDS per target,
# default 60). Installs the nightly toolchain and cargo-fuzz if missing. See fuzz/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"
seconds="${FUZZ_SECONDS:-60}"

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# Seed each corpus with the fixtures, so the fuzzer starts from real shapes.
mkdir -p fuzz/corpus/decode fuzz/corpus/strings
cp tests/fixtures/faults/*.xml tests/fixtures/faults/*.http tests/fixtures/faults/stacks/*.http fuzz/corpus/decode/
printf '%s' '{"en-US": {"integration": {"Error27Message": "Premium only."}}}' > fuzz/corpus/strings/seed.json
printf '%s' '<stringtables><stringtable xml:lang="en-US"><string stringId="Error1Message">a</string></stringtable></stringtables>' > fuzz/corpus/strings/seed.xml

for target in decode strings; do
  echo "== fuzzing $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=65536
done
