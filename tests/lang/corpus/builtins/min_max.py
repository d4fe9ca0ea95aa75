print(min(3, 1, 2), max(3, 1, 2))
print(min([4, 8, 2]), max("hello"), min("b", "a", "c"))
words = ["pear", "fig", "banana"]
print(min(words, key=len), max(words, key=len), max(words))
print(max([], default=None), min([], default="empty"))
print(max([3, 7, 7, 1], key=lambda x: -x))
print(max([(1, "b"), (2, "a"), (2, "c")]))
print(max({"a": 3, "b": 9}, key={"a": 3, "b": 9}.get))
print(min(1, 2.5, -0.5), max(True, 0))
print(max(["aa", "b", "cc"], key=len))

# expect: 1 3
# expect: 2 o a
# expect: fig banana pear
# expect: None empty
# expect: 1
# expect: (2, 'c')
# expect: b
# expect: -0.5 True
# expect: aa
