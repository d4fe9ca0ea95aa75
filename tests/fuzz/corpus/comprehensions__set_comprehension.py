print({x % 4 for x in range(10)})
print({x * x for x in [-2, -1, 0, 1, 2]})
print(sorted({len(w) for w in "a bb cc ddd e".split()}))
print(sorted({c for c in "mississippi"}))
evens = {n for n in range(10) if n % 2 == 0}
print(evens, 4 in evens, 5 in evens, len(evens))

# expect: {0, 1, 2, 3}
# expect: {0, 1, 4}
# expect: [1, 2, 3]
# expect: ['i', 'm', 'p', 's']
# expect: {0, 2, 4, 6, 8} True False 5
