def build(a, b, c):
    return a + b + c

value = build(
    1,
    2,
    "three",
)

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "multiline_call.py", line 4, in <module>
# expect-stderr:     value = build(
# expect-stderr:             ^^^^^^
# expect-stderr:   File "multiline_call.py", line 2, in build
# expect-stderr:     return a + b + c
# expect-stderr:            ~~~~~~^~~
# expect-stderr: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect-exit: 1
