it = iter([1, 2, 3])
print(next(it))
print(list(it))
print(next(it, "empty"))
s = iter("hi")
print(next(s) + next(s))
r = iter(range(10, 13))
print([next(r) for _ in range(3)])
d = iter({"x": 1, "y": 2}.items())
print(next(d), next(d))

# expect: 1
# expect: [2, 3]
# expect: empty
# expect: hi
# expect: [10, 11, 12]
# expect: ('x', 1) ('y', 2)
