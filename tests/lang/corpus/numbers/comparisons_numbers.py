print(1 == 1.0, 1 != 1.0, 0.1 + 0.2 == 0.3)
print(abs((0.1 + 0.2) - 0.3) < 1e-9)
print(float("nan") == float("nan"), float("nan") != float("nan"))
print(float("inf") > 10 ** 300, -float("inf") < -10 ** 300)
print(2 ** 64 > 2.0 ** 63, 10 ** 30 == 1e30)
print(max(1, 2.5, 2), min(-1, -1.5))
print(sorted([3, 1.5, 2, -0.5, True]))
print(3 != 3.0, 5 >= 5, 5 > 5)

# expect: True False False
# expect: True
# expect: False True
# expect: True True
# expect: True False
# expect: 2.5 -1.5
# expect: [-0.5, True, 1.5, 2, 3]
# expect: False True False
