#!/usr/bin/env bash
# Builds the release site into dist/.
#
# The public URL is relative ("./"): every asset is found beside index.html, so the same dist/
# works at a domain's root or under any sub-path, with no rebuild.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"
trunk build --release --public-url ./ "$@"
