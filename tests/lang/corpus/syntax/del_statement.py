lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[1:3]
print(lst)
del lst[-1]
print(lst)

d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)

class Obj:
    pass

o = Obj()
o.attr = 1
print(hasattr(o, "attr"))
del o.attr
print(hasattr(o, "attr"))

x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print(e)

# expect: [1, 2, 3, 4, 5]
# expect: [1, 4, 5]
# expect: [1, 4]
# expect: {'a': 1, 'c': 3}
# expect: True
# expect: False
# expect: NameError: name 'x' is not defined
# expect: name 'a' is not defined
