keys = ["a", "b", "c"]
values = [1, 2, 3]
print(dict(zip(keys, values)))
print(dict(a=1, b=2))
print(dict([("x", 10), ("y", 20)]))
print(dict({"k": 1}, extra=2))
print(dict.fromkeys("ab"))
pairs = list({"p": 1, "q": 2}.items())
print(pairs, dict(pairs))
copy = dict(zip(keys, values))
copy["a"] = 100
print(copy, copy == {"c": 3, "b": 2, "a": 100})

# expect: {'a': 1, 'b': 2, 'c': 3}
# expect: {'a': 1, 'b': 2}
# expect: {'x': 10, 'y': 20}
# expect: {'k': 1, 'extra': 2}
# expect: {'a': None, 'b': None}
# expect: [('p', 1), ('q', 2)] {'p': 1, 'q': 2}
# expect: {'a': 100, 'b': 2, 'c': 3} True
