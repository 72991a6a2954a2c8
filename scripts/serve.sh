#!/usr/bin/env bash
# Installs what is missing, then builds and serves the app on http://127.0.0.1:8080,
# rebuilding when a source file changes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$repo_root/scripts/setup.sh"
cd "$repo_root"
echo "Serving Fix 1002 on http://127.0.0.1:8080 (Ctrl-C to stop)"
exec trunk serve --release --address 127.0.0.1 --port 8080 --no-autoreload
