#!/usr/bin/env bash
# Every test: sets everything up (tools/setup.sh), builds the native `release` preset (tests and
# benchmarks) and runs CTest, builds the `wasm` preset (the page and the CLI for Node), compares
# native and wasm CLI output (tests/determinism/run.sh), and runs the browser tests (headless
# Chromium). Builds stop at the first error; test stages all run, and the script exits non-zero
# if any failed. The last line sums up the test counts of all stages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export NODE_PATH=/usr/share/nodejs  # emcc's JS tools need Debian's node modules (acorn)
LOGS="build/test-logs"

step() { printf '\n=== %s\n' "$*"; }
failed_stages=()
passed_total=0
failed_total=0
count() {  # count PASSED FAILED
  passed_total=$((passed_total + $1))
  failed_total=$((failed_total + $2))
}

step "setup"
bash tools/setup.sh

step "native build (preset release: tests and benchmarks)"
cmake --preset release
cmake --build --preset release

mkdir -p "$LOGS"

step "unit tests (ctest --preset release)"
if ctest --preset release 2>&1 | tee "$LOGS/ctest.log"; then :; else failed_stages+=("ctest"); fi
# "100% tests passed, 0 tests failed out of 57"
if summary="$(grep -Eo '[0-9]+ tests failed out of [0-9]+' "$LOGS/ctest.log" | tail -n1)" && [ -n "$summary" ]; then
  f="$(echo "$summary" | awk '{print $1}')"
  n="$(echo "$summary" | awk '{print $NF}')"
  count $((n - f)) "$f"
else
  failed_stages+=("ctest (no summary)")
  count 0 1
fi

step "wasm build (preset wasm: the page and the CLI for Node)"
cmake --preset wasm
cmake --build --preset wasm

if [ -f tests/determinism/run.sh ]; then
  step "native vs wasm determinism (tests/determinism/run.sh)"
  if bash tests/determinism/run.sh 2>&1 | tee "$LOGS/determinism.log"; then :; else failed_stages+=("determinism"); fi
  if line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOGS/determinism.log" | tail -n1)" && [ -n "$line" ]; then
    count "$(echo "$line" | awk '{print $1}')" "$(echo "$line" | awk '{print $3}')"
  fi
fi

step "browser tests (node --test tests/browser, headless Chromium)"
if node --test --test-reporter=tap tests/browser/*.test.mjs 2>&1 | tee "$LOGS/browser.log"; then :; else
  failed_stages+=("browser")
fi
p="$(grep -E '^# pass [0-9]+' "$LOGS/browser.log" | tail -n1 | awk '{print $3}')"
f="$(grep -E '^# fail [0-9]+' "$LOGS/browser.log" | tail -n1 | awk '{print $3}')"
count "${p:-0}" "${f:-1}"

step "summary"
if [ "${#failed_stages[@]}" -gt 0 ]; then
  echo "failed: ${failed_stages[*]}"
  echo "total: $passed_total passed, $failed_total failed"
  exit 1
fi
echo "all test stages passed"
echo "total: $passed_total passed, $failed_total failed"
