#!/usr/bin/env python3
"""End-to-end test of the `interleave` CLI (native binary, or `node ... interleave.js`).

usage: cli_test.py INTERLEAVE [ARG ...]
  e.g. cli_test.py build/release/cli/interleave
       cli_test.py node --no-experimental-fetch build/wasm/cli/interleave.js

For every built-in scenario (from `interleave list`) and every format (text, json, chrome, svg):
exit status 0, nothing on stderr, JSON formats parse, json has the documented top-level keys and
metrics.makespan_ns > 0, chrome has traceEvents and one event per segment, flow, instant and
counter point of the json trace, svg parses as XML, text has the Gantt and metrics. The page's
default program with --format svg (and --width, --title, --range, -o) and chrome. Also checks the
error paths (exit 2 with a message on stderr), -o, and that two runs give identical bytes.
Prints 'N passed, N failed' last; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"
DEFAULT_SCENARIO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "web", "src",
                                "default_scenario.py")

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


def check_svg(name, out, width="1200"):
    """Parses as XML (a real parser), an <svg> root of the asked width, a title and a legend."""
    try:
        root = ET.fromstring(out)
    except ET.ParseError as e:
        check(False, f"{name} svg parses as XML", str(e))
        return None
    check(root.tag == SVG_NS + "svg", f"{name} svg root is <svg>", root.tag)
    check(root.get("width") == width, f"{name} svg width {width}", str(root.get("width")))
    check(root.find(SVG_NS + "title") is not None, f"{name} svg has a <title>")
    texts = [t.text or "" for t in root.iter(SVG_NS + "text")]
    check(any(t.startswith("makespan ") for t in texts), f"{name} svg has the summary line")
    check(len(list(root.iter(SVG_NS + "rect"))) > 10, f"{name} svg has bars")
    return root


def chrome_matches_json(name, chrome_out, json_out):
    """The Chrome trace has one complete event per segment (ts/dur in microseconds), a named
    thread per lane, an s/f pair per flow and a C event per counter point."""
    chrome = json.loads(chrome_out)
    trace = json.loads(json_out)
    events = chrome["traceEvents"]
    xs = [e for e in events if e["ph"] == "X"]
    segments = [seg for lane in trace["lanes"] for seg in lane["segments"]]
    check(len(xs) == len(segments), f"{name} chrome: one X event per segment", f"{len(xs)} vs {len(segments)}")
    exact = all(round(x["ts"] * 1000) == seg[0] and round(x["dur"] * 1000) == seg[1] - seg[0]
                for x, seg in zip(xs, segments))
    check(exact, f"{name} chrome: X ts/dur are the segments' times in microseconds")
    names = [e for e in events if e["ph"] == "M" and e["name"] == "thread_name"]
    check(sorted(e["args"]["name"] for e in names) == sorted(lane["name"] for lane in trace["lanes"]),
          f"{name} chrome: a thread_name per lane")
    pids = {e["pid"] for e in events}
    tids = {e["tid"] for e in events if "tid" in e}
    check(not (pids & tids), f"{name} chrome: thread ids never equal a process id", f"{pids & tids}")
    check(len({(e["pid"], e["tid"]) for e in names}) == len(names), f"{name} chrome: lanes have distinct tids")
    flows = [e for e in events if e["ph"] == "s"]
    check(len(flows) == len(trace["flows"]), f"{name} chrome: an s/f pair per flow")
    points = sum(len(c["points"]) for c in trace["counters"])
    check(len([e for e in events if e["ph"] == "C"]) == points, f"{name} chrome: a C event per counter point")
    check(len([e for e in events if e["ph"] == "i"]) == len(trace["instants"]), f"{name} chrome: an i event per instant")


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
    if "chrome" in outputs and "json" in outputs and outputs["chrome"] and outputs["json"]:
        chrome_matches_json(name, outputs["chrome"], outputs["json"])
    rc, out, err = run("scenario", name, "--format", "svg")
    check(rc == 0 and not err, f"{name} --format svg exits 0 quietly", err.decode(errors="replace")[:300])
    if rc == 0:
        check_svg(name, out)

# --- run FILE.py --format svg (the page's default program) ---
rc, svg, err = run("run", DEFAULT_SCENARIO, "--format", "svg")
check(rc == 0 and not err, "run --format svg exits 0 quietly", err.decode(errors="replace")[:300])
root = check_svg("default_scenario.py", svg) if rc == 0 else None
if root is not None:
    check(root.find(SVG_NS + "title").text == "default_scenario.py", "the title defaults to the file name")
    rc, again, _ = run("run", DEFAULT_SCENARIO, "--format", "svg")
    check(again == svg, "run --format svg gives the same bytes twice")
    rc, out, err = run("run", DEFAULT_SCENARIO, "--format", "svg", "--width", "800", "--title", "A <b> & 'c'",
                       "--range", "1ms:5ms")
    r = check_svg("svg with options", out, width="800") if rc == 0 else None
    check(r is not None and r.find(SVG_NS + "title").text == "A <b> & 'c'", "--title is escaped and kept")
    check(r is not None and r.get("data-start-ns") == "1000000" and r.get("data-end-ns") == "5000000",
          "--range sets the time range")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "chart.svg")
        rc, out, err = run("run", DEFAULT_SCENARIO, "--format", "svg", "-o", path)
        check(rc == 0 and out == b"" and os.path.exists(path) and open(path, "rb").read() == svg,
              "run --format svg -o writes the same bytes")
    rc, chrome_out, _ = run("run", DEFAULT_SCENARIO, "--format", "chrome")
    rc2, json_out, _ = run("run", DEFAULT_SCENARIO, "--format", "json")
    if rc == 0 and rc2 == 0:
        chrome_matches_json("default_scenario.py", chrome_out, json_out)

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
    (["scenario", names[0] if names else "x", "--format", "svg", "--width", "100"], "svg width out of range"),
    (["scenario", names[0] if names else "x", "--format", "svg", "--range", "5ms:1ms"], "empty --range"),
    (["scenario", names[0] if names else "x", "--format", "svg", "--range", "soon"], "malformed --range"),
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
