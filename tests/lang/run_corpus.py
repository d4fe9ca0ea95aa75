#!/usr/bin/env python3
"""Run the language test corpus (tests/lang/corpus/**/*.py) and compare with its expectations.

Every corpus program ends with the output CPython 3.11 printed for it, as comment lines
(see tests/lang/README.md):

    # expect: <stdout line>
    # expect-stderr: <stderr line>
    # expect-exit: N          (only when the exit status is not 0)

Usage:
    tests/lang/run_corpus.py [INTERLEAVE_CLI] [--filter SUBSTR] [-j N] [-q] [-v]
    tests/lang/run_corpus.py --python [--hashseed S]      # self-check the corpus against python3

A folder holding a file named `SKIP` (its text says why) is left out of interleave runs until
the simulator supports what it needs (`--include-skipped` runs it anyway); `--python` always
runs it. Each program runs with its own folder as the working directory and is passed by its base name
(`interleave run --format output name.py`, or `python3 -X utf8 name.py`), so tracebacks say
`File "name.py", line N, in f`. Hexadecimal addresses (0x...) are masked to `0x?` in the actual
output before comparing. The last line printed is always `N passed, N failed`; the exit status is
1 if anything failed.
"""

import argparse
import difflib
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
REPO = HERE.parent.parent
DEFAULT_CLI = REPO / "build" / "release" / "cli" / "interleave"
TIMEOUT = 20.0

_EXPECT_RE = re.compile(r"^# expect(-stderr|-exit)?:(?: (.*))?$")
_ADDR_RE = re.compile(r"0x[0-9a-f]+")
_PATH_RE = re.compile(r'(File ")[^"\n]*/([^"/\n]*")')


def mask(text):
    """Mask what varies between runs and machines.

    - hexadecimal addresses (`0x7f3a...`) become `0x?`;
    - traceback file names lose their directory: CPython 3.11 makes the main script's path
      absolute (`File "/home/me/corpus/x/name.py", line 3`), so `File "<dir>/name.py"` becomes
      `File "name.py"`, whichever directory it names.
    """
    return _PATH_RE.sub(r"\1\2", _ADDR_RE.sub("0x?", text))


def is_expect_line(line):
    return _EXPECT_RE.match(line) is not None


def parse_expectations(source):
    """Return (stdout_lines, stderr_lines, exit_status, found_any) from a corpus file's text."""
    out, err, status, found = [], [], 0, False
    for line in source.split("\n"):
        m = _EXPECT_RE.match(line)
        if not m:
            continue
        found = True
        kind, value = m.group(1), m.group(2) or ""
        if kind is None:
            out.append(value)
        elif kind == "-stderr":
            err.append(value)
        else:
            status = int(value.strip())
    return out, err, status, found


def split_lines(text):
    """Text → list of lines; a final newline does not make an extra empty line."""
    if text == "":
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def join_lines(lines):
    return "".join(line + "\n" for line in lines)


def python_env(hashseed="0"):
    """A clean environment for running python3 on a corpus program."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = str(hashseed)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUTF8"] = "1"
    return env


def run_program(path, command, env, timeout=TIMEOUT):
    """Run `command + [basename]` in the file's folder. Returns (stdout, stderr, status)."""
    path = Path(path)
    try:
        proc = subprocess.run(command + [path.name], cwd=path.parent, env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        return out, err + "[run_corpus: timed out after %gs]\n" % timeout, "timeout"
    except OSError as e:
        return "", "[run_corpus: cannot run %s: %s]\n" % (command[0], e), "error"
    return (proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"),
            proc.returncode)


def corpus_files(paths=None, filt=None):
    if paths:
        files = []
        for p in paths:
            p = Path(p).resolve()
            files.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    else:
        files = sorted(CORPUS.rglob("*.py"))
    if filt:
        files = [f for f in files if filt in rel(f)]
    return files


def rel(path):
    try:
        return str(Path(path).resolve().relative_to(CORPUS))
    except ValueError:
        return str(path)


def short_diff(label, expected, actual, limit=12):
    diff = list(difflib.unified_diff(expected, actual, "expected " + label, "actual " + label,
                                     n=1, lineterm=""))
    if len(diff) > limit:
        diff = diff[:limit] + ["... (%d more diff lines)" % (len(diff) - limit)]
    return ["    " + d for d in diff]


def check(path, command, env, timeout):
    """Run one corpus file; return None if it passed, else a list of report lines."""
    source = Path(path).read_text(encoding="utf-8")
    exp_out, exp_err, exp_status, found = parse_expectations(source)
    if not found:
        return ["FAIL %s: no expectations (run tools/record_corpus.py)" % rel(path)]
    out, err, status = run_program(path, command, env, timeout)
    out, err = mask(out), mask(err)
    problems = []
    if out != join_lines(exp_out):
        problems.append("stdout differs")
        problems += short_diff("stdout", exp_out, split_lines(out))
        if out and not out.endswith("\n") and split_lines(out) == exp_out:
            problems.append("    (actual stdout lacks its final newline)")
    if err != join_lines(exp_err):
        problems.append("stderr differs")
        problems += short_diff("stderr", exp_err, split_lines(err))
        if err and not err.endswith("\n") and split_lines(err) == exp_err:
            problems.append("    (actual stderr lacks its final newline)")
    if status != exp_status:
        problems.append("exit status %s, expected %s" % (status, exp_status))
    if not problems:
        return None
    head = "FAIL %s: %s" % (rel(path), "; ".join(p for p in problems if not p.startswith(" ")))
    return [head] + [p for p in problems if p.startswith(" ")]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cli", nargs="?", default=str(DEFAULT_CLI),
                    help="path of the interleave CLI (default: build/release/cli/interleave)")
    ap.add_argument("--python", action="store_true",
                    help="run python3 instead of interleave (self-check of the corpus)")
    ap.add_argument("--python-exe", default="python3", help="the python used by --python")
    ap.add_argument("--hashseed", default="0", help="PYTHONHASHSEED for --python (default 0)")
    ap.add_argument("--filter", default=None, help="only files whose corpus path contains this")
    ap.add_argument("--exclude", action="append", default=[],
                    help="skip files whose corpus path contains this (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="programs run in parallel (default: number of CPUs)")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per program")
    ap.add_argument("--no-retry", action="store_true",
                    help="with --python: do not re-run failures one at a time")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print passing files")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="one line per failure, without the diffs")
    ap.add_argument("--include-skipped", action="store_true",
                    help="also run the folders marked with a SKIP file")
    ap.add_argument("files", nargs="*", default=[], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.python:
        command = [args.python_exe, "-X", "utf8"]
        env = python_env(args.hashseed)
        if args.cli != str(DEFAULT_CLI):          # `--python some/file.py` → treat as a file
            args.files.insert(0, args.cli)
    else:
        cli = Path(args.cli)
        if not cli.is_absolute():
            cli = (Path.cwd() / cli) if (Path.cwd() / cli).exists() else (REPO / cli)
        command = [str(cli), "run", "--format", "output"]
        env = python_env("0")

    files = corpus_files(args.files, args.filter)
    files = [f for f in files if not any(x in str(f) for x in args.exclude)]
    skipped = []
    if not args.python and not args.include_skipped:
        skipped = [f for f in files if (f.parent / "SKIP").exists()]
        files = [f for f in files if not (f.parent / "SKIP").exists()]
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda f: check(f, command, env, args.timeout), files))
    if args.python and not args.no_retry:
        # CPython really sleeps: under a heavy machine load a timing-sensitive program (a
        # rounded duration, an order decided by sleeps) can miss. Re-run failures one at a time.
        retried = 0
        for i, (path, result) in enumerate(zip(files, results)):
            if result is not None:
                results[i] = check(path, command, env, args.timeout)
                retried += results[i] is None
        if retried:
            print("(%d passed when re-run alone)" % retried)

    passed = failed = 0
    for path, result in zip(files, results):
        if result is None:
            passed += 1
            if args.verbose:
                print("ok   %s" % rel(path))
        else:
            failed += 1
            for line in result[:1] if args.quiet else result:
                print(line)
    for folder in sorted(set(f.parent for f in skipped)):
        reason = (folder / "SKIP").read_text(encoding="utf-8").strip().splitlines()
        print("(skipped %s/: %d programs%s)" % (rel(folder), sum(f.parent == folder for f in skipped),
                                             ": " + reason[0] if reason else ""))
    sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
