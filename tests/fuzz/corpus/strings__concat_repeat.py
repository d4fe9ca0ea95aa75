a = "foo"
b = "bar"
print(a + b, a + " " + b)
print(a * 3, 3 * "ab", "x" * 0, repr("x" * -1))
print("=" * 20)
s = ""
for i in range(5):
    s += str(i)
print(s)
print(len(a * 100))
parts = []
for word in ["a", "b", "c"]:
    parts.append(word * 2)
print("".join(parts))
print("abc" < "abd", "Z" < "a", "apple" > "app")

# expect: foobar foo bar
# expect: foofoofoo ababab  ''
# expect: ====================
# expect: 01234
# expect: 300
# expect: aabbcc
# expect: True True True
