def f(x):
    return x

def g(a, b, c=3):
    return a

class K:
    def method(self, y):
        return y

checks = [
    lambda: f(),
    lambda: f(1, 2),
    lambda: g(1),
    lambda: g(),
    lambda: g(1, 2, 3, 4),
    lambda: f(y=1),
    lambda: f(1, x=2),
    lambda: K().method(),
    lambda: K().method(1, 2),
    lambda: K(1),
    lambda: (lambda: 0)(1),
]
for check in checks:
    try:
        check()
    except TypeError as e:
        print(e)

# expect: f() missing 1 required positional argument: 'x'
# expect: f() takes 1 positional argument but 2 were given
# expect: g() missing 1 required positional argument: 'b'
# expect: g() missing 2 required positional arguments: 'a' and 'b'
# expect: g() takes from 2 to 3 positional arguments but 4 were given
# expect: f() got an unexpected keyword argument 'y'
# expect: f() got multiple values for argument 'x'
# expect: K.method() missing 1 required positional argument: 'y'
# expect: K.method() takes 2 positional arguments but 3 were given
# expect: K() takes no arguments
# expect: <lambda>.<locals>.<lambda>() takes 0 positional arguments but 1 was given
