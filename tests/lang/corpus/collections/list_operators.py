a = [1, 2]
b = [3]
print(a + b, a * 2, [0] * 3, [] * 5)
print(len(a + b), 2 in a, 5 not in a)
print(a == [1, 2], a != b, a < b, [1, 2] < [1, 2, 0])
print(min(a + b), max(a + b), sum(a + b))
nested = [[1, 2], [3]]
print(nested[0][1], len(nested), nested + [[4]])
print(list("ab") + list((1, 2)))
print([[]] * 2, bool([]), bool([[]]))

# expect: [1, 2, 3] [1, 2, 1, 2] [0, 0, 0] []
# expect: 3 True True
# expect: True True True True
# expect: 1 3 6
# expect: 2 2 [[1, 2], [3], [4]]
# expect: ['a', 'b', 1, 2]
# expect: [[], []] False True
