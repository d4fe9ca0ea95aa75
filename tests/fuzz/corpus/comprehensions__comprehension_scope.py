x = "outer"
squares = [x * x for x in range(4)]
print(squares, x)

def scaled(values, factor):
    return [v * factor for v in values]

print(scaled([1, 2], 10))

def make_table(n):
    header = "row"
    return [f"{header}{i}" for i in range(n)]

print(make_table(3))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
class Holder:
    items = [1, 2, 3]
    doubled = [v * 2 for v in items]
print(Holder.doubled)

# expect: [0, 1, 4, 9] outer
# expect: [10, 20]
# expect: ['row0', 'row1', 'row2']
# expect: [2, 2, 2]
# expect: [2, 4, 6]
