def risky():
    return [][0]

def handler():
    try:
        risky()
    except IndexError:
        print("logging and re-raising")
        raise

handler()

# expect: logging and re-raising
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "bare_reraise.py", line 11, in <module>
# expect-stderr:     handler()
# expect-stderr:   File "bare_reraise.py", line 6, in handler
# expect-stderr:     risky()
# expect-stderr:   File "bare_reraise.py", line 2, in risky
# expect-stderr:     return [][0]
# expect-stderr:            ~~^^^
# expect-stderr: IndexError: list index out of range
# expect-exit: 1
