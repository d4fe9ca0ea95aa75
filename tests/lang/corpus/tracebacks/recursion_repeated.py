def countdown(n):
    if n == 0:
        raise RuntimeError("reached zero")
    countdown(n - 1)

countdown(6)

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "recursion_repeated.py", line 6, in <module>
# expect-stderr:     countdown(6)
# expect-stderr:   File "recursion_repeated.py", line 4, in countdown
# expect-stderr:     countdown(n - 1)
# expect-stderr:   File "recursion_repeated.py", line 4, in countdown
# expect-stderr:     countdown(n - 1)
# expect-stderr:   File "recursion_repeated.py", line 4, in countdown
# expect-stderr:     countdown(n - 1)
# expect-stderr:   [Previous line repeated 3 more times]
# expect-stderr:   File "recursion_repeated.py", line 3, in countdown
# expect-stderr:     raise RuntimeError("reached zero")
# expect-stderr: RuntimeError: reached zero
# expect-exit: 1
