print(1 + 2.0, type(1 + 2.0).__name__)
print(3 * 1.5, 10 / 4, 10 / 5)
print(2 * 3, type(2 * 3).__name__)
print(7 / 7, type(7 / 7).__name__)
print(1 == 1.0, 2 < 2.5, 3.0 > 2)
print(int(3.99), int(-3.99), float(7))
print(0.5 + 1, 1 - 0.25)
print(True + 0.5)
total = 0
for x in [1, 2.5, 3]:
    total += x
print(total)
print(sum([1, 2, 3]) / 3)
print(10 ** 20 * 1.0)
print(2 ** 53 + 1.0)

# expect: 3.0 float
# expect: 4.5 2.5 2.0
# expect: 6 int
# expect: 1.0 float
# expect: True True True
# expect: 3 -3 7.0
# expect: 1.5 0.75
# expect: 1.5
# expect: 6.5
# expect: 2.0
# expect: 1e+20
# expect: 9007199254740992.0
