s = "the quick  brown fox"
print(s.split())
print(s.split(" "))
print(s.split(" ", 1))
print("a,b,,c".split(","))
print("a,b,c".rsplit(",", 1))
print("".split(), "".split(","))
print("  padded  words ".split())
words = ["alpha", "beta", "gamma"]
print(", ".join(words))
print("".join(words))
print("-".join("abc"))
print(" ".join(str(n) for n in range(5)))
print("\n".join(["line1", "line2"]))

# expect: ['the', 'quick', 'brown', 'fox']
# expect: ['the', 'quick', '', 'brown', 'fox']
# expect: ['the', 'quick  brown fox']
# expect: ['a', 'b', '', 'c']
# expect: ['a,b', 'c']
# expect: [] ['']
# expect: ['padded', 'words']
# expect: alpha, beta, gamma
# expect: alphabetagamma
# expect: a-b-c
# expect: 0 1 2 3 4
# expect: line1
# expect: line2
