# Sourced by the other scripts: where the project's tools are found.
#
# Trunk finds wasm-bindgen and wasm-opt only through PATH. The npm-installed binaryen (wasm-opt
# 132) must come before any system wasm-opt: Debian's binaryen 108 builds an app that dies at
# start-up.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$repo_root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Trunk must never download a tool; it fails with a clear message instead.
export TRUNK_OFFLINE=true
