#!/usr/bin/env python3
"""Before/after check of an engine or VM change: runs every Python program under tests/ and
../shared/seed-examples/ with two builds of the CLI (`interleave run FILE --format json`) and
compares the results byte for byte (the whole trace, stderr, exit status).

Usage:
    tools/compare_runs.py BEFORE_CLI AFTER_CLI [FILE.py ...] [--args "--cores 2"] [--jobs N]

For a file whose JSON differs it says what differs: the program's output (text, stream, thread;
then also its virtual times), the metrics (each one, before -> after), the lanes' segments or
the rest of the trace. Exits 1 if anything differs. Each run has a time limit (--timeout, 120 s
by default); a run that hits it on both sides counts as equal only if both time out.

Programs run with their own folder as the working directory (some read files next to them).
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO.parent / "shared" / "seed-examples"


def default_files():
    files = sorted(REPO.glob("tests/**/*.py"))
    files += sorted(SEED_DIR.glob("*.py"))
    return [f for f in files if "__pycache__" not in f.parts]


def run(cli, path, extra, timeout):
    try:
        p = subprocess.run([cli, "run", path.name, "--format", "json"] + extra, cwd=path.parent,
                           capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return p.stdout, p.stderr, p.returncode
    except subprocess.TimeoutExpired:
        return b"", b"", "timeout"


def describe(before, after):
    """What differs between two runs' JSON traces, as short lines."""
    try:
        a = json.loads(before)
        b = json.loads(after)
    except ValueError:
        return ["stdout is not JSON on one side"]
    out = []
    oa, ob = a.get("output", []), b.get("output", [])
    text = lambda o: [(x["thread"], x["stream"], x["text"], x["partial"]) for x in o]
    if text(oa) != text(ob):
        out.append("program output differs")
    elif [x["time_ns"] for x in oa] != [x["time_ns"] for x in ob]:
        out.append("output times differ")
    ma, mb = a.get("metrics", {}), b.get("metrics", {})
    for k in sorted(set(ma) | set(mb)):
        if ma.get(k) != mb.get(k):
            out.append("metrics.%s: %s -> %s" % (k, ma.get(k), mb.get(k)))
    for k in sorted(set(a) | set(b)):
        if k not in ("output", "metrics") and a.get(k) != b.get(k):
            out.append("%s differ" % k)
    return out or ["bytes differ (same content)"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--args", default="", help="extra CLI options for every run")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    files = [Path(f).resolve() for f in args.files] or default_files()
    extra = args.args.split()

    def check(path):
        ra = run(args.before, path, extra, args.timeout)
        rb = run(args.after, path, extra, args.timeout)
        if ra == rb:
            return path, None
        why = []
        if ra[2] != rb[2]:
            why.append("exit status %s -> %s" % (ra[2], rb[2]))
        if ra[1] != rb[1]:
            why.append("stderr differs")
        if ra[0] != rb[0]:
            why += describe(ra[0], rb[0])
        return path, why

    differ = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for path, why in pool.map(check, files):
            if why:
                differ += 1
                try:
                    name = path.relative_to(REPO.parent)
                except ValueError:
                    name = path
                print("DIFF %s: %s" % (name, "; ".join(why)))
    print("%d files, %d identical, %d differ%s" % (len(files), len(files) - differ, differ,
                                                   (" (options: %s)" % args.args) if extra else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
