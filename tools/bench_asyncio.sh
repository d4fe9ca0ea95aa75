#!/usr/bin/env bash
# asyncio simulation speed (issue 4), in one run, the same event pattern three ways:
#   Interleave  bench/asyncio_bench (Google Benchmark, in-process lang::runProgram: parse, compile,
#               simulate, trace), min of 5 repetitions, process CPU time per run:
#                 p002     the lesson ../shared/seed-examples/p002_asyncio_1000.py: 1,000 tasks
#                          gathered, each `await asyncio.sleep(1)`
#                 10k x 10 10,000 tasks gathered, each awaiting asyncio.sleep 10 times with
#                          staggered delays of 1 + (i + 3k) mod 10 ms
#   SimPy 2.3   the peer: Debian's python3-simpy (SimPy 2.3.1, the classic API: Process classes,
#               `yield hold, self, t`), run by Debian's /usr/bin/python3 (where the package
#               lives): 1,000 processes each holding once for 1; 10,000 processes each holding 10
#               times with the same staggered delays; time.process_time, best of R runs
#   CPython     python3 running the very same asyncio programs for real: with their delays (CPU
#               time; the wall time is mostly sleeping) and with every delay 0 (the bare cost of
#               asyncio's event loop per step); best of R runs
# The unit is the task step: one resumption of a coroutine by the event loop (Task.__step), or of
# a SimPy process by its scheduler. T tasks x A awaits = T * (A + 1) steps (the first step runs
# a task up to its first await; the last one finishes it). Interleave's engine events
# (trace metrics.events) are shown too. Prints ns per step and the ratios.
#
# usage: tools/bench_asyncio.sh [ASYNCIO_BENCH [BASELINE_ASYNCIO_BENCH]]
#   default build/release/bench/asyncio_bench (configure with -DINTERLEAVE_BENCH=ON);
#   a second binary (another build's asyncio_bench) is measured in the same run and compared
#   (before/after a change); BENCH_RUNS=R (default 5) for SimPy and CPython; PYTHON=python3;
#   SIMPY_PYTHON=/usr/bin/python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BENCH_BIN="${1:-$root/build/release/bench/asyncio_bench}"
export BENCH_BASELINE="${2:-}"
export BENCH_LESSON="$(dirname "$root")/shared/seed-examples/p002_asyncio_1000.py"
export BENCH_PYTHON="${PYTHON:-python3}"
if [ -z "${SIMPY_PYTHON:-}" ]; then
  SIMPY_PYTHON=python3
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import SimPy.Simulation' 2>/dev/null; then
    SIMPY_PYTHON=/usr/bin/python3
  fi
fi
export SIMPY_PYTHON
[ -x "$BENCH_BIN" ] || { echo "missing $BENCH_BIN (build with -DINTERLEAVE_BENCH=ON)" >&2; exit 1; }
[ -z "$BENCH_BASELINE" ] || [ -x "$BENCH_BASELINE" ] || { echo "missing $BENCH_BASELINE" >&2; exit 1; }
"$SIMPY_PYTHON" -c 'import SimPy.Simulation' 2>/dev/null ||
  { echo "SimPy 2.x not importable by $SIMPY_PYTHON (apt-get install python3-simpy)" >&2; exit 1; }
exec "$BENCH_PYTHON" - <<'PY'
import json, os, subprocess, sys

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BIN = os.environ["BENCH_BIN"]
BASELINE = os.environ.get("BENCH_BASELINE", "")
PYTHON = os.environ["BENCH_PYTHON"]
SIMPY = os.environ["SIMPY_PYTHON"]
LESSON = os.environ["BENCH_LESSON"]

# Keep identical to tasksProgram() in bench/asyncio_bench.cpp.
TASKS_PROGRAM = '''import asyncio

TASKS = %d
AWAITS = %d

async def worker(i):
    for k in range(AWAITS):
        await asyncio.sleep((1 + (i + 3 * k) %% 10) / 1000)

async def main():
    await asyncio.gather(*[worker(i) for i in range(TASKS)])
    print('done')

asyncio.run(main())
'''

TIMED = '''
import time
best = float("inf")
for _ in range(%d):
    t = time.process_time()
    exec(compile(SRC, "prog.py", "exec"), {"__name__": "__main__"})
    best = min(best, time.process_time() - t)
import sys
sys.stderr.write("BEST %%r\\n" %% best)
'''


def cpython(src):
    """Best CPU seconds of running `src` (an asyncio program) in a fresh python3 process."""
    code = "SRC = %r\n" % src + TIMED % RUNS
    p = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
    return float(p.stderr.strip().split()[-1])


SIMPY_PEER = '''
from SimPy.Simulation import Process, activate, hold, initialize, simulate, now
import time

class Worker(Process):
    def run(self, delays):
        for d in delays:
            yield hold, self, d

def once(tasks, awaits, lesson):
    initialize()
    for i in range(tasks):
        w = Worker()
        delays = [1] if lesson else [1 + (i + 3 * k) % 10 for k in range(awaits)]
        activate(w, w.run(delays))
    simulate(until=10**9)
    return now()

best = float("inf")
for _ in range(RUNS):
    t = time.process_time()
    once(TASKS, AWAITS, LESSON)
    best = min(best, time.process_time() - t)
import sys
sys.stderr.write("BEST %r\\n" % best)
'''


def simpy(tasks, awaits, lesson):
    code = "RUNS, TASKS, AWAITS, LESSON = %d, %d, %d, %r\n" % (RUNS, tasks, awaits, lesson) + SIMPY_PEER
    p = subprocess.run([SIMPY, "-c", code], capture_output=True, text=True, check=True)
    return float(p.stderr.strip().split()[-1])


def interleave(binary):
    """{benchmark name: counters of the 'min' aggregate} from asyncio_bench."""
    p = subprocess.run([binary, "--benchmark_format=json"], capture_output=True, text=True, check=True)
    out = {}
    for b in json.loads(p.stdout)["benchmarks"]:
        if b.get("aggregate_name") == "min":
            if b.get("error_occurred"):
                sys.exit("asyncio_bench: %s: %s" % (b["run_name"], b.get("error_message")))
            out[b["run_name"].split("/min_time:")[0]] = b
    return out


simpy_ver = subprocess.run([SIMPY, "-c", "import SimPy; print(SimPy.__version__)"],
                           capture_output=True, text=True).stdout.strip()
print("Interleave: %s" % BIN)
if BASELINE:
    print("baseline (before): %s" % BASELINE)
print("SimPy %s under %s; CPython asyncio: %s" % (simpy_ver, SIMPY, subprocess.run(
    [PYTHON, "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True).stdout.strip()))
print("best/min of %d runs each, process CPU time; unit: task step (coroutine/process resumption)\n" % RUNS)

il = interleave(BIN)
base = interleave(BASELINE) if BASELINE else None
lesson_src = open(LESSON).read()
cases = [
    # label, asyncio_bench name, tasks, awaits, is the lesson
    ("p002 (1,000 x 1)", "BM_AsyncioLesson", 1000, 1, True),
    ("1,000 x 10", "BM_AsyncioTasks/1000/10", 1000, 10, False),
    ("10,000 x 10", "BM_AsyncioTasks/10000/10", 10000, 10, False),
]
rows = []
for label, name, tasks, awaits, lesson in cases:
    b = il[name]
    steps = tasks * (awaits + 1)
    il_s = b["cpu_ms"] / 1e3
    sp_s = simpy(tasks, awaits, lesson)
    if lesson:
        zero = lesson_src.replace("asyncio.sleep(1)", "asyncio.sleep(0)")
        src = lesson_src
    else:
        src = TASKS_PROGRAM % (tasks, awaits)
        zero = src.replace("(1 + (i + 3 * k) % 10) / 1000", "0")
    assert zero != src
    cp_s = cpython(src)
    cp0_s = cpython(zero)
    rows.append((label, steps, int(b["events"]), il_s, sp_s, cp_s, cp0_s))

start = il["BM_AsyncioEmpty"]["cpu_ms"]
print("Interleave start-up (import asyncio, asyncio.run of an empty coroutine): %.2f ms%s\n" % (
    start, " (before: %.2f ms)" % base["BM_AsyncioEmpty"]["cpu_ms"] if base else ""))
if base:
    print("| case | before ms | before ns/step | before events | after ms | after ns/step | after events | speed-up |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, name, tasks, awaits, lesson in cases:
        steps = tasks * (awaits + 1)
        b, a = base[name], il[name]
        print("| %s | %.2f | %.0f | %d | %.2f | %.0f | %d | **%.1fx** |" % (
            label, b["cpu_ms"], b["cpu_ms"] * 1e6 / steps, int(b["events"]), a["cpu_ms"],
            a["cpu_ms"] * 1e6 / steps, int(a["events"]), b["cpu_ms"] / a["cpu_ms"]))
    print()
hdr = ("case", "steps", "IL events", "IL ms", "IL ns/step", "IL ns/event", "SimPy ms", "SimPy ns/step",
       "IL/SimPy", "CPy ms", "CPy ns/step", "CPy(0) ns/step", "IL/CPy")
print("| " + " | ".join(hdr) + " |")
print("|" + "|".join(["---"] + ["---:"] * (len(hdr) - 1)) + "|")
for label, steps, events, il_s, sp_s, cp_s, cp0_s in rows:
    print("| %s | %d | %d | %.2f | %.0f | %.0f | %.2f | %.0f | **%.2fx** | %.2f | %.0f | %.0f | %.1fx |" % (
        label, steps, events, il_s * 1e3, il_s * 1e9 / steps, il_s * 1e9 / events, sp_s * 1e3,
        sp_s * 1e9 / steps, il_s / sp_s, cp_s * 1e3, cp_s * 1e9 / steps, cp0_s * 1e9 / steps,
        il_s / cp_s))
print("\nIL = Interleave (native, whole run incl. parse/compile/trace); IL/SimPy and IL/CPy are time"
      " ratios (lower is better for Interleave); CPy(0) = CPython with every delay 0.")
PY
