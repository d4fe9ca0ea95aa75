#!/usr/bin/env python3
"""(Re)record the expectations of the language test corpus by running CPython.

Usage:
    tools/record_corpus.py                 # every tests/lang/corpus/**/*.py
    tools/record_corpus.py FILE_OR_DIR...  # only these
    tools/record_corpus.py --check         # change nothing; exit 1 if a file is out of date

For each program: strip its old `# expect...:` lines, run `python3 -X utf8 name.py` with the
file's folder as working directory (PYTHONHASHSEED=0, timeout 20 s), and append the fresh
expectations (stdout, then stderr, then `# expect-exit: N` if the status is not 0), with
hexadecimal addresses masked to `0x?`. Running it twice changes nothing (idempotent), as long
as the program's output is deterministic — which every corpus program must be. The format is
described in tests/lang/README.md; the parsing and masking code is shared with
tests/lang/run_corpus.py.
"""

import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.dont_write_bytecode = True  # no __pycache__ in tests/lang
sys.path.insert(0, str(REPO / "tests" / "lang"))
import run_corpus as rc  # noqa: E402


def strip_expectations(source):
    """The program without its expectation lines and without trailing blank lines."""
    lines = [line for line in source.split("\n") if not rc.is_expect_line(line)]
    return "\n".join(lines).rstrip() + "\n"


def expectation_block(out, err, status):
    block = []
    for prefix, text in (("# expect:", out), ("# expect-stderr:", err)):
        for line in rc.split_lines(rc.mask(text)):
            block.append(prefix + (" " + line if line != "" else ""))
    if status != 0:
        block.append("# expect-exit: %d" % status)
    return block


def problems_with(out, err, status):
    """Output the format cannot represent faithfully (the corpus must avoid it)."""
    problems = []
    if status in ("timeout", "error"):
        problems.append("did not run to completion: " + err.strip().splitlines()[-1])
    for name, text in (("stdout", out), ("stderr", err)):
        if text and not text.endswith("\n"):
            problems.append(name + " does not end with a newline")
        if any(c in text for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
            problems.append(name + " contains a line separator other than \\n")
        if "\ufffd" in text:
            problems.append(name + " is not valid UTF-8")
        if any(line != line.rstrip() for line in text.split("\n")):
            problems.append(name + " has a line ending in whitespace (editors strip it)")
    if "/usr/lib/" in err or "site-packages" in err:
        problems.append("stderr shows a standard-library path (traceback through the stdlib)")
    return problems


def record(path, python, timeout, check_only):
    """Returns (status, message): status in {'same', 'updated', 'stale', 'error'}."""
    path = Path(path)
    source = path.read_text(encoding="utf-8")
    program = strip_expectations(source)
    out, err, status = rc.run_program(path, [python, "-X", "utf8"], rc.python_env("0"), timeout)
    problems = problems_with(out, err, status)
    if problems:
        return "error", "%s: %s" % (rc.rel(path), "; ".join(problems))
    block = expectation_block(out, err, status)
    new = program + "\n" + "\n".join(block) + "\n" if block else program
    if new == source:
        return "same", None
    if check_only:
        return "stale", "%s: expectations are out of date" % rc.rel(path)
    path.write_text(new, encoding="utf-8")
    return "updated", "recorded %s" % rc.rel(path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="corpus files or folders (default: the whole corpus)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if out of date")
    ap.add_argument("--python", default="python3", help="the CPython to record with")
    ap.add_argument("--timeout", type=float, default=rc.TIMEOUT, help="seconds per program")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-q", "--quiet", action="store_true", help="print only problems and the total")
    args = ap.parse_args(argv)

    files = rc.corpus_files(args.paths)
    if not files:
        print("no corpus files found")
        return 1
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda f: record(f, args.python, args.timeout, args.check), files))
    counts = {"same": 0, "updated": 0, "stale": 0, "error": 0}
    for status, message in results:
        counts[status] += 1
        if message and (status != "updated" or not args.quiet):
            print(("ERROR " if status == "error" else "") + message)
    print("%d files: %d unchanged, %d %s, %d errors" % (
        len(files), counts["same"], counts["stale"] if args.check else counts["updated"],
        "out of date" if args.check else "updated", counts["error"]))
    return 1 if counts["error"] or counts["stale"] else 0


if __name__ == "__main__":
    sys.exit(main())
