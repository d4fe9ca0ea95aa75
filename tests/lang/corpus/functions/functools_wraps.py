import functools
from functools import wraps

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__} with {args} {kwargs}")
        return func(*args, **kwargs)
    return wrapper

@logged
def multiply(a, b=1):
    """Multiply two numbers."""
    return a * b

print(multiply(3, b=4))
print(multiply.__name__, multiply.__doc__)
print(multiply.__wrapped__(2, 5))

def plain(func):
    @functools.wraps(func)
    def inner():
        return func()
    return inner

@plain
def named():
    return "named result"

print(named.__name__, named())

# expect: calling multiply with (3,) {'b': 4}
# expect: 12
# expect: multiply Multiply two numbers.
# expect: 10
# expect: named named result
