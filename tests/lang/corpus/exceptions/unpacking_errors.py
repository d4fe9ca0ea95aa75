try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print(e)
try:
    a, b = 1
except TypeError as e:
    print(e)
try:
    x, *y, z = [1]
except ValueError as e:
    print(e)
try:
    for k, v in ["abc"]:
        pass
except ValueError as e:
    print(e)
a, b = "xy"
print(a, b)

# expect: too many values to unpack (expected 2)
# expect: not enough values to unpack (expected 3, got 2)
# expect: cannot unpack non-iterable int object
# expect: not enough values to unpack (expected at least 2, got 1)
# expect: too many values to unpack (expected 2)
# expect: x y
