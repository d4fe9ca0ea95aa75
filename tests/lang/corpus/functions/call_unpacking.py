def f(a, b, c):
    return a * 100 + b * 10 + c

args = [1, 2, 3]
print(f(*args))
print(f(*[1, 2], 3), f(1, *(2, 3)))
kwargs = {"c": 3, "b": 2, "a": 1}
print(f(**kwargs))
print(f(1, **{"b": 2, "c": 3}))
print(f(*[1], **{"c": 3}, b=2))
print(max(*[3, 8, 1]))
point = (3, 4)
print("x={} y={}".format(*point))
print(*"abc", sep="-")
print(*range(3))

# expect: 123
# expect: 123 123
# expect: 123
# expect: 123
# expect: 123
# expect: 8
# expect: x=3 y=4
# expect: a-b-c
# expect: 0 1 2
