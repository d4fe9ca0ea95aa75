for i, c in enumerate("abc"):
    print(i, c)
for n, word in enumerate(["x", "y"], start=1):
    print(n, word)
print(list(enumerate([10, 20], 100)))
print(list(enumerate([])))
e = enumerate("hi")
print(next(e), next(e))
print(dict(enumerate("ab")))
print([i for i, v in enumerate([5, 0, 3, 0]) if v == 0])

# expect: 0 a
# expect: 1 b
# expect: 2 c
# expect: 1 x
# expect: 2 y
# expect: [(100, 10), (101, 20)]
# expect: []
# expect: (0, 'h') (1, 'i')
# expect: {0: 'a', 1: 'b'}
# expect: [1, 3]
