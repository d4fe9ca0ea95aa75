print(int("42"), int("-17"), int("  8  "), int("+3"))
print(int("1_000_000"))
print(int("ff", 16), int("FF", 16), int("101", 2), int("777", 8), int("z", 36))
print(int("0x1f", 16), int("0b11", 0), int("0o17", 0), int("42", 0))
print(int(3.7), int(-3.7), int(1e20), int(True))
print(float("1.5"), float("  -2  "), float("1e3"), float("inf"))
print(float(10 ** 20), float("3"))
print(str(123), str(-0.5), str(10 ** 25))
print(int(str(2 ** 70)) == 2 ** 70)
print(int(), float(), repr(str()))

# expect: 42 -17 8 3
# expect: 1000000
# expect: 255 255 5 511 35
# expect: 31 3 15 42
# expect: 3 -3 100000000000000000000 1
# expect: 1.5 -2.0 1000.0 inf
# expect: 1e+20 3.0
# expect: 123 -0.5 10000000000000000000000000
# expect: True
# expect: 0 0.0 ''
