scores = [("ann", 70), ("bob", 95), ("cid", 82)]
ranked = sorted(scores, key=lambda s: s[1], reverse=True)
for place, (name, score) in enumerate(ranked, start=1):
    print(f"{place}. {name} ({score})")
for i, v in reversed(list(enumerate("abc"))):
    print(i, v)
print(list(reversed(sorted([3, 1, 2]))))
print(sorted(zip([3, 1, 2], "cab")))

# expect: 1. bob (95)
# expect: 2. cid (82)
# expect: 3. ann (70)
# expect: 2 c
# expect: 1 b
# expect: 0 a
# expect: [3, 2, 1]
# expect: [(1, 'a'), (2, 'b'), (3, 'c')]
