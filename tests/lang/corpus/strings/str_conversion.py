values = [1, -2.5, True, None, "s", [1, "a"], (1,), {"k": [1, 2]}, {3}, range(3)]
for v in values:
    print(str(v), repr(v))
print(str(1) + str(2), int("1") + int("2"))
print(str([1.0, 2.5]), str(("a", None)))
print(repr([[], [[]], ()]))

# expect: 1 1
# expect: -2.5 -2.5
# expect: True True
# expect: None None
# expect: s 's'
# expect: [1, 'a'] [1, 'a']
# expect: (1,) (1,)
# expect: {'k': [1, 2]} {'k': [1, 2]}
# expect: {3} {3}
# expect: range(0, 3) range(0, 3)
# expect: 12 3
# expect: [1.0, 2.5] ('a', None)
# expect: [[], [[]], ()]
