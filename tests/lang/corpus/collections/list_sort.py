nums = [5, 2, 9, 1, 5, 6]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "fig", "date"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: (len(w), w.lower()))
print(words)
words.sort(key=str.lower, reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
print(nums.sort() is None)

# expect: [1, 2, 5, 5, 6, 9]
# expect: [9, 6, 5, 5, 2, 1]
# expect: ['fig', 'date', 'Apple', 'banana', 'cherry']
# expect: ['fig', 'date', 'Apple', 'banana', 'cherry']
# expect: ['fig', 'date', 'cherry', 'banana', 'Apple']
# expect: [(1, 'a'), (1, 'z'), (2, 'a'), (2, 'b')]
# expect: [(1, 'a'), (2, 'a'), (2, 'b'), (1, 'z')]
# expect: True
