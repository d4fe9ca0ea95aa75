def shout(func):
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        return result.upper() + "!"
    return wrapper

@shout
def greet(name):
    return "hello " + name

print(greet("ann"))
print(greet.__name__)

def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper

@count_calls
def add(a, b):
    return a + b

print(add(1, 2), add(3, 4), add.calls)

# expect: HELLO ANN!
# expect: wrapper
# expect: 3 7 2
