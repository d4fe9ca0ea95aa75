#!/usr/bin/env python3
"""Generates number_format_cases.txt: formatting and parsing of numbers checked against CPython.

One case per line, tab-separated: kind, value, argument, expected. Fields escape backslash, tab,
newline and carriage return as \\\\ \\t \\n \\r; the file is UTF-8 (lone surrogates encoded as
in the VM's strings: surrogatepass). An expected value starting with '!' is an exception:
'!ValueError: message'. Kinds:
  int    value=decimal int    arg=format spec   expected=format(value, spec)
  float  value=repr(float)    arg=format spec   expected=format(value, spec)
  str    value=string         arg=format spec   expected=format(value, spec)
  repr   value=float.hex()    arg=''            expected=repr(value)
  parsefloat value=string     arg=''            expected=repr(float(value))
  parseint   value=string     arg=base          expected=str(int(value, base))
  round  value=float.hex()    arg=ndigits       expected=repr(round(value, ndigits))
  round0 value=float.hex()    arg=''            expected=str(round(value))
Run: python3 gen_number_format_cases.py > number_format_cases.txt
"""
import math
import random
import struct
import sys

rng = random.Random(31337)
out = sys.stdout.buffer


def esc(s):
    s = str(s)
    s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s


def emit(kind, value, arg, expected):
    line = "\t".join([kind, esc(value), esc(arg), esc(expected)]) + "\n"
    out.write(line.encode("utf-8", "surrogatepass"))


def run(f):
    try:
        return f()
    except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
        return "!%s: %s" % (type(e).__name__, e)


FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 2.675, 0.125, 0.375, 1e16, 1e-5,
          1e-4, 123456789012345.0, 1.2345678901234568e+16, 1e22, 1e-7, 1.5e-7, 3.14159,
          -3.14159, 1234567.891, 1e300, 5e-324, 2.2250738585072014e-308, float("inf"),
          float("-inf"), float("nan"), 0.30000000000000004, 100.0, 99.99, 9.995, 0.0005, 1e100,
          -1e-10, 0.999, 9.5, 10.5, 1e15, 9999999999999998.0, 2.0**53, 2.0**63, 1.7976931348623157e308,
          12345.6789, -0.001, 0.05, 1/3, 2/3, 1e-300]

FLOAT_SPECS = ["", "f", ".2f", ".0f", "#.0f", "e", ".3e", ".0e", "#.0e", "E", "g", ".3g", "#g",
               "#.3g", "G", ".1g", ".0g", "%", ".1%", ",", ",.2f", "_.3f", "010.2f", "+.1f",
               " .1f", "=+10.2f", "*^12.3g", "<10", ">10", "^10", "z.1f", "z", "z.3e", ".3",
               ".0", ".1", "#", "#.3", "n", ".10n", "012,.2f", "0=12", "015,", ".30g", ".17g",
               ".50f", "+", " ", "-", "08", "-08.3", "x<+12,.4e", "€>10", "0>10", "0<10",
               "10,.1%", "_", "_g", ",e", ".2F", "F", "#G", ".20e", ".16", ".17", "20", "d",
               "c", "s", "x", "abc", ".", "1.2.3", ",_", "_,", "z#012.3f", "= 10", "#x",
               ".2d", "=^10", "+z", "+z.2f"]

INTS = [0, 1, -1, 5, 7, 10, 255, -255, 1234567, -1234567, 2**31, 2**63 - 1, -(2**63), 2**64,
        -(2**100), 10**30, 65, 0x10FFFF, 0x110000, 0xD800, 0xE9, 0x65E5, 2**70, 12, 1000, -1000,
        999999, 123456789]

INT_SPECS = ["", "d", "5d", "03d", "+d", "-d", " d", "x", "X", "#x", "#X", "#o", "#b", "b", "o",
             "_b", "_x", "_o", "_X", ",", "_", ",d", "_d", "c", "^6", "=10", "010,", "e", ".2f",
             "%", "g", "G", "E", "F", "n", "#010x", "+#x", "#_b", "<8", ">8", "*^9", "0=8",
             "08", "=+8", " 8", "+08,", "012_", ",x", ",b", ",c", ",n", "_n", ".2", ".0d", "z",
             "zd", "#c", "+c", "5c", "^5c", "c<5", "s", "r", "abc", "10.2", ".", "#8o",
             "0>5", "0<5", "0^5", "x=+#12_x", ",.3e", "_%", "5", "1", "#", "-#o", "€^9",
             "٣", "0١٢"]

STRS = ["", "a", "ab", "héllo", "日本語", "\U0001F600x", "abcdef", "x y"]

STR_SPECS = ["", "s", ">5", "<5", "^5", "*^7", ".2", "10.3", "é^7", "=5", "+", " ", "-", "#",
             "z", "05", "0>5", ",", "_", "d", ".0", "3", "x>6.1s", "^", ".10", "\t<4",
             "日>6", "abc", ".", "1.2s"]


def rand_spec(types):
    parts = []
    if rng.random() < 0.35:
        if rng.random() < 0.5:
            parts.append(rng.choice(["*", "0", " ", "x", "é", "_", ","]))
        parts.append(rng.choice("<>=^"))
    if rng.random() < 0.35:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.25:
        parts.append("#")
    if rng.random() < 0.25:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randint(1, 25)))
    if rng.random() < 0.25:
        parts.append(rng.choice([",", "_"]))
    if rng.random() < 0.45:
        parts.append("." + str(rng.randint(0, 20)))
    if rng.random() < 0.85:
        parts.append(rng.choice(types))
    return "".join(parts)


def rand_double():
    r = rng.random()
    if r < 0.4:
        bits = rng.getrandbits(64)
        v = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isnan(v):
            v = 1.5
        return v
    if r < 0.7:
        return rng.uniform(-1000, 1000)
    if r < 0.85:
        return round(rng.uniform(-100, 100), rng.randint(0, 4))
    return rng.choice(FLOATS)


def main():
    # format(float, spec)
    for v in FLOATS:
        for spec in FLOAT_SPECS:
            emit("float", repr(v), spec, run(lambda: format(v, spec)))
    for _ in range(700):
        v = rand_double()
        spec = rand_spec(list("eEfFgGn%") + [""])
        emit("float", repr(v), spec, run(lambda: format(v, spec)))
    # format(int, spec)
    for v in INTS:
        for spec in INT_SPECS:
            emit("int", str(v), spec, run(lambda: format(v, spec)))
    for _ in range(600):
        v = rng.choice([rng.randint(-10**6, 10**6), rng.getrandbits(rng.randint(1, 200)) * rng.choice([1, -1]),
                        rng.choice(INTS)])
        spec = rand_spec(list("bcdoxXneEfFgG%") + [""])
        emit("int", str(v), spec, run(lambda: format(v, spec)))
    # format(str, spec)
    for v in STRS:
        for spec in STR_SPECS:
            emit("str", v, spec, run(lambda: format(v, spec)))
    # repr(float): every power of two (asymmetric rounding intervals), random bit patterns.
    for e in range(-1074, 1024):
        v = 2.0**e
        emit("repr", v.hex(), "", repr(v))
    for _ in range(700):
        bits = rng.getrandbits(64)
        v = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isnan(v):
            continue
        emit("repr", v.hex(), "", repr(v))
    for v in FLOATS:
        emit("repr", v.hex(), "", repr(v))
    for k in range(1, 300):
        v = k / 10
        emit("repr", v.hex(), "", repr(v))
        v = 10.0**(k - 150)
        emit("repr", v.hex(), "", repr(v))
    # float(str)
    for s in ["1.5", " 1e3 ", "inf", "-inf", "+inf", "nan", "-nan", "NaN", "iNfInItY", "infinity",
              "infinit", "1_000.5", "1__0", "_1", "1_", "1_.5", "1._5", "1e1_0", "1_e5", "0x10",
              "1e", "1e+", "1.5e-3", ".5", "5.", ".", "", " ", "+", "-", "+.5", "-.5e-2", "1e500",
              "-1e500", "1e-500", "-1e-500", "00012", "1.2.3", "1 2", "\t\n1.5\r\x0b\x0c",
              "\u00a01.5\u2003", "١٢", "١٢.٥", "1\x00", "\x1c1", "1,5", "12e", "e5", "1e5.5",
              "0.1", "2.675", "123456789012345678901234567890", "4.9e-324", "2.4703282292062328e-324",
              "2.4703282292062327e-324", "1.7976931348623157e308", "1.7976931348623159e308",
              "0." + "0" * 400 + "1", "9" * 400, "1_2_3.4_5e1_0", "in f", "infx", "nanx",
              "+-1", "--1", "1e-0", "1E5", "\u30001\u3000", "１２"]:
        emit("parsefloat", s, "", run(lambda: repr(float(s))))
    # int(str, base)
    for s, base in [("12", 10), (" 12 ", 10), ("-12", 10), ("+12", 10), ("1_000", 10), ("1__0", 10),
                    ("_1", 10), ("1_", 10), ("0x1f", 16), ("0x1f", 0), ("0X1F", 0), ("0o17", 0),
                    ("0b101", 0), ("0b_101", 0), ("0_b101", 0), ("0x_", 16), ("0x", 16), ("010", 0),
                    ("00", 0), ("0_0", 0), ("0__0", 0), ("0", 0), ("-0", 0), ("0b1", 16),
                    ("z", 36), ("Z", 36), ("10", 2), ("2", 2), ("", 10), (" ", 10), ("-", 10),
                    ("- 5", 10), ("5 ", 10), ("\t5\n", 10), ("١٢", 10), ("１２", 10),
                    ("\u00a012\u00a0", 10), ("12x", 10), ("1" * 4300, 10), ("1" * 4301, 10),
                    ("f" * 5000, 16), ("0x" + "f" * 20, 0), ("9" * 40, 0), ("1e5", 10),
                    ("1.0", 10), ("0o8", 8), ("0o7", 8), ("0o_7", 0), ("00x", 0), ("1_000_000", 0),
                    ("+0x10", 0), ("-0b11", 0), ("12", 3), ("zz", 35), ("5\x00", 10)]:
        r = run(lambda: int(s, base))
        if not isinstance(r, str):
            sys.set_int_max_str_digits(0)
            r = str(r)
            sys.set_int_max_str_digits(4300)
        if not r.startswith("!") and len(r) > 60:
            r = "len%d:%s" % (len(r), r[:40])
        emit("parseint", s, base, r)
    # round(x, n) and round(x)
    for v in [2.675, 0.125, 0.375, 0.5, 1.5, 2.5, -0.5, -1.5, 1234.5, 1250.0, 1350.0, 1249.9,
              1250.4, -1250.0, 5.0, 15.0, 25.0, 0.0, -0.0, 1e300, 1.7e308, 1.7976931348623157e308,
              123456.789, -4.0, 4.0, 0.05, 0.15, 0.25, 0.35, 1e-300, 5e-324, 999.5, 9.995,
              2.0**52 + 0.5, 2.0**53, 1e22, 0.1 + 0.2]:
        for n in [0, 1, 2, 3, -1, -2, -3, -5, 5, 10, 17, 20, -20, -22, -23, -300, -307, -308,
                  -309, 300, 322, 323, 324, 400, -400]:
            emit("round", v.hex(), n, run(lambda: repr(round(v, n))))
        emit("round0", v.hex(), "", run(lambda: str(round(v))))
    for _ in range(300):
        v = rand_double()
        if math.isinf(v) or math.isnan(v):
            continue
        n = rng.randint(-10, 20)
        emit("round", v.hex(), n, run(lambda: repr(round(v, n))))
        emit("round0", v.hex(), "", run(lambda: str(round(v))))


main()
