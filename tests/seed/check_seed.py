#!/usr/bin/env python3
"""Golden test: the lesson files without network print what CPython 3.11 prints (timings aside).

For each lesson file in ../shared/seed-examples/ (next to the repository root), run
`interleave run --format output FILE.py` with the seed folder as working directory, mask what
varies between runs (see mask()), and compare with tests/seed/<name>.expected, recorded from
`python3 FILE.py` by tools/record_seed.py. stderr and the exit status must match too
(<name>.expected-stderr and <name>.expected-exit, absent when empty / 0).

Usage:
    tests/seed/check_seed.py [INTERLEAVE_CLI] [--seed-dir DIR] [-v]

The last line printed is always `N passed, N failed`; the exit status is 1 if anything failed.
"""

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seed-examples"
DEFAULT_CLI = REPO / "build" / "release" / "cli" / "interleave"
TIMEOUT = 120.0

# Every lesson file that uses no network (issues 3 and 4). The network ones (requests, aiohttp)
# print what a real web API answers; tests/lang/corpus_network covers the simulated server.
LESSONS = [
    "p001_io_vs_cpu.py",
    "p002_asyncio_1000.py",
    "p002_blocking_in_async.py",
    "p002_process_pool_cpu.py",
    "p002_process_pool_fast_io.py",
    "p002_shared_state.py",
    "p002_threads_io.py",
    "p002_unawaited.py",
    "p003_process_factorial.py",
    "p003_queue_pipeline.py",
    "p003_race.py",
    "p003_race_lock.py",
    "p004_asyncio_gather.py",
    "p004_threads_fetch.py",
]

# Lessons whose traceback goes through library code: CPython prints the frames of its
# concurrent/futures/*.py and multiprocessing/*.py, Interleave hides library frames (as it
# hides its own), so only the traceback's header lines and the exception line are compared.
LIBRARY_TRACEBACK = {"p002_process_pool_fast_io.py"}

_DURATION_RE = re.compile(r"(?<![\w.])\d+\.\d+s\b")
_TIMING_RE = re.compile(r"(Time taken[^:\n]*: )\d+\.\d+(e-?\d+)?")
_ADDR_RE = re.compile(r"0x[0-9a-f]+")
_IDENT_RE = re.compile(r"started \d+")
_PATH_RE = re.compile(r'(File ")[^"\n]*/([^"/\n]*")')
_WARNING_PATH_RE = re.compile(r"^[^\s:]*/([^/\s:]+\.py:\d+: )", re.M)


def mask(text):
    """Mask what varies between runs and machines.

    - decimal durations (`0.20s`, `1.0s`) become `<t>s`: timings are compared elsewhere;
    - `Time taken ...: 3.48` becomes `Time taken ...: <t>`;
    - hexadecimal addresses (`0x7f3a...`) become `0x?`;
    - thread idents (`started 140256056104640`) become `started ?`;
    - traceback file names lose their directory (`File "/abs/dir/name.py"` -> `File "name.py"`).
    """
    text = _DURATION_RE.sub("<t>s", text)
    text = _TIMING_RE.sub(r"\1<t>", text)
    text = _ADDR_RE.sub("0x?", text)
    text = _IDENT_RE.sub("started ?", text)
    text = _WARNING_PATH_RE.sub(r"\1", text)
    return _PATH_RE.sub(r"\1\2", text)


def library_traceback(text):
    """Keep a traceback's non-frame lines: headers, the exception lines, blank lines."""
    keep = []
    for line in text.splitlines(True):
        if line.startswith("  ") or line.startswith("Traceback (most recent call last):"):
            continue  # a frame ("  File ...") or its source line and carets; a header
        keep.append(line)
    return "".join(keep)


def expected_paths(name):
    stem = Path(name).stem
    return (HERE / (stem + ".expected"), HERE / (stem + ".expected-stderr"),
            HERE / (stem + ".expected-exit"))


def read_expected(name):
    out_p, err_p, exit_p = expected_paths(name)
    out = out_p.read_text(encoding="utf-8")
    err = err_p.read_text(encoding="utf-8") if err_p.exists() else ""
    status = int(exit_p.read_text().strip()) if exit_p.exists() else 0
    return out, err, status


def run(cmd, seed_dir):
    """(stdout, stderr, status) of a command run in the seed folder; status 'timeout' if stuck."""
    try:
        p = subprocess.run(cmd, cwd=seed_dir, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "", "timed out after %g s\n" % TIMEOUT, "timeout"
    return (p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
            p.returncode)


def diff(what, expected, actual):
    lines = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                 "expected " + what, "actual " + what)
    return "".join("    " + line if line.endswith("\n") else "    " + line + "\n"
                   for line in lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cli", nargs="?", default=str(DEFAULT_CLI), help="the native interleave CLI")
    ap.add_argument("--seed-dir", default=str(SEED_DIR), help="the lesson files' folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the masked outputs")
    args = ap.parse_args()
    seed_dir = Path(args.seed_dir)

    passed = failed = 0
    for name in LESSONS:
        if not (seed_dir / name).exists():
            print("FAIL %s: lesson file not found in %s" % (name, seed_dir))
            failed += 1
            continue
        try:
            exp_out, exp_err, exp_status = read_expected(name)
        except OSError as e:
            print("FAIL %s: no expectation (%s); run tools/record_seed.py" % (name, e))
            failed += 1
            continue
        out, err, status = run([args.cli, "run", "--format", "output", name], seed_dir)
        out, err = mask(out), mask(err)
        if name in LIBRARY_TRACEBACK:
            err, exp_err = library_traceback(err), library_traceback(exp_err)
        problems = []
        if out != exp_out:
            problems.append("stdout differs:\n" + diff("stdout", exp_out, out))
        if err != exp_err:
            problems.append("stderr differs:\n" + diff("stderr", exp_err, err))
        if status != exp_status:
            problems.append("exit status %s, expected %s" % (status, exp_status))
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("  " + p.rstrip("\n"))
        else:
            passed += 1
            print("ok   %s" % name)
        if args.verbose:
            sys.stdout.write(out + err)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
