checks = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: 1 < "a",
    lambda: None + 1,
    lambda: "a" * "b",
    lambda: [1] - [1],
    lambda: {} < {},
    lambda: -"a",
    lambda: 2.5 // "x",
    lambda: "%d" % "x",
    lambda: sum(["a", "b"]),
]
for check in checks:
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)

# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect: TypeError: can only concatenate str (not "int") to str
# expect: TypeError: can only concatenate list (not "tuple") to list
# expect: TypeError: '<' not supported between instances of 'int' and 'str'
# expect: TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
# expect: TypeError: can't multiply sequence by non-int of type 'str'
# expect: TypeError: unsupported operand type(s) for -: 'list' and 'list'
# expect: TypeError: '<' not supported between instances of 'dict' and 'dict'
# expect: TypeError: bad operand type for unary -: 'str'
# expect: TypeError: unsupported operand type(s) for //: 'float' and 'str'
# expect: TypeError: %d format: a real number is required, not str
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
