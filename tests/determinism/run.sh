#!/usr/bin/env bash
# Native vs wasm determinism: every built-in scenario, in json, text and chrome formats, run by the
# native CLI and by the wasm CLI under Node, must give byte-identical output.
# Builds nothing.
#
# usage: tests/determinism/run.sh [NATIVE_CLI] [WASM_CLI_JS]
#   defaults: build/release/cli/interleave and build/wasm/cli/interleave.js (from the repo root)
# Extra settings for every run can be given in INTERLEAVE_DETERMINISM_ARGS, e.g. "--cores 2".
# Prints one line per difference and 'N passed, N failed' last; exits 1 on any difference.
set -u

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
native="${1:-$root/build/release/cli/interleave}"
wasm="${2:-$root/build/wasm/cli/interleave.js}"
extra=(${INTERLEAVE_DETERMINISM_ARGS:-})

if [ ! -x "$native" ]; then
  echo "determinism: native CLI not found: $native (cmake --build --preset release)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ! -f "$wasm" ]; then
  echo "determinism: wasm CLI not found: $wasm (cmake --build --preset wasm --target interleave)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
node_cmd=(node --no-experimental-fetch "$wasm")

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# The scenario lists must agree too.
"$native" list >"$tmp/list.native" 2>"$tmp/list.native.err"
"${node_cmd[@]}" list >"$tmp/list.wasm" 2>"$tmp/list.wasm.err"
if cmp -s "$tmp/list.native" "$tmp/list.wasm" && [ -s "$tmp/list.native" ]; then
  passed=$((passed + 1))
else
  fail "interleave list differs (or is empty)"
  diff "$tmp/list.native" "$tmp/list.wasm" | head -20
fi

names=$(awk 'NF { print $1 }' "$tmp/list.native")
for name in $names; do
  for format in json text chrome; do
    n="$tmp/$name.$format.native"
    w="$tmp/$name.$format.wasm"
    "$native" scenario "$name" --format "$format" "${extra[@]}" >"$n" 2>"$n.err"
    nrc=$?
    "${node_cmd[@]}" scenario "$name" --format "$format" "${extra[@]}" >"$w" 2>"$w.err"
    wrc=$?
    if [ "$nrc" -ne 0 ] || [ "$wrc" -ne 0 ]; then
      fail "$name $format: exit status native=$nrc wasm=$wrc"
      head -c 400 "$n.err" "$w.err"
      continue
    fi
    if cmp -s "$n" "$w"; then
      passed=$((passed + 1))
      echo "ok   $name $format ($(wc -c <"$n") bytes)"
    else
      fail "$name $format: native and wasm outputs differ"
      diff "$n" "$w" | head -20
    fi
  done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
