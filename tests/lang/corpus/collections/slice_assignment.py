lst = list(range(10))
lst[2:5] = ["a", "b"]
print(lst)
lst[:2] = []
print(lst)
lst[1:1] = [100, 200]
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
del lst[::3]
print(lst)
lst[-2:] = "xy"
print(lst)
copy = lst[:]
copy[0] = "changed"
print(lst[0], copy[0])

# expect: [0, 1, 'a', 'b', 5, 6, 7, 8, 9]
# expect: ['a', 'b', 5, 6, 7, 8, 9]
# expect: ['a', 100, 200, 'b', 5, 6, 7, 8, 9]
# expect: [0, 100, 0, 'b', 0, 6, 0, 8, 0]
# expect: [100, 0, 0, 6, 8, 0]
# expect: [100, 0, 0, 6, 'x', 'y']
# expect: 100 changed
