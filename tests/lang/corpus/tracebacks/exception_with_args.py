def validate(code):
    if code != 0:
        raise ValueError("code", code)
    return "ok"

print(validate(0))
validate(42)

# expect: ok
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "exception_with_args.py", line 7, in <module>
# expect-stderr:     validate(42)
# expect-stderr:   File "exception_with_args.py", line 3, in validate
# expect-stderr:     raise ValueError("code", code)
# expect-stderr: ValueError: ('code', 42)
# expect-exit: 1
