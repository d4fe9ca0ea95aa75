word = "banana"
for ch in word:
    print(ch, end=" ")
print("|")
print(list(word))
print(sorted(word))
counts = {}
for ch in word:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(max(word), min(word), word.count("a"))
vowels = [c for c in word if c in "aeiou"]
print(vowels, len(vowels))
print(tuple("abc"), "".join(reversed(word)))
print([w[0] for w in "the quick brown fox".split()])

# expect: b a n a n a |
# expect: ['b', 'a', 'n', 'a', 'n', 'a']
# expect: ['a', 'a', 'a', 'b', 'n', 'n']
# expect: {'b': 1, 'a': 3, 'n': 2}
# expect: n a 3
# expect: ['a', 'a', 'a'] 3
# expect: ('a', 'b', 'c') ananab
# expect: ['t', 'q', 'b', 'f']
