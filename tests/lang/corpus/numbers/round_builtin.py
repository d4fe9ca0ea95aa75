print(round(2.5), round(3.5), round(-2.5), round(0.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2))
print(round(3.14159, 3), round(3.14159, 0), round(3.14159))
print(round(1234.5678, -2), round(1234, -2), round(1250, -2), round(1350, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(round(7), round(-0.4), round(10 / 3, 4))
print(round(0.1 + 0.2, 10))

# expect: 2 4 -2 0
# expect: 2.67 1.0 0.12
# expect: 3.142 3.0 3
# expect: 1200.0 1200 1200 1400
# expect: int float
# expect: 7 0 3.3333
# expect: 0.3
