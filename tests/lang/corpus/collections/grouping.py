words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)

by_len = {}
for w in words:
    if len(w) not in by_len:
        by_len[len(w)] = []
    by_len[len(w)].append(w)
print(by_len)

counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

# expect: {'a': ['apple', 'avocado', 'apricot'], 'b': ['banana', 'blueberry'], 'c': ['cherry']}
# expect: {5: ['apple'], 7: ['avocado', 'apricot'], 6: ['banana', 'cherry'], 9: ['blueberry']}
# expect: {'m': 1, 'i': 4, 's': 4, 'p': 2}
# expect: [('i', 4), ('s', 4), ('p', 2), ('m', 1)]
