s = "Hello"
print(s.index("l"), s.rindex("l"))
print("a-b-c".split("-", maxsplit=1))
print(" ".join(w.capitalize() for w in "make me a title".split()))
print("x".join(["1", "2", "3"]).upper())
print("  spaced out  ".strip().replace(" ", "_"))
print("abcabc".removeprefix("abc"), "file.txt".removesuffix(".txt"))
print(str.upper("direct"), len("chained".upper().lower()))

# expect: 2 3
# expect: ['a', 'b-c']
# expect: Make Me A Title
# expect: 1X2X3
# expect: spaced_out
# expect: abc file
# expect: DIRECT 7
