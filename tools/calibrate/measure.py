#!/usr/bin/env python3
"""Calibrate Interleave's cost model against the CPython running this script.

    python3 tools/calibrate/measure.py > tools/calibrate/cost_table.json

For every shape of shapes.py:
  * time it with timeit (CPU time of the thread; rounds over all shapes, minimum per shape,
    process pinned to cpu 1 like `taskset -c 1`);
  * count the bytecode instructions one unit executes, with sys.settrace and
    frame.f_trace_opcodes = True, by differencing two small runs (so the harness, the
    function's prologue and the loop's setup cancel out). Names are the generic ones `dis`
    shows, never the specialised forms 3.11's adaptive interpreter quickens them into.
For every builtin of BUILTINS (C code that loops internally): time it at two sizes, which gives
a fixed cost and a per-item cost.
Then fit non-negative per-opcode costs (ns) by relative least squares (Lawson-Hanson NNLS, pure
Python) so that sum(count(op) * cost(op)) + builtin work ~ measured ns per unit, and print the
table as JSON on stdout (progress on stderr). Runtime: about two minutes.

Three pseudo-opcodes refine CALL by what was called, as the VM knows it at run time:
  CALL_PY     a Python function or method (a new frame is pushed; its RESUME included),
  CALL_CLASS  a class whose __init__ is Python (object allocation + __init__ frame),
  CALL_C      anything else (builtins, methods of builtin types, generator creation, ...).
PRECALL always precedes CALL in 3.11; its cost is folded into the CALL_* entries.
RESUME is not reported by the tracer: function entry is part of CALL_PY / CALL_CLASS, and
GEN_RESUME counts every (re-)entry into a generator frame.
Every instruction costs at least FLOOR_NS (dispatch); the fit distributes the rest.

Options: --quick (fewer rounds, for testing), --rounds N, --no-pin.
    python3 tools/calibrate/measure.py --render-doc [cost_table.json [docs/cost-model.md]]
rewrites the generated tables of docs/cost-model.md from cost_table.json.
"""

import collections
import dis
import gc
import json
import math
import os
import platform
import random
import sys
import time
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from shapes import SHAPES  # noqa: E402

# C builtins that loop internally. run(n) executes `x = <stmt>` n times with the setup at size M.
# model "linear": t(M) = fixed + per_item * M (items = M)
# model "quadratic": t(M) = fixed + per_item * M**2 (bigint schoolbook multiply, M = 30-bit limbs)
BUILTINS = {
    "sum_range":      dict(setup="", stmt="sum(range(M))", sizes=(100, 10000),
                           desc="sum(range(m))"),
    "sum_list":       dict(setup="D = list(range(M))", stmt="sum(D)", sizes=(100, 10000),
                           desc="sum(list of small ints); also the adding part of sum(genexpr)"),
    "sorted_random":  dict(setup="import random\nrandom.seed(7)\nD = list(range(M))\n"
                                 "random.shuffle(D)",
                           stmt="sorted(D)", sizes=(100, 1000), curve=(10000, 100000),
                           desc="sorted(shuffled ints), slope between 100 and 1000 items; "
                                "the cost per item grows with n (n log n and cache misses): "
                                "see ns_per_item_at_size"),
    "sorted_sorted":  dict(setup="D = list(range(M))", stmt="sorted(D)", sizes=(100, 10000),
                           desc="sorted(already sorted ints): timsort's linear case"),
    "str_join":       dict(setup="S = ['ab'] * M", stmt="','.join(S)", sizes=(100, 10000),
                           desc="','.join(list of short strs)"),
    "list_range":     dict(setup="", stmt="list(range(M))", sizes=(100, 10000),
                           desc="list(range(m))"),
    "list_copy":      dict(setup="D = list(range(M))", stmt="list(D)", sizes=(100, 10000),
                           desc="list(a_list), a_list[:], a_list.copy()"),
    "list_contains":  dict(setup="D = list(range(M))", stmt="-1 in D", sizes=(100, 10000),
                           desc="x in a_list, linear scan (per item compared)"),
    "max_list":       dict(setup="D = list(range(M))", stmt="max(D)", sizes=(100, 10000),
                           desc="max(a_list) / min(a_list)"),
    "all_list":       dict(setup="D = [1] * M", stmt="all(D)", sizes=(100, 10000),
                           desc="all(a_list) / any(a_list), per item tested"),
    "set_from_list":  dict(setup="D = list(range(M))", stmt="set(D)", sizes=(100, 10000),
                           desc="set(list of ints)"),
    "dict_from_zip":  dict(setup="K = list(range(M))", stmt="dict(zip(K, K))",
                           sizes=(100, 10000), desc="dict(zip(keys, values))"),
    "str_split":      dict(setup="S = ','.join(['ab'] * M)", stmt="S.split(',')",
                           sizes=(100, 10000), desc="s.split(sep), per resulting piece"),
    "list_sort":      dict(setup="import random\nrandom.seed(7)\nD0 = list(range(M))\n"
                                 "random.shuffle(D0)",
                           stmt="D0[:].sort()", sizes=(100, 1000),
                           desc="a_list.sort() on shuffled ints (copy included)"),
    "bigint_mul":     dict(setup="A = 3 ** (19 * M)\nB = A + 1", stmt="A * B", sizes=(10, 40),
                           model="quadratic",
                           desc="int * int above 2**30: per pair of 30-bit limbs "
                                "(schoolbook below 70 limbs = 2100 digits; squaring x*x is ~1.5x cheaper)"),
}

FLOOR_NS = 0.5  # least cost of any instruction
RIDGE = 1e-4  # relative ridge of the fit
GENERATOR_FLAGS = 0x20 | 0x80 | 0x200  # CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# --- building a shape --------------------------------------------------------------------------

def shape_source(shape):
    """Source of run(n) (or, for module shapes, of the module-level loop).

    In shapes.py, continuation lines of `pre` and `body` carry their final indentation."""
    if shape.get("module"):
        return "for i in range(n):\n    " + shape["body"] + "\n"
    if "src" in shape:
        return shape["src"]
    src = "def run(n):\n"
    if shape.get("pre"):
        src += "    " + shape["pre"] + "\n"
    return src + "    for i in range(n):\n        " + shape["body"] + "\n"


def make_runner(shape):
    """Returns (ns, run) where run(n) executes n units of the shape."""
    ns = {"__name__": "shape_" + shape["name"]}
    exec(compile(shape.get("setup", ""), "<setup %s>" % shape["name"], "exec"), ns)
    src = shape_source(shape)
    if shape.get("module"):
        code = compile(src, "<shape %s>" % shape["name"], "exec")
        init = dict(ns)

        def run(n, code=code, ns=ns, init=init):
            ns.clear()
            ns.update(init)
            ns["n"] = n
            exec(code, ns)
        return ns, run
    exec(compile(src, "<shape %s>" % shape["name"], "exec"), ns)
    return ns, ns["run"]


def display_code(shape):
    src = shape_source(shape).rstrip("\n")
    return "# module level\n" + src if shape.get("module") else src


def _join(lines):
    out = ""
    for line in lines:
        out += (" " if out.endswith(":") else "; " if out else "") + line
    return out


def summary(shape):
    """One line for tables: the code of one unit, with what precedes the loop."""
    pre = [l.strip() for l in shape.get("pre", "").split("\n") if l.strip()]
    if "body" in shape:
        body = [l.strip() for l in shape["body"].split("\n") if l.strip()]
        if shape.get("program"):
            return _join(pre + body)
        return _join(pre + ["for i in range(n):"] + body)
    return _join([l.strip() for l in shape["src"].split("\n")[1:] if l.strip()])


# --- counting instructions -----------------------------------------------------------------------

_CALLEE_CACHE = {}


def static_callee(code, call_offset):
    """The instruction that pushed the callable of the CALL at call_offset (straight-line code)."""
    key = (code, call_offset)
    if key in _CALLEE_CACHE:
        return _CALLEE_CACHE[key]
    instrs = list(dis.get_instructions(code))
    k = next(i for i, ins in enumerate(instrs) if ins.offset == call_offset)
    need = instrs[k].arg + 1  # the arguments, then the callable (NULL or self below it)
    depth, found = 0, None
    start = k - 1
    while start >= 0 and instrs[start].opname in ("PRECALL", "KW_NAMES"):
        start -= 1  # this call's own; nested calls count whole (PRECALL -n, CALL -1)
    for j in range(start, -1, -1):
        ins = instrs[j]
        depth += dis.stack_effect(ins.opcode, ins.arg if ins.opcode >= dis.HAVE_ARGUMENT else None,
                                  jump=False)
        if depth >= need:
            found = ins
            break
    _CALLEE_CACHE[key] = found
    return found


def callee_label(frame, call_offset):
    ins = static_callee(frame.f_code, call_offset)
    if ins is None:
        return "CALL_C ?"
    if ins.opname in ("LOAD_METHOD", "LOAD_ATTR"):
        return "CALL_C ." + ins.argval
    obj = None
    if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME"):
        obj = frame.f_globals.get(ins.argval, frame.f_builtins.get(ins.argval))
    elif ins.opname in ("LOAD_FAST", "LOAD_DEREF"):
        obj = frame.f_locals.get(ins.argval)
    code = getattr(obj, "__code__", None)
    if code is not None and code.co_flags & GENERATOR_FLAGS:
        return "CALL_GEN"  # creates a generator/coroutine object; runs nothing yet
    if isinstance(obj, type):
        return "CALL_C " + obj.__qualname__
    return "CALL_C " + str(ins.argval)


def binop_symbol(code, offset):
    sym = dis._nb_ops[code.co_code[offset + 1]][1]
    return sym.rstrip("=")  # in-place forms cost the same as the plain ones on immutables


_COMPARE_NEXT = 2 + 2 * dis._inline_cache_entries[dis.opmap["COMPARE_OP"]]


def compare_jumps(code, raw, offset):
    """True when the COMPARE_OP at offset feeds a conditional jump (3.11 specialises that
    pair, COMPARE_OP_*_JUMP, into one step: a compare in an `if`/`while` is nearly free)."""
    nxt = offset + _COMPARE_NEXT
    return nxt < len(raw) and dis.opname[raw[nxt]].startswith("POP_JUMP")


def count_opcodes(run, n, variant=None):
    """Counter of instruction labels executed by run(n).

    Labels are the generic opcode names of `dis`, except:
      BINARY_OP gets its operator ("BINARY_OP +", "BINARY_OP **"; "+=" counts as "+"),
      COMPARE_OP not followed by a conditional jump is "COMPARE_OP value",
      CALL becomes CALL_PY, CALL_CLASS, CALL_GEN or "CALL_C <callee>" (see module doc),
      `variant` appends an operand-type label ("BINARY_OP + float", "BINARY_SUBSCR dict"),
      PRECALL is folded into CALL_*, POP_EXCEPT into PUSH_EXC_INFO, RESUME (never reported
      by the tracer) into CALL_PY / CALL_CLASS / GEN_RESUME,
      GEN_RESUME counts each entry into a generator frame, CALL_PY_FROM_C each Python frame
      a C function enters, EXC_UNWIND each frame an exception is raised in or passes through."""
    variant = variant or {}
    counts = collections.Counter()
    codes = {}
    pending = []  # [caller frame, CALL offset, c function name or None]

    def settle(event, frame):
        caller, offset, cname = pending.pop()
        if cname is not None:
            counts["CALL_C " + cname] += 1
            if event == "call":  # a C function calling back into Python
                counts["GEN_RESUME" if frame.f_code.co_flags & GENERATOR_FLAGS
                       else "CALL_PY_FROM_C"] += 1
        elif event == "call" and not (frame.f_code.co_flags & GENERATOR_FLAGS):
            kind = "CALL_PY"
            if frame.f_code.co_name == "__init__":
                ins = static_callee(caller.f_code, offset)  # super().__init__(...) is a method
                if ins is None or ins.opname not in ("LOAD_METHOD", "LOAD_ATTR"):
                    kind = "CALL_CLASS"
            counts[kind] += 1
        else:
            counts[callee_label(caller, offset)] += 1
            if event == "call":  # a type whose construction resumes a generator, e.g. list(gen)
                counts["GEN_RESUME"] += 1

    def local(frame, event, arg):
        if pending:
            settle(event, frame)
        if event == "opcode":
            code = frame.f_code
            raw = codes.get(code)
            if raw is None:
                raw = codes[code] = code.co_code  # 3.11: the un-quickened bytes
            off = frame.f_lasti
            name = dis.opname[raw[off]]
            if name == "CALL":
                pending.append([frame, off, None])
                return local
            if name in ("PRECALL", "EXTENDED_ARG"):
                return local
            if name == "POP_EXCEPT":
                name = "PUSH_EXC_INFO"
            label = name
            if name == "BINARY_OP":
                label += " " + binop_symbol(code, off)
            elif name == "COMPARE_OP" and not compare_jumps(code, raw, off):
                label += " value"  # 3.11 fuses a compare only with a following POP_JUMP
            if label in variant:  # e.g. {"BINARY_OP %": "small"}
                label += " " + variant[label]
            elif name in variant:  # e.g. {"BINARY_OP": "float"}
                label += " " + variant[name]
            counts[label] += 1
        elif event == "exception":
            counts["EXC_UNWIND"] += 1
        return local

    def glob(frame, event, arg):
        frame.f_trace_opcodes = True
        if pending:
            settle(event, frame)
        elif frame.f_code.co_flags & GENERATOR_FLAGS:
            counts["GEN_RESUME"] += 1  # next()/send() into a generator: frame re-entry
        else:
            counts["CALL_PY_FROM_C"] += 1  # e.g. a key= function called by sorted()
        return local

    def prof(frame, event, arg):
        if event == "c_call" and pending and pending[-1][2] is None:
            pending[-1][2] = getattr(arg, "__qualname__", None) or getattr(arg, "__name__", "?")

    sys.setprofile(prof)
    sys.settrace(glob)
    try:
        run(n)
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    if pending:
        settle(None, None)
    return counts


def per_unit_counts(run, k, units_per_call, variant=None):
    """Instruction counts of one unit: (count(2k) - count(k)) / (k * units_per_call)."""
    a = count_opcodes(run, k, variant)
    b = count_opcodes(run, 2 * k, variant)
    out = {}
    for op in set(a) | set(b):
        d = (b.get(op, 0) - a.get(op, 0)) / (k * units_per_call)
        if abs(d) > 1e-9:
            out[op] = d
    return out


# --- timing --------------------------------------------------------------------------------------

def pick_n(run, target_s, n_max):
    """The n for which run(n) takes about target_s of CPU time (this also warms it up)."""
    n = 1
    while True:
        t0 = time.thread_time()
        run(n)
        dt = time.thread_time() - t0
        if dt >= target_s / 8 or n >= n_max:
            break
        n *= 4 if dt < target_s / 50 else 2
    n = int(n * target_s / max(dt, 1e-9))
    return max(1, min(n, n_max))


def time_once(run, n):
    """One timeit measurement of run(n): CPU seconds of this thread (GC enabled, as in a real
    program). CPU time, not wall time: on a busy machine a run of more than a few ms is
    always interleaved with other processes, and wall time would count their slices."""
    t = timeit.Timer(lambda: run(n), setup="import gc; gc.enable()", timer=time.thread_time)
    return t.timeit(number=1)


# --- NNLS (Lawson-Hanson) ------------------------------------------------------------------------

def solve(A, b):
    """Solve the square system A x = b (Gaussian elimination, partial pivoting)."""
    n = len(A)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        if abs(M[p][c]) < 1e-18:
            raise ZeroDivisionError("singular")
        M[c], M[p] = M[p], M[c]
        piv = M[c][c]
        for r in range(c + 1, n):
            f = M[r][c] / piv
            if f:
                Mr, Mc = M[r], M[c]
                for j in range(c, n + 1):
                    Mr[j] -= f * Mc[j]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = M[r][n] - sum(M[r][j] * x[j] for j in range(r + 1, n))
        x[r] = s / M[r][r]
    return x


def normal_equations(A, b):
    m, n = len(A), len(A[0])
    cols = list(zip(*A))
    H = [[sum(p * q for p, q in zip(cols[i], cols[j])) for j in range(n)] for i in range(n)]
    g = [sum(p * q for p, q in zip(cols[i], b)) for i in range(n)]
    return H, g


def nnls(H, g, ridge=0.0, x0=None):
    """min ||A x - b||^2 + ridge * sum_j ||A_j||^2 x_j^2 subject to x >= 0, given the normal
    equations H = A'A, g = A'b (Lawson & Hanson 1974). The small relative ridge only splits the
    cost of instructions that always occur together (evenly) and keeps H regular. x0: a
    feasible start (a solution of a nearby problem), which makes leave-one-out refits quick."""
    n = len(H)
    H = [row[:] for row in H]
    for i in range(n):
        H[i][i] *= 1.0 + ridge
    if x0 is None:
        x = [0.0] * n
    else:
        x = [v if v > 1e-12 else 0.0 for v in x0]
    P = {i for i in range(n) if x[i] > 0}
    tol = 1e-12 * max(1.0, max(abs(v) for v in g))

    def inner(x):
        while P:
            idx = sorted(P)
            z_p = solve([[H[i][j] for j in idx] for i in idx], [g[i] for i in idx])
            z = [0.0] * n
            for i, v in zip(idx, z_p):
                z[i] = v
            if all(z[i] > 0 for i in idx):
                return z
            alpha = min(x[i] / (x[i] - z[i]) for i in idx if z[i] <= 0)
            x = [x[i] + alpha * (z[i] - x[i]) for i in range(n)]
            for i in idx:
                if x[i] <= 1e-12:
                    P.discard(i)
                    x[i] = 0.0
        return x

    x = inner(x)
    for _ in range(30 * n):
        w = [g[i] - sum(H[i][j] * x[j] for j in range(n)) for i in range(n)]
        cand = [i for i in range(n) if i not in P and w[i] > tol]
        if not cand:
            break
        P.add(max(cand, key=lambda i: w[i]))
        x = inner(x)
    return x


# --- the tables of docs/cost-model.md ----------------------------------------------------------

BEGIN_MARK = "<!-- BEGIN GENERATED: python3 tools/calibrate/measure.py --render-doc -->"
END_MARK = "<!-- END GENERATED -->"

PSEUDO = {
    "CALL_PY": "call of a Python function or method: frame push + RESUME",
    "CALL_CLASS": "instantiation of a class with a Python `__init__` (its body counts apart)",
    "CALL_GEN": "call of a generator function (creates it, runs nothing)",
    "CALL_PY_FROM_C": "Python function called by C code (`key=`, `map`, ...)",
    "CALL_C": "call of any C callable not listed below",
    "GEN_RESUME": "each entry into a generator frame (`next`, `for`, `sum`, ...)",
    "EXC_UNWIND": "each frame an exception is raised in or passes through",
    "PUSH_EXC_INFO": "entering + leaving an `except` block (POP_EXCEPT folded in)",
}


def render_tables(d):
    esc = lambda t: str(t).replace("|", "\\|")
    out = ["## Tables (generated: do not edit by hand)", ""]
    f = d["fit"]
    out.append("Measured %s with CPython %s on %s (pinned to cpu %s)."
               % (d["date"], d["python"], d["machine"], d["pinned_cpu"]))
    out.append("")
    refs = [s for s in d["shapes"] if "reference_ns" in s]
    if refs:
        out.append("Reference shapes of issue 3, measured now:")
        out.append("")
        for s in refs:
            out.append("- `%s`: **%.1f ns** per %s (issue: %s ns; model: %.1f ns)"
                       % (esc(s["summary"]), s["measured_ns"], s["per"], s["reference_ns"],
                          s["predicted_ns"]))
        out.append("")
    out.append("Fit: %d shapes (%d fitted, %d programs among them), %d fitted entries. "
               "In-sample error: median %.1f %%, max %.1f %%. Leave-one-out (%d shapes): "
               "median %.1f %%, max %.1f %%; programs %+.0f %% .. %+.0f %% in-sample, "
               "%+.0f %% .. %+.0f %% leave-one-out."
               % (f["shapes"], f["fitted_shapes"], sum(1 for s in d["shapes"] if s.get("program")),
                  f["opcodes"], f["median_error_pct"], f["max_error_pct"], f["loo_shapes"],
                  f["loo_median_error_pct"], f["loo_max_error_pct"],
                  f["programs_error_pct"][0], f["programs_error_pct"][1],
                  f["programs_loo_error_pct"][0], f["programs_loo_error_pct"][1]))
    out.append("")
    out.append("### Cost table")
    out.append("")
    out.append("| kind | entry | ns | basis |")
    out.append("|---|---|---:|---|")
    sup = d["support"]

    def basis(label):
        n = sup.get(label, 0)
        if n == 0:
            return "default (no shape runs it once per unit)"
        return "%d shape%s" % (n, "" if n == 1 else "s")

    ops = sorted(d["opcodes"], key=lambda o: (o.split(" ")[0], o))
    for op in ops:
        if op == "CALL_C":
            continue
        kind = "pseudo" if op.split(" ")[0] in PSEUDO else "instruction"
        note = PSEUDO.get(op, "")
        b = basis(op) if op.split(" ")[0] != "CALL_C" else ""
        out.append("| %s | `%s`%s | %.2f | %s |" % (kind, esc(op), (" — " + note) if note else "",
                                                    d["opcodes"][op], b))
    for name, ns in d["c_calls"].items():
        out.append("| C call | `%s()` | %.2f | %s |" % (esc(name), ns, basis("CALL_C " + name)))
    out.append("| C call | `CALL_C` — %s | %.2f | median of the C calls |"
               % (PSEUDO["CALL_C"], d["opcodes"]["CALL_C"]))
    out.append("| default | any instruction not listed | %.2f | median of the instructions |"
               % d["default_opcode_ns"])
    for key, b in d["builtins_detail"].items():
        unit = "limb pair (30-bit limbs)" if b["model"] == "quadratic" else "item"
        extra = ""
        if len(b["ns_per_item_at_size"]) > 2:
            extra = "; per item at size " + ", ".join(
                "%s: %.0f" % (m, v) for m, v in b["ns_per_item_at_size"].items())
        out.append("| builtin | `%s` — %s | %.2f / %s | + %.0f per call%s |"
                   % (esc(b["stmt"][4:].replace("M", "m")), esc(b["desc"]), b["per_item"], unit,
                      b["fixed"], extra))
    out.append("")
    out.append("### Check: measured vs predicted")
    out.append("")
    out.append("ns per unit; *error* = predicted / measured - 1; *leave-one-out* = predicted by a "
               "fit without that shape (blank: the shape alone determines one of its entries); "
               "unfitted rows are checks of the builtin costs.")
    out.append("")
    out.append("| shape | code (per unit) | unit | measured | predicted | error | leave-one-out |")
    out.append("|---|---|---|---:|---:|---:|---:|")
    for s in d["shapes"]:
        name = s["name"] + ("" if s["fitted"] else " (check)") + (" **ref**" if "reference_ns" in s else "")
        loo = "" if s.get("loo_error_pct") is None else "%+.1f %%" % s["loo_error_pct"]
        out.append("| %s | `%s` | %s | %.1f | %.1f | %+.1f %% | %s |"
                   % (name, esc(s["summary"]), esc(s["per"]), s["measured_ns"], s["predicted_ns"],
                      s["error_pct"], loo))
    return "\n".join(out) + "\n"


def render_doc(json_path, md_path):
    with open(json_path) as f:
        d = json.load(f)
    with open(md_path) as f:
        text = f.read()
    a = text.index(BEGIN_MARK) + len(BEGIN_MARK)
    b = text.index(END_MARK)
    text = text[:a] + "\n" + render_tables(d) + text[b:]
    with open(md_path, "w") as f:
        f.write(text)


# --- main ----------------------------------------------------------------------------------------

def machine_description():
    model = "unknown cpu"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d cores, %s %s" % (model, os.cpu_count() or 0, platform.system(),
                                     platform.release())


def main():
    args = sys.argv[1:]
    if args[:1] == ["--render-doc"]:
        root = os.path.dirname(os.path.dirname(HERE))
        json_path = args[1] if len(args) > 1 else os.path.join(HERE, "cost_table.json")
        md_path = args[2] if len(args) > 2 else os.path.join(root, "docs", "cost-model.md")
        render_doc(json_path, md_path)
        return
    quick = "--quick" in args
    rounds = 5 if quick else 20
    if "--rounds" in args:
        rounds = int(args[args.index("--rounds") + 1])
    target_s = 0.005
    started = time.perf_counter()

    pinned = None
    if "--no-pin" not in args and hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) > 1:
            pinned = 1 if 1 in cpus else cpus[-1]
            os.sched_setaffinity(0, {pinned})  # same as `taskset -c 1`
        else:
            pinned = cpus[0]
    log("pinned to cpu %s" % pinned)

    # 1. instruction counts ------------------------------------------------------------------
    shapes = []
    for shape in SHAPES:
        ns, run = make_runner(shape)
        per_call = sum(count_opcodes(run, 1).values())  # events of one unit (and the rest)
        k = shape.get("trace_n", max(3, min(200, 20000 // max(1, per_call))))
        counts = per_unit_counts(run, k, shape.get("items", 1), shape.get("variant"))
        shapes.append(dict(shape=shape, run=run, counts=counts))
    bench = {}
    for key, b in BUILTINS.items():
        entries = []
        for m in tuple(b["sizes"]) + tuple(b.get("curve", ())):
            sh = dict(name="builtin_%s_%d" % (key, m),
                      setup=b["setup"].replace("M", str(m)) if b["setup"] else "",
                      body="x = " + b["stmt"].replace("M", str(m)))
            ns, run = make_runner(sh)
            entries.append(dict(m=m, run=run, times=[]))
        counts = per_unit_counts(entries[0]["run"], 20, 1)
        bench[key] = dict(spec=b, entries=entries, counts=counts)
    log("counted instructions in %.1f s" % (time.perf_counter() - started))

    # 2. timing: rounds over everything, keep the minimum ---------------------------------------
    jobs = [(s["run"], s) for s in shapes]
    for key in bench:
        for e in bench[key]["entries"]:
            jobs.append((e["run"], e))
    for run, holder in jobs:
        fixed_n = holder.get("shape", {}).get("n")
        holder["n"] = pick_n(run, target_s, 3_000_000)  # also warms up: the adaptive
        holder["n"] = fixed_n or holder["n"]             # interpreter specialises
        holder["times"] = []
    for r in range(rounds):
        order = list(range(len(jobs)))
        random.Random(r).shuffle(order)
        for j in order:
            run, holder = jobs[j]
            holder["times"].append(time_once(run, holder["n"]))
        log("round %d/%d done (%.1f s)" % (r + 1, rounds, time.perf_counter() - started))

    for s in shapes:
        items = s["shape"].get("items", 1)
        s["measured_ns"] = min(s["times"]) / (s["n"] * items) * 1e9
        s["median_ns"] = sorted(s["times"])[len(s["times"]) // 2] / (s["n"] * items) * 1e9

    builtins = {}
    for key, b in bench.items():
        (m1, e1), (m2, e2) = [(e["m"], e) for e in b["entries"][:2]]
        t1 = min(e1["times"]) / e1["n"] * 1e9
        t2 = min(e2["times"]) / e2["n"] * 1e9
        at = {str(e["m"]): min(e["times"]) / e["n"] * 1e9 for e in b["entries"]}
        f = (lambda m: m * m) if b["spec"].get("model") == "quadratic" else (lambda m: m)
        per_item = max(0.0, (t2 - t1) / (f(m2) - f(m1)))
        builtins[key] = dict(per_item=per_item, intercept=t1 - per_item * f(m1),
                             times=at, model=b["spec"].get("model", "linear"),
                             desc=b["spec"]["desc"], stmt="x = " + b["spec"]["stmt"],
                             counts=b["counts"])

    # 3. fit -------------------------------------------------------------------------------------
    def builtin_offset(shape, fixed):
        total = 0.0
        for key, (calls, items) in shape.get("builtins", {}).items():
            total += items * builtins[key]["per_item"]
            if fixed:
                total += calls * builtins[key].get("fixed", 0.0)
        return total / shape.get("items", 1)

    fit_shapes = [s for s in shapes if s["shape"].get("fit", True)]
    micro = [s for s in fit_shapes if not s["shape"].get("program")]
    seen = set()
    for s in shapes:
        seen |= set(s["counts"])
    for b in builtins.values():
        seen |= set(b["counts"])
    support = {op: sum(1 for s in fit_shapes if s["counts"].get(op, 0) >= 0.5)
               for op in seen}
    # Columns: what some micro shape executes at least once per unit. Anything else (the outer
    # loop's GET_ITER in per-item shapes, a C function only a program calls, ...) is priced at
    # the default of its kind, from a first fit on the micro shapes alone.
    ops = sorted({op for s in micro for op, c in s["counts"].items() if c >= 0.5})
    colset = set(ops)
    price = {}

    def system(rows, fixed):
        A, y = [], []
        for s in rows:
            target = s["measured_ns"] - builtin_offset(s["shape"], fixed=fixed)
            for op, c in s["counts"].items():
                target -= c * (FLOOR_NS if op in colset else price.get(op, FLOOR_NS))
            w = 1.0 / s["measured_ns"]  # relative error
            A.append([s["counts"].get(op, 0.0) * w for op in ops])
            y.append(target * w)
        return A, y

    def solve_costs(H, g, x0=None):
        x = nnls(H, g, ridge=RIDGE, x0=x0)
        return {op: FLOOR_NS + v for op, v in zip(ops, x)}

    def set_defaults(cost):
        c_fitted = sorted(v for op, v in cost.items() if op.startswith("CALL_C "))
        plain_fitted = sorted(v for op, v in cost.items() if not op.startswith("CALL_C "))
        d_c, d_op = c_fitted[len(c_fitted) // 2], plain_fitted[len(plain_fitted) // 2]
        for op in seen - colset:
            price[op] = d_c if op.startswith("CALL_C ") else d_op
        return d_c, d_op

    def set_builtin_fixed(cost):
        for key, b in builtins.items():
            ns = sum(c * cost.get(op, price.get(op, 0.0)) for op, c in b["counts"].items())
            b["fixed"] = max(0.0, b["intercept"] - ns)

    # pass 1: micro shapes only -> defaults and the builtins' fixed costs
    cost = solve_costs(*normal_equations(*system(micro, fixed=False)))
    default_c, default_op = set_defaults(cost)
    set_builtin_fixed(cost)
    # pass 2: micro shapes and programs
    A, y = system(fit_shapes, fixed=True)
    H, g = normal_equations(A, y)
    cost = solve_costs(H, g)
    set_builtin_fixed(cost)
    cost.update(price)

    def opcode_ns(counts):
        return sum(c * cost.get(op, 0.0) for op, c in counts.items())

    for s in shapes:
        s["predicted_ns"] = opcode_ns(s["counts"]) + builtin_offset(s["shape"], fixed=True)

    # leave-one-out: refit without the shape, predict it. For a micro shape, only possible when
    # every instruction it executes once per unit is executed by another micro shape too (a
    # program calling len() once does not determine len()); programs always qualify.
    micro_support = {op: sum(1 for s in micro if s["counts"].get(op, 0) >= 0.5) for op in ops}
    x_full = [cost[op] - FLOOR_NS for op in ops]
    for i, s in enumerate(fit_shapes):
        s["loo_ns"] = None
        if not s["shape"].get("program") and any(
                micro_support[op] < 2 for op, c in s["counts"].items()
                if c >= 0.5 and op in colset):
            continue
        a, b = A[i], y[i]
        H_i = [[H[p][q] - a[p] * a[q] for q in range(len(ops))] for p in range(len(ops))]
        g_i = [g[p] - a[p] * b for p in range(len(ops))]
        loo = solve_costs(H_i, g_i, x0=x_full)
        s["loo_ns"] = (sum(c * loo.get(op, cost[op]) for op, c in s["counts"].items())
                       + builtin_offset(s["shape"], fixed=True))
    log("leave-one-out done (%.1f s)" % (time.perf_counter() - started))

    # 4. output ----------------------------------------------------------------------------------
    errors = sorted(abs(s["predicted_ns"] / s["measured_ns"] - 1) * 100 for s in shapes)
    fit_errors = sorted(abs(s["predicted_ns"] / s["measured_ns"] - 1) * 100
                        for s in fit_shapes)
    progs = [s for s in fit_shapes if s["shape"].get("program")]
    prog_err = [(s["predicted_ns"] / s["measured_ns"] - 1) * 100 for s in progs] or [0.0]
    prog_loo = [(s["loo_ns"] / s["measured_ns"] - 1) * 100 for s in progs
                if s["loo_ns"] is not None] or [0.0]
    loo_errors = sorted(abs(s["loo_ns"] / s["measured_ns"] - 1) * 100
                        for s in fit_shapes if s["loo_ns"] is not None)
    out = collections.OrderedDict()
    out["python"] = platform.python_version()
    out["implementation"] = platform.python_implementation()
    out["machine"] = machine_description()
    out["pinned_cpu"] = pinned
    out["date"] = time.strftime("%Y-%m-%d")
    out["method"] = ("min of %d timeit rounds per shape (thread CPU time, GC on); opcode "
                     "counts by sys.settrace "
                     "with f_trace_opcodes (generic dis names); non-negative relative least "
                     "squares" % rounds)
    out["units"] = "ns"
    plain = [op for op in seen if not op.startswith("CALL_C ")]
    ccalls = [op for op in ops if op.startswith("CALL_C ")]
    out["opcodes"] = collections.OrderedDict(
        (op, round(cost[op], 2)) for op in sorted(plain, key=lambda o: (-cost[o], o)))
    out["opcodes"]["CALL_C"] = round(default_c, 2)
    out["c_calls"] = collections.OrderedDict(
        (op[len("CALL_C "):], round(cost[op], 2)) for op in sorted(ccalls, key=lambda o: -cost[o]))
    out["default_opcode_ns"] = round(default_op, 2)
    out["floor_ns"] = FLOOR_NS
    out["support"] = collections.OrderedDict((op, support[op]) for op in sorted(seen)
                                             if not op.startswith("CALL_C ") or op in ops)
    out["notes"] = {
        "labels": "generic dis names; BINARY_OP carries its operator (in-place = plain) and, "
                  "without a type label, means ints whose result lies in 257 .. 2**30-1 "
                  "(allocated, one digit); 'small': result in [-5, 256] (preallocated, no "
                  "allocation); 'big': an operand or the result is 2**30 or more; *_SUBSCR / CONTAINS_OP without a "
                  "label mean list; FOR_ITER without a label means range or list iterator",
        "CALL_PY": "call of a Python function/method: frame push and RESUME",
        "CALL_CLASS": "instantiation of a class with a Python __init__ (allocation, __init__ "
                      "frame push and RESUME; the __init__ body counts apart)",
        "CALL_PY_FROM_C": "a Python function called by C code (key=, map, ...); default cost",
        "GEN_RESUME": "each (re-)entry into a generator frame (next(), for, sum(), ...)",
        "CALL_GEN": "call of a generator function: creates the generator, runs nothing",
        "CALL_C": "call of a C callable not in c_calls (median of c_calls); c_calls holds the "
                  "whole cost of one call, argument passing and the callee's work included",
        "RESUME": "folded into CALL_PY / CALL_CLASS / GEN_RESUME",
        "EXC_UNWIND": "once per frame an exception is raised in or propagates through",
        "PRECALL": "folded into CALL_*",
        "POP_EXCEPT": "folded into PUSH_EXC_INFO (entering + leaving an except block)",
        "CACHE / EXTENDED_ARG": "free",
        "default_opcode_ns": "for instructions no fitted shape executes once per unit (median "
                             "of the fitted costs); those appear in opcodes with support 0",
        "floor_ns": "every instruction costs at least this (dispatch); fitted costs are >= it",
        "support": "number of fitted shapes that execute the instruction at least once per unit; "
                   "1 means the cost rests on a single shape (that shape fits by construction)",
    }
    flat = collections.OrderedDict()
    for key, b in builtins.items():
        flat[key + "_per_item"] = round(b["per_item"], 3)
        flat[key + "_fixed"] = round(b["fixed"], 1)
    out["builtins"] = flat
    out["builtins_detail"] = {key: dict(stmt=b["stmt"], desc=b["desc"], model=b["model"],
                                        ns_per_call_at_size={m: round(t, 1)
                                                             for m, t in b["times"].items()},
                                        ns_per_item_at_size={
                                            m: round(t / (int(m) ** 2 if b["model"] == "quadratic"
                                                          else int(m)), 3)
                                            for m, t in b["times"].items()},
                                        per_item=round(b["per_item"], 3),
                                        fixed=round(b["fixed"], 1))
                              for key, b in builtins.items()}
    out["fit"] = dict(
        shapes=len(shapes), fitted_shapes=len(fit_shapes), opcodes=len(ops),
        max_error_pct=round(errors[-1], 1),
        median_error_pct=round(errors[len(errors) // 2], 1),
        fitted_max_error_pct=round(fit_errors[-1], 1),
        fitted_median_error_pct=round(fit_errors[len(fit_errors) // 2], 1),
        loo_shapes=len(loo_errors),
        loo_max_error_pct=round(loo_errors[-1], 1),
        loo_median_error_pct=round(loo_errors[len(loo_errors) // 2], 1),
        loo_note="leave-one-out: each shape predicted by a fit without it; only shapes whose "
                 "instructions all occur in at least one other fitted micro shape",
        programs_error_pct=[round(min(prog_err), 1), round(max(prog_err), 1)],
        programs_loo_error_pct=[round(min(prog_loo), 1), round(max(prog_loo), 1)])
    out["shapes"] = [
        collections.OrderedDict(
            name=s["shape"]["name"], code=display_code(s["shape"]),
            summary=summary(s["shape"]),
            measured_ns=round(s["measured_ns"], 2), median_ns=round(s["median_ns"], 2),
            predicted_ns=round(s["predicted_ns"], 2),
            error_pct=round((s["predicted_ns"] / s["measured_ns"] - 1) * 100, 1),
            loo_ns=None if s.get("loo_ns") is None else round(s["loo_ns"], 2),
            loo_error_pct=None if s.get("loo_ns") is None
            else round((s["loo_ns"] / s["measured_ns"] - 1) * 100, 1),
            per=s["shape"].get("per") or ("item" if s["shape"].get("items", 1) > 1
                                          else "iteration"),
            fitted=s["shape"].get("fit", True),
            program=bool(s["shape"].get("program")),
            **({"reference_ns": s["shape"]["ref_ns"]} if "ref_ns" in s["shape"] else {}),
            counts={op: round(c, 3) for op, c in sorted(s["counts"].items())})
        for s in shapes]
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    log("fit: max error %.1f%%, median %.1f%% over %d shapes; %.1f s in all"
        % (errors[-1], errors[len(errors) // 2], len(shapes), time.perf_counter() - started))


if __name__ == "__main__":
    main()
