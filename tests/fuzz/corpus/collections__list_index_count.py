lst = ["a", "b", "c", "b", "a", "b"]
print(lst.index("b"), lst.index("b", 2), lst.index("a", 1, 5))
print(lst.count("b"), lst.count("z"))
print(lst.index("c") if "c" in lst else -1)
nums = [1, 2.0, True, 2]
print(nums.count(1), nums.count(2), nums.index(2))
try:
    lst.index("zz")
except ValueError as e:
    print("ValueError:", e)

# expect: 1 3 4
# expect: 3 0
# expect: 2
# expect: 2 2 1
# expect: ValueError: 'zz' is not in list
