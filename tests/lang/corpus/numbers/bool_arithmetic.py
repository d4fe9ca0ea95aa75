print(True + True, True * 10, False - 1)
print(sum([True, False, True, True]))
print(True == 1, False == 0, True + True == 2)
print(int(True), float(False), str(True))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("0"), bool([]), bool([0]))
print(bool(None), bool({}), bool(()), bool(range(0)))
print(True / 2, True // 2, -True)
print(isinstance(True, int))
print(True & False, True | False, True ^ True)
print([1, 2, 3][True])

# expect: 2 10 -1
# expect: 3
# expect: True True True
# expect: 1 0.0 True
# expect: False True True False False True False True
# expect: False False False False
# expect: 0.5 0 -1
# expect: True
# expect: False True False
# expect: 2
