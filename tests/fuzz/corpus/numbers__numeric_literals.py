print(1_000_000, 0x_ff, 0o17, 0b1010)
print(0xdeadbeef, 0O777, 0B11)
print(1e3, 1E-2, 2.5e+2, .5, 5., 1_0.0_1)
print(000, 0, -0)
print(1_000.000_1)
print(123456789 * 987654321)
print(type(1e0).__name__, type(10).__name__)

# expect: 1000000 255 15 10
# expect: 3735928559 511 3
# expect: 1000.0 0.01 250.0 0.5 5.0 10.01
# expect: 0 0 0
# expect: 1000.0001
# expect: 121932631112635269
# expect: float int
