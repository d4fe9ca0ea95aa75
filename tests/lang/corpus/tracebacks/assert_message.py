def average(values):
    assert len(values) > 0, "values must not be empty"
    return sum(values) / len(values)

print(average([1, 2, 3]))
print(average([]))

# expect: 2.0
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "assert_message.py", line 6, in <module>
# expect-stderr:     print(average([]))
# expect-stderr:           ^^^^^^^^^^^
# expect-stderr:   File "assert_message.py", line 2, in average
# expect-stderr:     assert len(values) > 0, "values must not be empty"
# expect-stderr:            ^^^^^^^^^^^^^^^
# expect-stderr: AssertionError: values must not be empty
# expect-exit: 1
