#!/usr/bin/env python3
"""Generates bigint_cases.txt: BigInt operations checked against CPython 3.11.

Each line is `op a b expected` (space separated, integers in decimal, floats as repr);
`expected` is an exception name when CPython raises. Run: python3 gen_bigint_cases.py > bigint_cases.txt
"""
import math
import random
import sys

sys.set_int_max_str_digits(0)
rng = random.Random(20240611)


def rand_int():
    kind = rng.random()
    if kind < 0.2:
        v = rng.choice([0, 1, 2, 3, 7, 10, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**53, 2**53 + 1,
                        2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**96, 2**128 - 1, 10**18, 10**19,
                        2**61 - 1, 2**61, 2**122])
    elif kind < 0.55:
        v = rng.getrandbits(rng.randint(1, 64))
    elif kind < 0.92:
        v = rng.getrandbits(rng.randint(65, 300))
    else:
        v = rng.getrandbits(rng.randint(300, 1200))
    if rng.random() < 0.45:
        v = -v
    return v


def emit(op, a, b, r):
    print(op, a, b, r)


def safe(f):
    try:
        return f()
    except ZeroDivisionError:
        return "ZeroDivisionError"
    except OverflowError:
        return "OverflowError"
    except ValueError:
        return "ValueError"


def main():
    for _ in range(100):
        a, b = rand_int(), rand_int()
        if rng.random() < 0.05:
            b = 0
        emit("add", a, b, a + b)
        emit("sub", a, b, a - b)
        emit("mul", a, b, a * b)
        emit("floordiv", a, b, safe(lambda: a // b))
        emit("mod", a, b, safe(lambda: a % b))
        emit("truediv", a, b, safe(lambda: repr(a / b)))
        emit("and", a, b, a & b)
        emit("or", a, b, a | b)
        emit("xor", a, b, a ^ b)
        emit("cmp", a, b, (a > b) - (a < b))
        emit("gcd", a, b, math.gcd(a, b))
    for _ in range(60):
        a = rand_int()
        emit("neg", a, 0, -a)
        emit("invert", a, 0, ~a)
        emit("hash", a, 0, hash(a))
        emit("bitlen", a, 0, a.bit_length())
        emit("float", a, 0, safe(lambda: repr(float(a))))
        n = rng.randint(0, 200)
        emit("lshift", a, n, a << n)
        emit("rshift", a, n, a >> n)
        for base in (2, 8, 16, 36):
            emit("str%d" % base, a, 0, str_base(a, base))
    for _ in range(40):
        a = rand_int() % (10**rng.randint(1, 40))
        if rng.random() < 0.5:
            a = -a
        e = rng.randint(0, 40)
        emit("pow", a, e, a**e)
    for _ in range(40):
        a, e, m = rand_int(), rand_int(), rand_int()
        if rng.random() < 0.6:
            e = abs(e) % 10**rng.randint(1, 60)
        m = m % 10**rng.randint(1, 60) * (-1 if rng.random() < 0.3 else 1)
        print("modpow", a, e, m, safe(lambda: pow(a, e, m)))
    # Operands above the Karatsuba threshold (40 limbs), balanced and unbalanced.
    for _ in range(8):
        a = rng.getrandbits(rng.randint(1300, 4000)) * rng.choice([1, -1])
        b = rng.getrandbits(rng.randint(1300, 4000)) * rng.choice([1, -1])
        emit("mul", a, b, a * b)
        emit("floordiv", a * b + 12345, b, (a * b + 12345) // b)
    # Floats that stress rounding: values near halfway points of the 53-bit mantissa.
    for _ in range(40):
        k = rng.randint(54, 1030)
        m = (1 << 53) + rng.getrandbits(53) % (1 << 53)
        a = (m << (k - 54)) + rng.choice([0, 1, -1, 1 << (k - 55), (1 << (k - 55)) - 1, (1 << (k - 55)) + 1])
        emit("float", a, 0, safe(lambda: repr(float(a))))
    # True division near underflow and overflow.
    for _ in range(40):
        a, b = rand_int(), rand_int()
        if b == 0:
            b = 1
        shift = rng.randint(-1100, 1100)
        if shift >= 0:
            a <<= shift
        else:
            b <<= -shift
        emit("truediv", a, b, safe(lambda: repr(a / b)))


def str_base(a, base):
    if base == 10:
        return str(a)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    n = abs(a)
    out = []
    while True:
        n, d = divmod(n, base)
        out.append(digits[d])
        if n == 0:
            break
    return ("-" if a < 0 else "") + "".join(reversed(out))


main()
