data = [("ann", 90), ("bob", 72), ("cid", 90), ("dee", 85)]
print(sorted(data, key=lambda r: r[1]))
print(sorted(data, key=lambda r: r[1], reverse=True))
print(sorted(data, key=lambda r: (-r[1], r[0])))
print(sorted("hello"))
print(sorted({3: "c", 1: "a", 2: "b"}))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), key=lambda kv: kv[1], reverse=True))
print(sorted([3.5, -1, 2, 0]))
print(sorted([], reverse=True), sorted((2, 1)))
original = [3, 1, 2]
print(sorted(original), original)
print(sorted(range(10), key=lambda n: n % 3))

# expect: [('bob', 72), ('dee', 85), ('ann', 90), ('cid', 90)]
# expect: [('ann', 90), ('cid', 90), ('dee', 85), ('bob', 72)]
# expect: [('ann', 90), ('cid', 90), ('dee', 85), ('bob', 72)]
# expect: ['e', 'h', 'l', 'l', 'o']
# expect: [1, 2, 3]
# expect: [(3, 'c'), (2, 'b'), (1, 'a')]
# expect: [-1, 0, 2, 3.5]
# expect: [] [1, 2]
# expect: [1, 2, 3] [3, 1, 2]
# expect: [0, 3, 6, 9, 1, 4, 7, 2, 5, 8]
