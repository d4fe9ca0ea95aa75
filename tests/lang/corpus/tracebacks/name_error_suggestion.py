def compute():
    total = 0
    for i in range(3):
        total += i
    return totl

compute()

# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "name_error_suggestion.py", line 7, in <module>
# expect-stderr:     compute()
# expect-stderr:   File "name_error_suggestion.py", line 5, in compute
# expect-stderr:     return totl
# expect-stderr:            ^^^^
# expect-stderr: NameError: name 'totl' is not defined. Did you mean: 'total'?
# expect-exit: 1
