def check(x):
    assert x == 1
    return x

check(1)
check(2)

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "assert_no_message.py", line 6, in <module>
# expect-stderr:     check(2)
# expect-stderr:   File "assert_no_message.py", line 2, in check
# expect-stderr:     assert x == 1
# expect-stderr:            ^^^^^^
# expect-stderr: AssertionError
# expect-exit: 1
