def apply(func, values):
    return [func(v) for v in values]

def double(x):
    return x * 2

print(apply(double, [1, 2, 3]))
print(apply(str, [1, 2, 3]))
print(apply(len, ["a", "bb", ""]))
funcs = [double, abs, str]
print([f(-4) for f in funcs])

def make_multiplier(n):
    def multiply(x):
        return x * n
    return multiply

triple = make_multiplier(3)
print(triple(5), make_multiplier(10)(7))
registry = {}
def register(func):
    registry[func.__name__] = func
    return func
@register
def hello():
    return "hello!"
print(list(registry), registry["hello"]())

# expect: [2, 4, 6]
# expect: ['1', '2', '3']
# expect: [1, 2, 0]
# expect: [-8, 4, '-4']
# expect: 15 70
# expect: ['hello'] hello!
