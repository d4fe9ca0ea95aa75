print(True and False, True or False, not True)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "value" or "default")
print(None and 1, [] or {})
print(not 0, not "x", not None)

def side(name, value):
    print("evaluating", name)
    return value

print("result:", side("a", False) and side("b", True))
print("result:", side("a", True) or side("b", True))
print("result:", side("a", 0) or side("b", 0) or side("c", "last"))
x = 7
print(x > 5 and x < 10, not x > 5)

# expect: False True False
# expect: 2 0 1 2
# expect: default value
# expect: None {}
# expect: True False True
# expect: evaluating a
# expect: result: False
# expect: evaluating a
# expect: result: True
# expect: evaluating a
# expect: evaluating b
# expect: evaluating c
# expect: result: last
# expect: True False
