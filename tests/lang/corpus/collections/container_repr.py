print([1, "a", 2.5, None, True])
print((1, "a"), ("only",), ())
print({"s": "v", 1: [2, (3,)], (4, 5): {"n": None}})
print([[], {}, (), "", set()])
print([["nested", ["deeper", ["deepest"]]]])
lst = [1, 2]
lst.append(lst)
print(lst)
d = {"self": None}
d["self"] = d
print(d)
print(str(["quote's"]), repr(["quote's"]))

# expect: [1, 'a', 2.5, None, True]
# expect: (1, 'a') ('only',) ()
# expect: {'s': 'v', 1: [2, (3,)], (4, 5): {'n': None}}
# expect: [[], {}, (), '', set()]
# expect: [['nested', ['deeper', ['deepest']]]]
# expect: [1, 2, [...]]
# expect: {'self': {...}}
# expect: ["quote's"] ["quote's"]
