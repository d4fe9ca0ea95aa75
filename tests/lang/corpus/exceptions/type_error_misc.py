n = 5
nothing = None
checks = [
    lambda: n(),
    lambda: nothing(),
    lambda: n[0],
    lambda: len(5),
    lambda: [x for x in 5],
    lambda: iter(None),
    lambda: int([1]),
    lambda: "abc".upper(1),
    lambda: sorted([1, "a"]),
    lambda: {[1]: 2},
    lambda: "x".join([1, 2]),
    lambda: max(),
]
for check in checks:
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)

# expect: TypeError: 'int' object is not callable
# expect: TypeError: 'NoneType' object is not callable
# expect: TypeError: 'int' object is not subscriptable
# expect: TypeError: object of type 'int' has no len()
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: 'NoneType' object is not iterable
# expect: TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'
# expect: TypeError: str.upper() takes no arguments (1 given)
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: sequence item 0: expected str instance, int found
# expect: TypeError: max expected at least 1 argument, got 0
