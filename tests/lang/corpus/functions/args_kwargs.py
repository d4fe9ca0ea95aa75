def show(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)

show()
show(1, 2, 3)
show(a=1, b=2)
show(1, "x", key="value")

def total(first, *rest):
    return first + sum(rest)

print(total(1), total(1, 2, 3))

def describe(name, **info):
    parts = [f"{k}={v}" for k, v in info.items()]
    return name + "(" + ", ".join(parts) + ")"

print(describe("point", x=1, y=2))
print(describe("empty"))
def mixed(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(mixed(1, c=3))
print(mixed(1, 5, 6, 7, c=3, e=8))

# expect: args: () kwargs: {}
# expect: args: (1, 2, 3) kwargs: {}
# expect: args: () kwargs: {'a': 1, 'b': 2}
# expect: args: (1, 'x') kwargs: {'key': 'value'}
# expect: 1 6
# expect: point(x=1, y=2)
# expect: empty()
# expect: (1, 2, (), 3, 4, {})
# expect: (1, 5, (6, 7), 3, 4, {'e': 8})
