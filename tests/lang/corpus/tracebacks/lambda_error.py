items = [3, 1, 0, 2]
halves = list(map(lambda x: x / 2, items))
print(halves)
inverse = list(map(lambda x: 10 // x, items))
print(inverse)

# expect: [1.5, 0.5, 0.0, 1.0]
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "lambda_error.py", line 4, in <module>
# expect-stderr:     inverse = list(map(lambda x: 10 // x, items))
# expect-stderr:               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
# expect-stderr:   File "lambda_error.py", line 4, in <lambda>
# expect-stderr:     inverse = list(map(lambda x: 10 // x, items))
# expect-stderr:                                  ~~~^^~~
# expect-stderr: ZeroDivisionError: integer division or modulo by zero
# expect-exit: 1
