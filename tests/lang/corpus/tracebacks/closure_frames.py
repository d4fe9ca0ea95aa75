def make_divider(d):
    def divide(x):
        return x / d
    return divide

halve = make_divider(2)
zero = make_divider(0)
print(halve(10))
results = [f(1) for f in (halve, zero)]

# expect: 5.0
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "closure_frames.py", line 9, in <module>
# expect-stderr:     results = [f(1) for f in (halve, zero)]
# expect-stderr:               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
# expect-stderr:   File "closure_frames.py", line 9, in <listcomp>
# expect-stderr:     results = [f(1) for f in (halve, zero)]
# expect-stderr:                ^^^^
# expect-stderr:   File "closure_frames.py", line 3, in divide
# expect-stderr:     return x / d
# expect-stderr:            ~~^~~
# expect-stderr: ZeroDivisionError: division by zero
# expect-exit: 1
