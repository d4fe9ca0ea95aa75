d = {"a": 1, "b": 2}
d.update({"b": 20, "c": 3})
print(d)
d.update(x=9, y=8)
d.update([("z", 0)])
print(d)
print(d.pop("a"), d.pop("missing", "default"))
print(d)
print(d.popitem(), d)
del d["b"]
print(d)
merged = {"k": 1} | {"k": 2, "j": 3}
print(merged)
d.clear()
print(d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)

# expect: {'a': 1, 'b': 20, 'c': 3}
# expect: {'a': 1, 'b': 20, 'c': 3, 'x': 9, 'y': 8, 'z': 0}
# expect: 1 default
# expect: {'b': 20, 'c': 3, 'x': 9, 'y': 8, 'z': 0}
# expect: ('z', 0) {'b': 20, 'c': 3, 'x': 9, 'y': 8}
# expect: {'c': 3, 'x': 9, 'y': 8}
# expect: {'k': 2, 'j': 3}
# expect: {}
# expect: KeyError: 'nope'
