#!/usr/bin/env python3
"""End-to-end test of the `interleave` CLI (native binary, or `node ... interleave.js`).

usage: cli_test.py INTERLEAVE [ARG ...]
  e.g. cli_test.py build/release/cli/interleave
       cli_test.py node --no-experimental-fetch build/wasm/cli/interleave.js

For every built-in scenario (from `interleave list`) and every format (text, json, chrome):
exit status 0, nothing on stderr, JSON formats parse, json has the documented top-level keys and
metrics.makespan_ns > 0, chrome has traceEvents, text has the Gantt and metrics. Also checks the
error paths (exit 2 with a message on stderr), -o, and that two runs give identical bytes.
Prints 'N passed, N failed' last; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile

CMD = sys.argv[1:]
if not CMD:
    sys.exit(__doc__)

passed = 0
failed = 0


def run(*args):
    p = subprocess.run(CMD + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    return p.returncode, p.stdout, p.stderr


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}" + (f"\n  {detail}" if detail else ""))


JSON_KEYS = ["format", "version", "config", "processes", "threads", "lanes", "instants", "flows",
             "counters", "output", "strings", "diagnostics", "stop_reason", "completed", "metrics"]
METRIC_KEYS = ["makespan_ns", "total_cpu_ns", "core_utilisation_permille", "gil_held_ns",
               "gil_waited_ns", "gil_handoffs", "drop_requests", "context_switches",
               "peak_memory_bytes", "threads_started", "processes_started", "events",
               "speedup_permille"]


def check_json_trace(name, out):
    try:
        doc = json.loads(out.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        check(False, f"{name} json parses", str(e))
        return
    check(doc.get("format") == "interleave-trace" and doc.get("version") == 1,
          f"{name} json format/version")
    missing = [k for k in JSON_KEYS if k not in doc]
    check(not missing, f"{name} json has every top-level key", f"missing {missing}")
    metrics = doc.get("metrics", {})
    missing = [k for k in METRIC_KEYS if k not in metrics]
    check(not missing, f"{name} json has every metric", f"missing {missing}")
    check(isinstance(metrics.get("makespan_ns"), int) and metrics["makespan_ns"] > 0,
          f"{name} metrics.makespan_ns > 0", f"got {metrics.get('makespan_ns')}")
    check(doc.get("completed") is True, f"{name} completed", f"stop_reason={doc.get('stop_reason')!r}")
    bad = []
    for lane in doc.get("lanes", []):
        prev_end = None
        for seg in lane["segments"]:
            start, end = seg[0], seg[1]
            if end < start or (prev_end is not None and start < prev_end):
                bad.append((lane["name"], seg))
            prev_end = end
    check(not bad, f"{name} segments ordered and non-overlapping", f"{bad[:3]}")
    nstrings = len(doc.get("strings", []))
    bad = [s for lane in doc.get("lanes", []) for s in lane["segments"] if not -1 <= s[4] < nstrings]
    check(not bad, f"{name} segment labels index strings", f"{bad[:3]}")


def check_chrome(name, out):
    try:
        doc = json.loads(out.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        check(False, f"{name} chrome parses", str(e))
        return
    events = doc.get("traceEvents")
    check(isinstance(events, list) and len(events) > 0, f"{name} chrome has traceEvents")
    check(doc.get("displayTimeUnit") == "ns", f"{name} chrome displayTimeUnit")
    phases = {e.get("ph") for e in events or []}
    check({"M", "X"} <= phases, f"{name} chrome has M and X events", f"phases {sorted(phases)}")
    bad = [e for e in events or [] if e.get("ph") != "M" and not isinstance(e.get("ts"), (int, float))]
    check(not bad, f"{name} chrome events have numeric ts", f"{bad[:2]}")
    starts = {e["id"] for e in events or [] if e.get("ph") == "s"}
    finishes = {e["id"] for e in events or [] if e.get("ph") == "f"}
    check(starts == finishes, f"{name} chrome flows paired")


def check_text(name, out):
    try:
        text = out.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{name} text is UTF-8", str(e))
        return
    check(text.endswith("\n") and "\r" not in text, f"{name} text lines end with \\n")
    check("legend:" in text and "metrics:" in text and "makespan" in text,
          f"{name} text has legend and metrics")
    check("\u2502" in text and "\u2514" in text, f"{name} text has chart rows and axis")


# --- list ---
rc, out, err = run("list")
check(rc == 0 and out and not err, "list exits 0", err.decode(errors="replace"))
names = [line.split()[0] for line in out.decode().splitlines() if line.strip()]
check(len(names) > 0, "list names at least one scenario")

# --- every scenario, every format ---
for name in names:
    outputs = {}
    for fmt in ["text", "json", "chrome"]:
        rc, out, err = run("scenario", name, "--format", fmt)
        check(rc == 0, f"{name} --format {fmt} exits 0", f"rc={rc} stderr={err.decode(errors='replace')[:300]}")
        check(not err, f"{name} --format {fmt} writes nothing on stderr", err.decode(errors="replace")[:300])
        outputs[fmt] = out
        if rc != 0:
            continue
        {"text": check_text, "json": check_json_trace, "chrome": check_chrome}[fmt](name, out)
    rc, again, _ = run("scenario", name, "--format", "json")
    check(rc == 0 and again == outputs["json"], f"{name} json is the same twice")

if names:
    first = names[0]
    # -o writes the same bytes as stdout.
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "trace.json")
        rc, out, err = run("scenario", first, "--format", "json", "-o", path)
        _, stdout_bytes, _ = run("scenario", first, "--format", "json")
        check(rc == 0 and out == b"" and os.path.exists(path), "-o writes a file and nothing on stdout")
        if os.path.exists(path):
            with open(path, "rb") as f:
                check(f.read() == stdout_bytes, "-o file equals stdout output")
    # Settings change the run and show up in the trace's config.
    rc, out, err = run("scenario", first, "--format", "json", "--cores", "2", "--gil", "off",
                       "--switch-interval", "1ms", "--seed", "7", "--start-method", "spawn")
    check(rc == 0, "settings flags accepted", err.decode(errors="replace"))
    if rc == 0:
        cfg = json.loads(out)["config"]
        check(cfg["cores"] == 2 and cfg["gil"] is False and cfg["switch_interval_ns"] == 1000000
              and cfg["seed"] == 7 and cfg["start_method"] == "spawn",
              "settings flags reach the trace config", str(cfg))
    rc, out, err = run("scenario", first, "--format", "json", "--set", "time_slice=1ms")
    check(rc == 0 and json.loads(out)["config"]["time_slice_ns"] == 1000000 if rc == 0 else False,
          "--set key=value reaches the config", err.decode(errors="replace"))
    rc, out, err = run("scenario", first, "--width", "40")
    check(rc == 0, "--width 40 works")

# --- errors: exit 2 with a message on stderr, nothing on stdout ---
for args, what in [
    ([], "no command"),
    (["bogus"], "unknown command"),
    (["scenario"], "scenario without a name"),
    (["scenario", "no-such-scenario"], "unknown scenario"),
    (["scenario", names[0] if names else "x", "--format", "xml"], "unknown format"),
    (["scenario", names[0] if names else "x", "--cores"], "missing value"),
    (["scenario", names[0] if names else "x", "--cores", "zero"], "invalid cores"),
    (["scenario", names[0] if names else "x", "--gil", "maybe"], "invalid gil"),
    (["scenario", names[0] if names else "x", "--set", "nonsense"], "malformed --set"),
    (["scenario", names[0] if names else "x", "--set", "no_such_key=1"], "unknown setting key"),
    (["scenario", names[0] if names else "x", "--width", "5"], "width out of range"),
    (["scenario", names[0] if names else "x", "--frobnicate"], "unknown option"),
    (["run", "no_such_file.py"], "run FILE.py that does not exist"),
    (["run", "gallery:no_such_example"], "unknown gallery example"),
    (["run", "gallery:race_and_lock", "--variant", "USE_LOCK = maybe"], "unknown gallery variant"),
    (["run", "gallery:convoy", "--variant", "x"], "variant of an example without variants"),
    (["run", "no_such_file.py", "--variant", "x"], "--variant on a file"),
    (["scenario", names[0] if names else "x", "--variant", "x"], "--variant on a scenario"),
    (["gallery", "no_such_example"], "gallery NAME unknown"),
    (["gallery", "a", "b"], "gallery with two names"),
]:
    rc, out, err = run(*args)
    check(rc == 2 and err.strip() and not out, f"error exits 2 with a message: {what}",
          f"rc={rc} stdout={out[:100]!r} stderr={err[:200]!r}")

# --- the gallery: listed, printed, run by slug or number, with a variant ---
rc, out, err = run("gallery")
rows = [l for l in out.decode().splitlines() if l.strip()]
check(rc == 0 and not err and len(rows) >= 14, "gallery lists at least 14 examples", f"{len(rows)} rows, {err!r}")
check(any("io_four_models" in r and "[compare: sequential threads processes asyncio]" in r for r in rows),
      "gallery shows the four-model example's variants")
rc, out, err = run("gallery", "05")
check(rc == 0 and out.startswith(b"# The convoy effect") and b"# interleave:" in out, "gallery NN prints the source")
rc, out, err = run("run", "gallery:race_and_lock", "--variant", "USE_LOCK = False", "--format", "output")
check(rc == 0 and b"tickets left: 99" in out, "run gallery:NAME --variant runs that variant", out[:200])
rc, out, err = run("run", "gallery:race_and_lock", "--format", "output")
check(rc == 0 and b"tickets left: 90" in out, "run gallery:NAME runs the file as written", out[:200])
rc, out, err = run("run", "gallery:default_workers", "--variant", "cores=8", "--format", "output")
check(rc == 0 and b"8 cores -> 12 default workers" in out, "a settings variant applies its settings", out[:200])
rc, out, err = run("run", "gallery:default_workers", "--variant", "cores=8", "--cores", "2", "--format", "output")
check(rc == 0 and b"2 cores -> 6 default workers" in out, "command-line flags override the variant", out[:200])
rc, out, err = run("run", "gallery:1", "--format", "json")
check(rc == 0, "run gallery:1 (by number)")
if rc == 0:
    check_json_trace("gallery:1", out)

rc, out, err = run("run", "no_such_file.py")
check(b"cannot read 'no_such_file.py'" in err, "run names the missing file")
rc, out, err = run("--help")
check(rc == 0 and b"usage: interleave" in out, "--help prints usage")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
