def work():
    try:
        raise ValueError("original problem")
    finally:
        print("in finally")
        raise KeyError("finally problem")

work()

# expect: in finally
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "exception_in_finally.py", line 3, in work
# expect-stderr:     raise ValueError("original problem")
# expect-stderr: ValueError: original problem
# expect-stderr:
# expect-stderr: During handling of the above exception, another exception occurred:
# expect-stderr:
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "exception_in_finally.py", line 8, in <module>
# expect-stderr:     work()
# expect-stderr:   File "exception_in_finally.py", line 6, in work
# expect-stderr:     raise KeyError("finally problem")
# expect-stderr: KeyError: 'finally problem'
# expect-exit: 1
