class Stop(Exception):
    pass

def run():
    raise Stop

run()

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "no_message_exception.py", line 7, in <module>
# expect-stderr:     run()
# expect-stderr:   File "no_message_exception.py", line 5, in run
# expect-stderr:     raise Stop
# expect-stderr: Stop
# expect-exit: 1
