print("42".zfill(5), "-42".zfill(5), "abc".zfill(2))
print("[" + "hi".center(10) + "]")
print("[" + "hi".center(9, "*") + "]")
print("[" + "left".ljust(8) + "]", "[" + "right".rjust(8) + "]")
print("[" + "x".ljust(5, ".") + "]", "[" + "x".rjust(5, "0") + "]")
print("toolong".center(3))
for name, price in [("apple", 1.5), ("banana", 0.25), ("kiwi", 12.0)]:
    print(name.ljust(10) + str(price).rjust(6))

# expect: 00042 -0042 abc
# expect: [    hi    ]
# expect: [****hi***]
# expect: [left    ] [   right]
# expect: [x....] [0000x]
# expect: toolong
# expect: apple        1.5
# expect: banana      0.25
# expect: kiwi        12.0
