print(abs(-3), abs(3.5), abs(-0.0), abs(-10 ** 20))
print(round(3.14159, 2), round(2.5), round(-1.5), round(15, -1), round(25, -1))
print(round(1.23456789, 5), round(-0.5), round(0.6))
values = [1.005, 2.675, 0.045]
print([round(v, 2) for v in values])
print(abs(2 - 5) + abs(-1.5))

# expect: 3 3.5 0.0 100000000000000000000
# expect: 3.14 2 -2 20 20
# expect: 1.23457 0 1
# expect: [1.0, 2.67, 0.04]
# expect: 4.5
