def cleanup():
    raise RuntimeError("cleanup failed")

def process():
    try:
        result = {"a": 1}["b"]
    except KeyError:
        cleanup()

process()

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "during_handling.py", line 6, in process
# expect-stderr:     result = {"a": 1}["b"]
# expect-stderr:              ~~~~~~~~^^^^^
# expect-stderr: KeyError: 'b'
# expect-stderr:
# expect-stderr: During handling of the above exception, another exception occurred:
# expect-stderr:
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "during_handling.py", line 10, in <module>
# expect-stderr:     process()
# expect-stderr:   File "during_handling.py", line 8, in process
# expect-stderr:     cleanup()
# expect-stderr:   File "during_handling.py", line 2, in cleanup
# expect-stderr:     raise RuntimeError("cleanup failed")
# expect-stderr: RuntimeError: cleanup failed
# expect-exit: 1
