d = {}
for key in ["zebra", "apple", "mango"]:
    d[key] = len(key)
print(d)
d["apple"] = 0
print(d)
del d["zebra"]
d["zebra"] = 99
print(d)
print(list(d))
numbers = {3: "c", 1: "a", 2: "b"}
print(numbers, list(numbers.values()))
print({**numbers, 0: "z", 3: "C"})
print(dict.fromkeys(["x", "y"], 0))

# expect: {'zebra': 5, 'apple': 5, 'mango': 5}
# expect: {'zebra': 5, 'apple': 0, 'mango': 5}
# expect: {'apple': 0, 'mango': 5, 'zebra': 99}
# expect: ['apple', 'mango', 'zebra']
# expect: {3: 'c', 1: 'a', 2: 'b'} ['c', 'a', 'b']
# expect: {3: 'C', 1: 'a', 2: 'b', 0: 'z'}
# expect: {'x': 0, 'y': 0}
