checks = [
    lambda: int("x"),
    lambda: int("12.5"),
    lambda: int(""),
    lambda: int("ff", 10),
    lambda: int("9", 8),
    lambda: float("abc"),
    lambda: [1, 2].remove(3),
    lambda: [1, 2].index(5),
    lambda: "abc".index("z"),
    lambda: max([]),
    lambda: min([], key=len),
    lambda: range(1, 5, 0),
    lambda: "a,b".split(""),
]
for check in checks:
    try:
        check()
    except ValueError as e:
        print("ValueError:", e)

# expect: ValueError: invalid literal for int() with base 10: 'x'
# expect: ValueError: invalid literal for int() with base 10: '12.5'
# expect: ValueError: invalid literal for int() with base 10: ''
# expect: ValueError: invalid literal for int() with base 10: 'ff'
# expect: ValueError: invalid literal for int() with base 8: '9'
# expect: ValueError: could not convert string to float: 'abc'
# expect: ValueError: list.remove(x): x not in list
# expect: ValueError: 5 is not in list
# expect: ValueError: substring not found
# expect: ValueError: max() arg is an empty sequence
# expect: ValueError: min() arg is an empty sequence
# expect: ValueError: range() arg 3 must not be zero
# expect: ValueError: empty separator
