class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, item):
        super().__init__(f"{item} was not found")
        self.item = item

class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason

    def __str__(self):
        return f"invalid {self.field}: {self.reason}"

for exc in [AppError("generic"), NotFound("key"), Invalid("age", "negative")]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.item)
    except AppError as e:
        print(type(e).__name__ + ":", e)
print(repr(NotFound("x")), repr(AppError()), repr(Invalid("f", "r")))
print(isinstance(NotFound("x"), Exception), issubclass(Invalid, AppError))

# expect: AppError: generic
# expect: NotFound: key was not found key
# expect: Invalid: invalid age: negative
# expect: NotFound('x was not found') AppError() Invalid('f', 'r')
# expect: True True
