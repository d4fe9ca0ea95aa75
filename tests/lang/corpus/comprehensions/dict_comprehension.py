print({x: x * x for x in range(5)})
words = ["apple", "banana", "cherry"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
prices = {"a": 1.0, "b": 2.5, "c": 0.5}
print({k: v * 2 for k, v in prices.items() if v > 0.75})
print({v: k for k, v in {"x": 1, "y": 2}.items()})
print({i: [j for j in range(i)] for i in range(3)})
print({k: None for k in "aba"})
print(dict(sorted({"b": 1, "a": 2}.items())))

# expect: {0: 0, 1: 1, 2: 4, 3: 9, 4: 16}
# expect: {'apple': 5, 'banana': 6, 'cherry': 6}
# expect: {'a': 'apple', 'b': 'banana', 'c': 'cherry'}
# expect: {'a': 2.0, 'b': 5.0}
# expect: {1: 'x', 2: 'y'}
# expect: {0: [], 1: [0], 2: [0, 1]}
# expect: {'a': None, 'b': None}
# expect: {'a': 2, 'b': 1}
