import functools

def logged(func):
    @functools.wraps(func)
    def wrapper(*args):
        print("calling", func.__name__)
        return func(*args)
    return wrapper

@logged
def divide(a, b):
    return a / b

print(divide(6, 3))
divide(1, 0)

# expect: calling divide
# expect: 2.0
# expect: calling divide
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "decorator_wrapper.py", line 15, in <module>
# expect-stderr:     divide(1, 0)
# expect-stderr:   File "decorator_wrapper.py", line 7, in wrapper
# expect-stderr:     return func(*args)
# expect-stderr:            ^^^^^^^^^^^
# expect-stderr:   File "decorator_wrapper.py", line 12, in divide
# expect-stderr:     return a / b
# expect-stderr:            ~~^~~
# expect-stderr: ZeroDivisionError: division by zero
# expect-exit: 1
