#!/usr/bin/env bash
# The playground on this machine: sets everything up (tools/setup.sh), builds the page with the
# `wasm` preset and serves it until Ctrl-C:
#   http://127.0.0.1:${PORT:-8000}/             the playground
#   http://127.0.0.1:${PORT:-8000}/embed.html   the embed (docs/embed.md)
#   http://127.0.0.1:$((PORT+1))/host-sample/?embed=http://127.0.0.1:$PORT/embed.html
#                                                the sample host page, on another origin (port)
#                                                than the embed it frames, as on a course site
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-8000}"
HOST_PORT="${HOST_PORT:-$((PORT + 1))}"
export NODE_PATH=/usr/share/nodejs  # emcc's JS tools need Debian's node modules (acorn)

bash tools/setup.sh
echo "[playground] building the page (cmake preset wasm)"
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target interleave_site

SITE="build/wasm/site"
[ -f "$SITE/index.html" ] && [ -f "$SITE/app.js" ] || { echo "[playground] $SITE is incomplete" >&2; exit 1; }
# The sample host page from a second server: another port is another origin, so the embed is
# cross-origin as it is on a course site.
python3 -m http.server --bind 127.0.0.1 --directory "$SITE" "$HOST_PORT" >/dev/null 2>&1 &
host_server=$!
trap 'kill "$host_server" 2>/dev/null || true' EXIT INT TERM
echo "[playground] playground:  http://127.0.0.1:$PORT/"
echo "[playground] embed:       http://127.0.0.1:$PORT/embed.html (options: docs/embed.md)"
echo "[playground] host sample: http://127.0.0.1:$HOST_PORT/host-sample/?embed=http://127.0.0.1:$PORT/embed.html"
echo "[playground] serving $SITE (Ctrl-C to stop)"
python3 -m http.server --bind 127.0.0.1 --directory "$SITE" "$PORT"
