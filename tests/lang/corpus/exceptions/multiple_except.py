def convert(value):
    try:
        return int(value)
    except (ValueError, TypeError) as e:
        return f"cannot convert {value!r}: {type(e).__name__}"

print(convert("12"), convert("x"), convert(None), convert(3.9))
try:
    [1][2]
except (KeyError, IndexError) as e:
    print("caught one of two:", e)
errors = (ZeroDivisionError, OverflowError)
try:
    1 % 0
except errors as e:
    print("tuple variable:", e)
try:
    raise OSError("disk")
except Exception:
    print("bare Exception catch without name")

# expect: 12 cannot convert 'x': ValueError cannot convert None: TypeError 3
# expect: caught one of two: list index out of range
# expect: tuple variable: integer modulo by zero
# expect: bare Exception catch without name
