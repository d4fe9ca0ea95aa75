def numbers():
    yield 1
    yield 2
    raise ValueError("generator broke")

for n in numbers():
    print("got", n)

# expect: got 1
# expect: got 2
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "generator_error.py", line 6, in <module>
# expect-stderr:     for n in numbers():
# expect-stderr:   File "generator_error.py", line 4, in numbers
# expect-stderr:     raise ValueError("generator broke")
# expect-stderr: ValueError: generator broke
# expect-exit: 1
