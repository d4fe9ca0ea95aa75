def classify(n):
    return "neg" if n < 0 else "pos"

values = [-3, 5, 0, -1]
print([classify(v) for v in values])
print([abs(v) for v in values])
print([s.strip().title() for s in ["  ann ", "BOB", " cid"]])
print(sum([len(s) for s in ["ab", "cde"]]))
print([int(c) for c in "12345" if int(c) % 2])
print(max([(len(w), w) for w in ["pear", "fig", "melon"]]))
print([list(range(n)) for n in range(3)])

# expect: ['neg', 'pos', 'pos', 'neg']
# expect: [3, 5, 0, 1]
# expect: ['Ann', 'Bob', 'Cid']
# expect: 5
# expect: [1, 3, 5]
# expect: (5, 'melon')
# expect: [[], [0], [0, 1]]
