a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b))
print(a.symmetric_difference(b))
print({1, 2} <= a, {1, 5} <= a, a >= {1}, a.issubset({1, 2, 3, 4, 5}))
print(a.isdisjoint({7, 8}), a.isdisjoint(b))
print(set(), len(a), 3 in a, 9 in a)
print(set([3, 3, 1, 2, 1]))
print({x % 3 for x in range(10)})

# expect: {1, 2, 3, 4, 5} {3, 4} {1, 2} {5} {1, 2, 5}
# expect: {1, 2, 3, 4, 5} {3, 4} {1, 2}
# expect: {1, 2, 5}
# expect: True False True True
# expect: True False
# expect: set() 4 True False
# expect: {1, 2, 3}
# expect: {0, 1, 2}
