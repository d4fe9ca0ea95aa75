print([x * 2 for x in range(5)])
print([c for c in "hello"])
print([len(w) for w in "the quick brown fox".split()])
print([(i, i * i) for i in range(4)])
print([str(n) for n in [1, 2, 3]])
print([x for x in []])
words = ["a", "bb", "ccc"]
print([w.upper() + "!" for w in words])
print([[i] * i for i in range(1, 4)])

# expect: [0, 2, 4, 6, 8]
# expect: ['h', 'e', 'l', 'l', 'o']
# expect: [3, 5, 5, 3]
# expect: [(0, 0), (1, 1), (2, 4), (3, 9)]
# expect: ['1', '2', '3']
# expect: []
# expect: ['A!', 'BB!', 'CCC!']
# expect: [[1], [2, 2], [3, 3, 3]]
