print(1.7976931348623157e308, 1.7976931348623157e308 * 10)
print(5e-324, 5e-324 / 2, 2.2250738585072014e-308)
print(1e308 + 1e308, -1e308 * 10)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(float(10 ** 300))
print(2 ** 1023 * 1.0)
print(0.1 * 3, 1 - 0.9)

# expect: 1.7976931348623157e+308 inf
# expect: 5e-324 0.0 2.2250738585072014e-308
# expect: inf -inf
# expect: OverflowError: int too large to convert to float
# expect: 1e+300
# expect: 8.98846567431158e+307
# expect: 0.30000000000000004 0.09999999999999998
