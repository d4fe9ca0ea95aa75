#!/usr/bin/env bash
# VM speed against CPython on three pure-Python loop shapes (the programs of bench/vm_bench.cpp),
# n = 200,000 iterations each:
#   for_range_total   `for i in range(n): total += i * i` inside a function
#   sum_genexpr       `sum(x**2 for x in range(n))`
#   while_call_attr   a while loop with a call and an attribute update
#                     (`obj.count = obj.count + step(i)`)
# Measured in the same run, each the best of R runs (other jobs on the machine only add time):
#   CPython     python3, time.perf_counter (wall) and time.thread_time (CPU) around the loop,
#               after 10 warm-up calls (CPython 3.11 specialises a while-loop function only at
#               its 8th call; the cold calls are ~2x slower, see docs/benchmarks.md);
#   native CLI  `interleave run --format output prog.py`, the whole process timed (wall, and the
#               child's user+sys CPU time), minus the best time of the same program with n = 0
#               (start-up: process, parse, compile, simulation set-up); the program prints only
#               its result, nothing timing-related, and the result is checked against CPython's;
#   wasm CLI    the same under Node (`node --no-experimental-fetch interleave.js run ...`).
# Prints ns per iteration and the ratio CPython_time / Interleave_time (goal >= 0.5 natively),
# once for wall time and once for CPU time. On a loaded machine trust the CPU-time table.
#
# usage: tools/bench_vm.sh [NATIVE_CLI] [WASM_CLI_JS]
#   defaults: build/release/cli/interleave, build/wasm/cli/interleave.js; a missing CLI is skipped.
#   BENCH_RUNS=R (default 5), BENCH_N=n (default 200000), PYTHON=python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BENCH_NATIVE="${1:-$root/build/release/cli/interleave}"
export BENCH_WASM="${2:-$root/build/wasm/cli/interleave.js}"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
exec "${PYTHON:-python3}" - <<'PY'
import os, resource, subprocess, sys, tempfile, time

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
N = int(os.environ.get("BENCH_N", "200000"))
NATIVE = os.environ["BENCH_NATIVE"]
WASM = os.environ["BENCH_WASM"]

# Keep identical to kPrelude in bench/vm_bench.cpp.
PRELUDE = '''
def for_range_total(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

def sum_genexpr(n):
    return sum(x**2 for x in range(n))

class Counter:
    def __init__(self):
        self.count = 0

def step(i):
    return i & 3

def while_call_attr(n):
    obj = Counter()
    i = 0
    while i < n:
        obj.count = obj.count + step(i)
        i += 1
    return obj.count
'''
SHAPES = ["for_range_total", "sum_genexpr", "while_call_attr"]


def program(shape, n):
    return PRELUDE + "\nprint(%s(%d))\n" % (shape, n)


def cpython(shape):
    """(wall s, cpu s, printed result) of the loop in python3, best of RUNS, in a fresh process."""
    harness = PRELUDE + '''
import time
# Warm up: CPython 3.11 quickens (specialises) a function whose only loop is a `while` (compiled
# to POP_JUMP_BACKWARD_IF_TRUE, which does not count towards warm-up) only at its 8th call; the
# first 7 calls run about 2x slower. Measure the specialised steady state, as for `for` loops.
for _ in range(10):
    %s(64)
best_wall = best_cpu = float("inf")
for _ in range(%d):
    w, c = time.perf_counter(), time.thread_time()
    result = %s(%d)
    c, w = time.thread_time() - c, time.perf_counter() - w
    best_wall, best_cpu = min(best_wall, w), min(best_cpu, c)
print(best_wall, best_cpu, result)
''' % (shape, RUNS, shape, N)
    out = subprocess.run([sys.executable, "-c", harness], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), float(out[1]), out[2] + "\n"


def timed(cmd, cwd):
    """(wall s, child cpu s, stdout) of one process run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr[-400:]))
    return wall, cpu, p.stdout


def best(cmd, cwd):
    runs = [timed(cmd, cwd) for _ in range(RUNS)]
    return min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]


def cli_times(prefix, files, expected, tmp):
    """{shape: (wall s, cpu s)} of the loops under a CLI, start-up subtracted."""
    base_wall, base_cpu, _ = best(prefix + [files["empty"]], tmp)
    times = {"empty": (base_wall, base_cpu)}
    for shape in SHAPES:
        wall, cpu, out = best(prefix + [files[shape]], tmp)
        if out != expected[shape]:
            raise RuntimeError("%s printed %r, CPython %r" % (shape, out, expected[shape]))
        times[shape] = (wall - base_wall, cpu - base_cpu)
    return times


def main():
    tmp = tempfile.mkdtemp(prefix="bench_vm.")
    files = {}
    for shape in SHAPES:
        files[shape] = os.path.join(tmp, shape + ".py")
        with open(files[shape], "w") as f:
            f.write(program(shape, N))
    files["empty"] = os.path.join(tmp, "empty.py")
    with open(files["empty"], "w") as f:
        f.write(program("for_range_total", 0))

    print("VM speed, n = %d, best of %d; load average %s" % (
        N, RUNS, " ".join("%.2f" % x for x in os.getloadavg())))
    py = {}
    expected = {}
    for shape in SHAPES:
        wall, cpu, result = cpython(shape)
        py[shape] = (wall, cpu)
        expected[shape] = result
    columns = [("CPython", None)]
    results = {}
    for label, prefix, path in (
            ("native", [NATIVE, "run", "--format", "output"], NATIVE),
            ("wasm", ["node", "--no-experimental-fetch", WASM, "run", "--format", "output"], WASM)):
        if not os.path.exists(path):
            print("(%s CLI not found: %s; skipped)" % (label, path))
            continue
        results[label] = cli_times(prefix, files, expected, tmp)
        columns.append((label, results[label]))
        print("%s start-up (n = 0 program): %.1f ms wall, %.1f ms CPU" % (
            label, results[label]["empty"][0] * 1e3, results[label]["empty"][1] * 1e3))

    for index, clock in ((0, "wall time"), (1, "CPU time")):
        print()
        header = "%-16s %12s" % ("%s, ns/iter" % clock.split()[0], "CPython")
        for label, _ in columns[1:]:
            header += " %12s %8s" % (label, "ratio")
        print(header)
        for shape in SHAPES:
            ref = py[shape][index]
            line = "%-16s %12.1f" % (shape, ref / N * 1e9)
            for label, times in columns[1:]:
                t = times[shape][index]
                ratio = ref / t if t > 0 else float("inf")
                line += " %12.1f %7.2fx" % (t / N * 1e9, ratio)
            print(line)
    print()
    print("ratio = CPython time / Interleave time (goal >= 0.5 natively)")


main()
PY
