def last_plus_one(values):
    return values[len(values)] + 1

def first_plus_one(values):
    return values[0] + 1

print(first_plus_one([1, 2, 3]))
print(last_plus_one([1, 2, 3]))

# expect: 2
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "index_error_binop.py", line 8, in <module>
# expect-stderr:     print(last_plus_one([1, 2, 3]))
# expect-stderr:           ^^^^^^^^^^^^^^^^^^^^^^^^
# expect-stderr:   File "index_error_binop.py", line 2, in last_plus_one
# expect-stderr:     return values[len(values)] + 1
# expect-stderr:            ~~~~~~^^^^^^^^^^^^^
# expect-stderr: IndexError: list index out of range
# expect-exit: 1
