#!/usr/bin/env bash
# The playground on this machine: sets everything up (tools/setup.sh), builds the page with the
# `wasm` preset and serves it on http://127.0.0.1:${PORT:-8000}/ until Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-8000}"
export NODE_PATH=/usr/share/nodejs  # emcc's JS tools need Debian's node modules (acorn)

bash tools/setup.sh
echo "[playground] building the page (cmake preset wasm)"
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target interleave_site

SITE="build/wasm/site"
[ -f "$SITE/index.html" ] && [ -f "$SITE/app.js" ] || { echo "[playground] $SITE is incomplete" >&2; exit 1; }
echo "[playground] serving $SITE at http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec python3 -m http.server --bind 127.0.0.1 --directory "$SITE" "$PORT"
