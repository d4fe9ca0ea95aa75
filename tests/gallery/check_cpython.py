#!/usr/bin/env python3
"""Every gallery example (and each of its compare variants) runs under real CPython.

Usage: check_cpython.py GALLERY_DIR PYTHON_DIR [-j N]

Each program runs with `python3 FILE` and PYTHON_DIR (python/interleave.py) on PYTHONPATH, as a
learner would run it. A variant is the file with its `# compare-code:` line substituted (the
same rule as gallery/gallery.cpp) or, for `# compare-settings:`, the file unchanged (machine
settings only exist in the simulator). Expected: exit status 0 and no traceback; the deadlock
example must still be blocked after DEADLOCK_WAIT seconds (it hangs, as the lesson says); the
unawaited-coroutine example must print CPython's RuntimeWarning.
"""
import concurrent.futures
import os
import re
import subprocess
import sys

TIMEOUT = 60         # seconds per program: the slowest runs about 2 s
DEADLOCK_WAIT = 3    # seconds the deadlock example must stay blocked


def variants(path):
    """(label, source) for the file as written and each compare-code variant."""
    source = open(path, encoding="utf-8").read()
    out = [("as written", source)]
    m = re.search(r"^# compare-code:\s*([A-Za-z_]\w*)\s*=\s*(.+)$", source, re.M)
    if m:
        key, values = m.group(1), [v.strip() for v in m.group(2).split("|")]
        line = re.compile(r"^%s[ \t]*=(?!=).*$" % re.escape(key), re.M)
        for value in values:
            variant = line.sub(f"{key} = {value}", source, count=1)
            if variant != source:  # the file as written is one of them already
                out.append((f"{key} = {value}", variant))
    return out


def check(path, label, source, python_dir):
    name = os.path.basename(path)
    env = dict(os.environ, PYTHONPATH=python_dir)
    hangs = "deadlock" in name
    proc = subprocess.Popen([sys.executable, "-c", source], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=DEADLOCK_WAIT if hangs else TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        if hangs:
            return None
        return f"{name} [{label}]: still running after {TIMEOUT} s"
    if hangs:
        return f"{name} [{label}]: expected to deadlock, but exited with {proc.returncode}:\n{out}{err}"
    if proc.returncode != 0 or "Traceback" in err:
        return f"{name} [{label}]: exit status {proc.returncode}\n{out}{err}"
    if "unawaited" in name and "was never awaited" not in err:
        return f"{name} [{label}]: no 'never awaited' warning on stderr:\n{err}"
    if not out.strip():
        return f"{name} [{label}]: printed nothing"
    return None


def main():
    args = sys.argv[1:]
    jobs = 2
    if "-j" in args:
        i = args.index("-j")
        jobs = int(args[i + 1])
        del args[i:i + 2]
    gallery_dir, python_dir = args
    files = sorted(f for f in os.listdir(gallery_dir) if re.match(r"\d+_\w+\.py$", f))
    work = [(os.path.join(gallery_dir, f), label, src)
            for f in files for label, src in variants(os.path.join(gallery_dir, f))]
    failures = []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for result in pool.map(lambda w: check(*w, python_dir), work):
            if result:
                failures.append(result)
    for f in failures:
        print("FAIL", f)
    print(f"{len(work) - len(failures)} of {len(work)} gallery programs ran under {sys.version.split()[0]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
