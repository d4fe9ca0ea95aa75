class Box:
    def __init__(self):
        self.n = 0
        self.items = []

b = Box()
b.n += 5
b.n *= 3
print(b.n)

d = {"a": 1}
d["a"] += 10
d["b"] = d.get("b", 0) + 1
print(d)

lst = [1, 2, 3]
lst[1] *= 100
lst[-1] -= 1
print(lst)

alias = lst
lst += [4, 5]
print(alias is lst, alias)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2)
b.items += ["x"]
print(b.items)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)

# expect: 15
# expect: {'a': 11, 'b': 1}
# expect: [1, 200, 2]
# expect: True [1, 200, 2, 4, 5]
# expect: (1, 2, 3) (1, 2)
# expect: ['x']
# expect: [[0, 0], [7, 0]]
