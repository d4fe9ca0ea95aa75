#!/usr/bin/env python3
"""(Re)record the expectations of the seed golden test (tests/seed/) by running CPython.

Usage:
    tools/record_seed.py [--seed-dir DIR] [--python python3]
    tools/record_seed.py --check      # change nothing; exit 1 if an expectation is out of date

Runs each lesson file of tests/seed/check_seed.py: LESSONS as `python3 FILE.py` in a scratch
copy of the seed folder, masks the output the way the checker does (durations, addresses,
thread idents), and writes tests/seed/<name>.expected (stdout), plus <name>.expected-stderr and
<name>.expected-exit when stderr is not empty / the status is not 0. Lesson files that time
real work (p001's cpu_task) print their timings; those are masked, so re-recording is idempotent.

Each file runs --runs times (default 5) and the most frequent masked result is kept: the race of
p003_race.py depends on real thread timing, and on a loaded machine CPython sometimes prints 900
or 850 instead of the 950 it prints on a quiet one. Variation is reported; record on a quiet
machine.
"""

import argparse
import collections
import shutil
import tempfile
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(REPO / "tests" / "seed"))
import check_seed as cs  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed-dir", default=str(cs.SEED_DIR))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--runs", type=int, default=5, help="runs per file; the majority wins")
    ap.add_argument("only", nargs="*", help="lesson files to record (default: all)")
    args = ap.parse_args()
    seed_dir = Path(args.seed_dir)
    stale = 0
    for name in (args.only or cs.LESSONS):
        results = collections.Counter()
        for _ in range(max(1, args.runs)):
            # In a scratch copy of the folder: lessons write files (data.json).
            with tempfile.TemporaryDirectory() as scratch:
                shutil.copy(seed_dir / name, scratch)
                # -u: output unbuffered, as on a terminal (processes' prints interleave as written).
                out, err, status = cs.run([args.python, "-X", "utf8", "-u", name], Path(scratch))
            if status == "timeout":
                print("%s: timed out under %s" % (name, args.python))
                return 1
            results[(cs.mask(out), cs.mask(err), status)] += 1
        (out, err, status), count = results.most_common(1)[0]
        if len(results) > 1:
            print("%s: %d different results in %d runs; keeping the most frequent (%d times)"
                  % (name, len(results), args.runs, count))
        out_p, err_p, exit_p = cs.expected_paths(name)
        wanted = {out_p: out, err_p: err or None, exit_p: ("%d\n" % status) if status else None}
        for path, text in wanted.items():
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current == text:
                continue
            stale += 1
            if args.check:
                print("out of date: %s" % path.relative_to(REPO))
            elif text is None:
                path.unlink()
                print("removed %s" % path.relative_to(REPO))
            else:
                path.write_text(text, encoding="utf-8")
                print("wrote %s" % path.relative_to(REPO))
    if args.check:
        print("%d out of date" % stale)
        return 1 if stale else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
