a = [1, 2, 3]
b = [1, 2, 3]
c = a
print(a == b, a is b, a is c)
c.append(4)
print(a, b)
print([] == [], [] is [], () == ())
x = None
print(x is None, x == None)
d1 = {"a": 1, "b": 2}
d2 = {"b": 2, "a": 1}
print(d1 == d2, list(d1) == list(d2))
print({1, 2} == {2, 1}, (1, 2) == [1, 2])
print([1, [2, 3]] == [1, [2, 3]])

# expect: True False True
# expect: [1, 2, 3, 4] [1, 2, 3]
# expect: True False True
# expect: True True
# expect: True False
# expect: True False
# expect: True
