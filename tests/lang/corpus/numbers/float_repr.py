print(0.1 + 0.2)
print(0.1 + 0.2 == 0.3)
print(1e16, 1e15, 123456789012345678.0)
print(1e-4, 1e-5, 0.0001234)
print(1 / 3, 2 / 3, 10 / 3)
print(2.0, -0.0, 100.0)
print(1.5e300 * 1e10, -1e309)
print(3.14159, 2.5e-8, 1e22, 1e23)
print(float("nan"), float("inf"), float("-inf"))
print(repr(0.1), str(0.1))
print([0.1, 0.25, 1e100])
print(9007199254740993.0)
print(0.30000000000000004 - 0.1)
print(123.456 * 100)

# expect: 0.30000000000000004
# expect: False
# expect: 1e+16 1000000000000000.0 1.2345678901234568e+17
# expect: 0.0001 1e-05 0.0001234
# expect: 0.3333333333333333 0.6666666666666666 3.3333333333333335
# expect: 2.0 -0.0 100.0
# expect: inf -inf
# expect: 3.14159 2.5e-08 1e+22 1e+23
# expect: nan inf -inf
# expect: 0.1 0.1
# expect: [0.1, 0.25, 1e+100]
# expect: 9007199254740992.0
# expect: 0.20000000000000004
# expect: 12345.6
