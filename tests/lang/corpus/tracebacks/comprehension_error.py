def parse_all(strings):
    return [int(s) for s in strings]

print(parse_all(["1", "2"]))
print(parse_all(["3", "four"]))

# expect: [1, 2]
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "comprehension_error.py", line 5, in <module>
# expect-stderr:     print(parse_all(["3", "four"]))
# expect-stderr:           ^^^^^^^^^^^^^^^^^^^^^^^^
# expect-stderr:   File "comprehension_error.py", line 2, in parse_all
# expect-stderr:     return [int(s) for s in strings]
# expect-stderr:            ^^^^^^^^^^^^^^^^^^^^^^^^^
# expect-stderr:   File "comprehension_error.py", line 2, in <listcomp>
# expect-stderr:     return [int(s) for s in strings]
# expect-stderr:             ^^^^^^
# expect-stderr: ValueError: invalid literal for int() with base 10: 'four'
# expect-exit: 1
