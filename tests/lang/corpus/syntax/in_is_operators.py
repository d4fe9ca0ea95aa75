print(3 in [1, 2, 3], 4 not in [1, 2, 3])
print("ell" in "hello", "z" in "hello")
print("a" in {"a": 1}, 1 in {"a": 1})
print(2 in (1, 2), 5 in range(0, 10, 5), 3 in range(0, 10, 5))
print(2 in {1, 2, 3})

a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
x = None
print(x is None, x is not None)
print(True is True, type(1) is int)

# expect: True True
# expect: True False
# expect: True False
# expect: True True False
# expect: True
# expect: True False True True
# expect: True False
# expect: True True
