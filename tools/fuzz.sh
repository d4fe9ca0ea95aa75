#!/usr/bin/env bash
# Builds the two libFuzzer targets (tests/fuzz/parser_fuzz.cpp, tests/fuzz/vm_fuzz.cpp) with
# clang++ -fsanitize=fuzzer,address,undefined -O1 -g straight from the engine/ and lang/ sources
# (its own ninja file under build/fuzz/, so the CMake presets are untouched), then runs each for
# the given number of seconds, one after the other, on one core each.
#
#   bash tools/fuzz.sh 600              # build, then 10 minutes of each fuzzer
#   bash tools/fuzz.sh 600 vm           # only one of them: parser | vm | both (default)
#   bash tools/fuzz.sh 0                # only build
#   FUZZ_PARALLEL=1 bash tools/fuzz.sh 900   # both at once (one core each)
#   FUZZ_KEEP_GOING=1 bash tools/fuzz.sh 1500 # fork mode: record findings and keep fuzzing
#
# Seeds come from tests/fuzz/corpus/ and tests/lang/corpus/ (read only); the growing corpus lives in
# build/fuzz/corpus-<name>/, logs in build/fuzz/<name>.log, and crashes, timeouts, leaks and
# OOMs in build/fuzz/artifacts/<name>-*. Reproduce one with
#   build/fuzz/<name>_fuzz build/fuzz/artifacts/<name>-crash-…
# Exits non-zero if a fuzzer found anything. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SECONDS_EACH="${1:-600}"
WHICH="${2:-both}"
OUT="build/fuzz"
CXX="${CXX_FUZZ:-clang++}"

log() { printf '[fuzz] %s\n' "$*"; }
die() { printf '[fuzz] error: %s\n' "$*" >&2; exit 1; }

command -v "$CXX" >/dev/null || die "$CXX not found (apt-get install -y clang)"
command -v ninja >/dev/null || die "ninja not found (apt-get install -y ninja-build)"
case "$WHICH" in parser|vm) targets=("$WHICH") ;; both) targets=(parser vm) ;; *) die "unknown target '$WHICH' (parser, vm or both)" ;; esac

mkdir -p "$OUT/obj" "$OUT/artifacts"

# --- build -----------------------------------------------------------------------------------
# Library code gets coverage instrumentation (fuzzer-no-link); the targets link libFuzzer's main.
# -fno-exceptions: the project must not rely on C++ exceptions.
common="-std=c++20 -O1 -g -fno-omit-frame-pointer -fno-exceptions -ffp-contract=off"
common+=" -fsanitize=address,undefined -fno-sanitize-recover=undefined"
common+=" -I../../engine -I../../lang"  # relative to $OUT, where ninja runs
sources=(engine/*.cpp lang/*.cpp)
if compgen -G "lang/modules/*.cpp" >/dev/null; then sources+=(lang/modules/*.cpp); fi

{
  echo "cxx = $CXX"
  echo "common = $common"
  echo "rule cc"
  echo "  command = \$cxx \$common \$extra -MMD -MF \$out.d -c \$in -o \$out"
  echo "  depfile = \$out.d"
  echo "  deps = gcc"
  echo "  description = CXX \$in"
  echo "rule link"
  echo "  command = \$cxx \$common -fsanitize=fuzzer \$in -o \$out"
  echo "  description = LINK \$out"
  objs=()
  for src in "${sources[@]}"; do
    obj="obj/${src//\//_}.o"
    echo "build $obj: cc ../../$src"
    echo "  extra = -fsanitize=fuzzer-no-link"
    objs+=("$obj")
  done
  # The library modules written in Python (lang/lib/*.py), embedded as in the CMake build.
  echo "rule embed"
  echo "  command = cmake -DOUT=\$out -DLIB_DIR=../../lang/lib -P ../../lang/lib/embed.cmake"
  echo "  description = EMBED lang/lib"
  echo "build library_sources.cpp: embed $(printf '../../%s ' lang/lib/*.py lang/lib/embed.cmake)"
  echo "build obj/library_sources.o: cc library_sources.cpp"
  echo "  extra = -fsanitize=fuzzer-no-link"
  objs+=("obj/library_sources.o")
  for t in parser vm; do
    echo "build obj/${t}_fuzz.o: cc ../../tests/fuzz/${t}_fuzz.cpp"
    echo "  extra = -fsanitize=fuzzer"
    echo "build ${t}_fuzz: link obj/${t}_fuzz.o ${objs[*]}"
  done
} > "$OUT/build.ninja.new"
if ! cmp -s "$OUT/build.ninja.new" "$OUT/build.ninja" 2>/dev/null; then mv "$OUT/build.ninja.new" "$OUT/build.ninja"; else rm "$OUT/build.ninja.new"; fi

log "building with $("$CXX" --version | head -n1)"
ninja -C "$OUT" -j "${FUZZ_BUILD_JOBS:-2}" "${targets[@]/%/_fuzz}"

[ "$SECONDS_EACH" -gt 0 ] || { log "built ${targets[*]/%/_fuzz} in $OUT; not running (0 seconds)"; exit 0; }

# --- run -------------------------------------------------------------------------------------
# -timeout=10: any single input taking over 10 s is a hang (a finding).
# -rss_limit_mb=2048 / -malloc_limit_mb=2048: a program that exhausts memory is a finding too
# (the VM caps sequences at 64 Mi items; nothing should need 2 GB).
run_one() {
  local name="$1" max_len
  max_len=$([ "$name" = vm ] && echo 4096 || echo 8192)
  mkdir -p "$OUT/corpus-$name"
  local before
  before="$(find "$OUT/artifacts" -name "$name-*" | wc -l)"
  log "running ${name}_fuzz for ${SECONDS_EACH}s (log: $OUT/$name.log)"
  touch "$OUT/$name.log.start"
  local rc=0 extra=()
  # Keep going: libFuzzer's fork mode with one worker (still one core) records each crash,
  # timeout or OOM in the artifacts and carries on instead of stopping at the first one.
  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then extra=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1); fi
  "$OUT/${name}_fuzz" "${extra[@]}" "$OUT/corpus-$name" "${seeds[@]}" \
    -dict=tests/fuzz/python.dict -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_total_time="$SECONDS_EACH" \
    -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$name-" \
    >"$OUT/$name.log" 2>&1 || rc=$?
  # "#123456  DONE   cov: 5432 ft: 12345 corp: 987/65Kb ..." and the final stats.
  local last
  last="$(grep -E '^#[0-9]+' "$OUT/$name.log" | tail -n1 || true)"
  log "$name: ${last:-no status line}"
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$OUT/$name.log" | sed "s/^/[fuzz] $name: /" || true
  local found
  found=$(($(find "$OUT/artifacts" -name "$name-*" | wc -l) - before))
  # In fork mode (FUZZ_KEEP_GOING) libFuzzer exits 0 even after recording findings.
  if [ "$rc" -eq 0 ] && [ "$found" -gt 0 ]; then rc=1; fi
  if [ "$rc" -ne 0 ]; then
    log "$name: $found new artifact(s):"
    find "$OUT/artifacts" -name "$name-*" -newer "$OUT/$name.log.start" | sed "s/^/[fuzz]   /" || true
    log "$name: FOUND SOMETHING (exit $rc); see $OUT/$name.log and $OUT/artifacts/"
    grep -E 'ERROR: |runtime error:|SUMMARY: |contract violated' "$OUT/$name.log" | head -n 5 | sed "s/^/[fuzz] $name: /" || true
  else
    log "$name: ran clean for ${SECONDS_EACH}s"
  fi
  return "$rc"
}

# Seeds, read only (libFuzzer reads folders recursively and writes only to the first one):
# tests/fuzz/corpus (a selection plus the lesson files) and the whole language test corpus.
seeds=(tests/fuzz/corpus)
if [ -d tests/lang/corpus ]; then seeds+=(tests/lang/corpus); fi

status=0
if [ "${FUZZ_PARALLEL:-0}" = 1 ] && [ "${#targets[@]}" -gt 1 ]; then
  pids=()
  for t in "${targets[@]}"; do run_one "$t" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
else
  for t in "${targets[@]}"; do run_one "$t" || status=1; done
fi
exit "$status"
