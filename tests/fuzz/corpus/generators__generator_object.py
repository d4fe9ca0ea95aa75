def gen():
    yield 1

g = gen()
print(g)
print(type(g).__name__)
print(iter(g) is g)
print(gen)
print((x for x in []))
print(list(g), list(g))

# expect: <generator object gen at 0x?>
# expect: generator
# expect: True
# expect: <function gen at 0x?>
# expect: <generator object <genexpr> at 0x?>
# expect: [1] []
