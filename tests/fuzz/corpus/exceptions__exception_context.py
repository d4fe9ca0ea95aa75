try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e))
    print("context:", repr(e.__context__))
    print("cause:", e.__cause__)

try:
    raise KeyError("plain")
except KeyError as e:
    print("no context:", e.__context__)

# expect: ValueError('while handling')
# expect: context: ZeroDivisionError('division by zero')
# expect: cause: None
# expect: no context: None
