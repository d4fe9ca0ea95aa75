#!/usr/bin/env bash
# Native vs wasm determinism: every built-in scenario, in json, text, chrome and svg formats, the
# lesson files (../shared/seed-examples next to the repository root), in json, output and svg
# formats (svg also zoomed into a range), and the gallery examples (gallery/, embedded) in json,
# run by the native CLI and by the wasm CLI under Node, must give byte-identical output (stdout,
# and the exit status; for lesson files and gallery examples stderr too).
# Builds nothing.
#
# usage: tests/determinism/run.sh [NATIVE_CLI] [WASM_CLI_JS]
#   defaults: build/release/cli/interleave and build/wasm/cli/interleave.js (from the repo root)
#   INTERLEAVE_SEED_DIR overrides the lesson files' folder.
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
  for format in json text chrome svg; do
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

# The lesson files (a scenario is a Python program). Absolute paths: the wasm CLI sees the
# real file system through NODERAWFS. Both run from the seed folder, as `python3 FILE` would.
seed_dir="${INTERLEAVE_SEED_DIR:-$(dirname "$root")/shared/seed-examples}"
# Every lesson file (issue 4: native and wasm traces of every seed example are byte-identical).
lessons=()
for f in "$seed_dir"/*.py; do lessons+=("$(basename "$f")"); done
[ "${#lessons[@]}" -gt 0 ] || fail "no lesson files in $seed_dir"
for lesson in "${lessons[@]}"; do
  file="$seed_dir/$lesson"
  if [ ! -f "$file" ]; then
    fail "lesson file not found: $file"
    continue
  fi
  for format in json output svg svg-range; do
    n="$tmp/$lesson.$format.native"
    w="$tmp/$lesson.$format.wasm"
    args=(--format "$format")
    # The SVG of a zoomed view: the page exports the visible range.
    [ "$format" = svg-range ] && args=(--format svg --width 900 --range 1ms:7.5ms)
    (cd "$seed_dir" && "$native" run "$file" "${args[@]}" "${extra[@]}") >"$n" 2>"$n.err"
    nrc=$?
    (cd "$seed_dir" && "${node_cmd[@]}" run "$file" "${args[@]}" "${extra[@]}") >"$w" 2>"$w.err"
    wrc=$?
    if [ "$nrc" -ne "$wrc" ]; then
      fail "$lesson $format: exit status native=$nrc wasm=$wrc"
      head -c 400 "$n.err" "$w.err"
      continue
    fi
    # A lesson may fail as CPython does (p002_process_pool_fast_io: a PicklingError, status 1);
    # 2 and up are Interleave's own errors.
    if [ "$nrc" -gt 1 ] && [ "$format" != output ]; then
      fail "$lesson $format: exit status $nrc"
      head -c 400 "$n.err"
      continue
    fi
    # Some lessons print nothing (their point is the timeline); their json trace never is empty.
    if [ "$format" != output ] && ! [ -s "$n" ]; then
      fail "$lesson $format: empty output"
      head -c 400 "$n.err"
    elif cmp -s "$n" "$w" && cmp -s "$n.err" "$w.err"; then
      passed=$((passed + 1))
      echo "ok   $lesson $format ($(wc -c <"$n") bytes)"
    else
      fail "$lesson $format: native and wasm outputs differ"
      diff "$n" "$w" | head -20
      diff "$n.err" "$w.err" | head -20
    fi
  done
done

# The gallery examples (embedded in both CLIs), as written, in json.
"$native" gallery >"$tmp/gallery.native" 2>&1
"${node_cmd[@]}" gallery >"$tmp/gallery.wasm" 2>&1
if cmp -s "$tmp/gallery.native" "$tmp/gallery.wasm" && [ -s "$tmp/gallery.native" ]; then
  passed=$((passed + 1))
else
  fail "interleave gallery differs (or is empty)"
fi
for slug in $(awk 'NF { print $2 }' "$tmp/gallery.native"); do
  n="$tmp/gallery-$slug.native"
  w="$tmp/gallery-$slug.wasm"
  "$native" run "gallery:$slug" --format json "${extra[@]}" >"$n" 2>"$n.err"
  nrc=$?
  "${node_cmd[@]}" run "gallery:$slug" --format json "${extra[@]}" >"$w" 2>"$w.err"
  wrc=$?
  if [ "$nrc" -ne "$wrc" ] || ! [ -s "$n" ]; then
    fail "gallery:$slug: exit status native=$nrc wasm=$wrc (or empty output)"
  elif cmp -s "$n" "$w" && cmp -s "$n.err" "$w.err"; then
    passed=$((passed + 1))
    echo "ok   gallery:$slug json ($(wc -c <"$n") bytes)"
  else
    fail "gallery:$slug json: native and wasm outputs differ"
    diff "$n" "$w" | head -20
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
