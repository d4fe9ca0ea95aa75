def level3(values):
    return values[10]

def level2(values):
    return level3(values) * 2

def level1():
    data = [1, 2, 3]
    return level2(data)

print("start")
level1()

# expect: start
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "nested_calls.py", line 12, in <module>
# expect-stderr:     level1()
# expect-stderr:   File "nested_calls.py", line 9, in level1
# expect-stderr:     return level2(data)
# expect-stderr:            ^^^^^^^^^^^^
# expect-stderr:   File "nested_calls.py", line 5, in level2
# expect-stderr:     return level3(values) * 2
# expect-stderr:            ^^^^^^^^^^^^^^
# expect-stderr:   File "nested_calls.py", line 2, in level3
# expect-stderr:     return values[10]
# expect-stderr:            ~~~~~~^^^^
# expect-stderr: IndexError: list index out of range
# expect-exit: 1
