def label(count):
    return "items: " + count

print(label("3"))
print(label(3))

# expect: items: 3
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "type_error_operands.py", line 5, in <module>
# expect-stderr:     print(label(3))
# expect-stderr:           ^^^^^^^^
# expect-stderr:   File "type_error_operands.py", line 2, in label
# expect-stderr:     return "items: " + count
# expect-stderr:            ~~~~~~~~~~^~~~~~~
# expect-stderr: TypeError: can only concatenate str (not "int") to str
# expect-exit: 1
