for thing in [ValueError, ValueError("instance"), KeyError, RuntimeError()]:
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, repr(e), str(e) == "")
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)

# expect: ValueError ValueError() True
# expect: ValueError ValueError('instance') False
# expect: KeyError KeyError() True
# expect: RuntimeError RuntimeError() True
# expect: TypeError: exceptions must derive from BaseException
# expect: TypeError: exceptions must derive from BaseException
