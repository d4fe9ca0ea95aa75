square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print((lambda: "no args")())
print(sorted(["ccc", "a", "bb"], key=lambda s: len(s)))
print(list(map(lambda n: n + 1, [1, 2, 3])))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](3, 4), ops["*"](3, 4))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, lambda x: x + 1)(3))
print((lambda *a, **k: (a, k))(1, z=2))
print(square.__name__)

# expect: 49 11 3
# expect: no args
# expect: ['a', 'bb', 'ccc']
# expect: [2, 3, 4]
# expect: 7 12
# expect: 16
# expect: ((1,), {'z': 2})
# expect: <lambda>
