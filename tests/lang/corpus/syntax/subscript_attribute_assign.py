class Point:
    pass

p = Point()
p.x = 3
p.y = 4
print(p.x, p.y)
p.x, p.y = p.y, p.x
print(p.x, p.y)

lst = [0] * 5
lst[0] = "first"
lst[-1] = "last"
lst[1:3] = ["a", "b", "c"]
print(lst)

d = {}
d["k"] = 1
d[(1, 2)] = "tuple key"
d[3] = [10, 20]
d[3][1] = 99
print(d)

a = b = c = 0
print(a, b, c)
x, lst[0] = 1, "changed"
print(x, lst[0])

# expect: 3 4
# expect: 4 3
# expect: ['first', 'a', 'b', 'c', 0, 'last']
# expect: {'k': 1, (1, 2): 'tuple key', 3: [10, 99]}
# expect: 0 0 0
# expect: 1 changed
