d = {"apple": 3, "banana": 5}
print(d["apple"], d.get("banana"), d.get("cherry"), d.get("cherry", 0))
d["cherry"] = 7
print(d, len(d))
print(d.setdefault("apple", 100), d.setdefault("date", 1))
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print("apple" in d, "fig" in d, 3 in d)
print(d.keys(), d.values())
print(d.items())
empty = {}
print(empty, dict(), len(empty))

# expect: 3 5 None 0
# expect: {'apple': 3, 'banana': 5, 'cherry': 7} 3
# expect: 3 1
# expect: {'apple': 3, 'banana': 5, 'cherry': 7, 'date': 1}
# expect: ['apple', 'banana', 'cherry', 'date'] [3, 5, 7, 1] [('apple', 3), ('banana', 5), ('cherry', 7), ('date', 1)]
# expect: True False False
# expect: dict_keys(['apple', 'banana', 'cherry', 'date']) dict_values([3, 5, 7, 1])
# expect: dict_items([('apple', 3), ('banana', 5), ('cherry', 7), ('date', 1)])
# expect: {} {} 0
