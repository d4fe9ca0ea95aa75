names = ["ann", "bob", "cid"]
ages = [31, 25]
print(list(zip(names, ages)))
print(list(zip(names, ages, "xyz")))
print(list(zip()), list(zip([1, 2])))
for name, age in zip(names, ages):
    print(f"{name} is {age}")
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip("abc", range(3))))
print(list(zip(range(5), range(10, 20, 3))))

# expect: [('ann', 31), ('bob', 25)]
# expect: [('ann', 31, 'x'), ('bob', 25, 'y')]
# expect: [] [(1,), (2,)]
# expect: ann is 31
# expect: bob is 25
# expect: (1, 2, 3) ('a', 'b', 'c')
# expect: {'a': 0, 'b': 1, 'c': 2}
# expect: [(0, 10), (1, 13), (2, 16), (3, 19)]
