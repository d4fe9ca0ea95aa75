class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            print("suppressed", exc_type.__name__, exc)
            return True
        return False

with Suppress(KeyError, ZeroDivisionError):
    {}["missing"]
print("after first")
with Suppress(ZeroDivisionError):
    print(1 / 0)
    print("not reached")
print("after second")
try:
    with Suppress(KeyError):
        int("x")
except ValueError as e:
    print("propagated", e)

# expect: suppressed KeyError 'missing'
# expect: after first
# expect: suppressed ZeroDivisionError division by zero
# expect: after second
# expect: propagated invalid literal for int() with base 10: 'x'
