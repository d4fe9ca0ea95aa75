def step1():
    raise KeyError("step1")

def step2():
    try:
        step1()
    except KeyError as e:
        raise ValueError("step2") from e

def step3():
    try:
        step2()
    except ValueError:
        raise RuntimeError("step3")

step3()

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "chained_three.py", line 6, in step2
# expect-stderr:     step1()
# expect-stderr:   File "chained_three.py", line 2, in step1
# expect-stderr:     raise KeyError("step1")
# expect-stderr: KeyError: 'step1'
# expect-stderr:
# expect-stderr: The above exception was the direct cause of the following exception:
# expect-stderr:
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "chained_three.py", line 12, in step3
# expect-stderr:     step2()
# expect-stderr:   File "chained_three.py", line 8, in step2
# expect-stderr:     raise ValueError("step2") from e
# expect-stderr: ValueError: step2
# expect-stderr:
# expect-stderr: During handling of the above exception, another exception occurred:
# expect-stderr:
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "chained_three.py", line 16, in <module>
# expect-stderr:     step3()
# expect-stderr:   File "chained_three.py", line 14, in step3
# expect-stderr:     raise RuntimeError("step3")
# expect-stderr: RuntimeError: step3
# expect-exit: 1
