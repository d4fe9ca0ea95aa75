print("before the error")
x = 10
y = 0
print(x / y)
print("never printed")

# expect: before the error
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "module_level_zero_div.py", line 4, in <module>
# expect-stderr:     print(x / y)
# expect-stderr:           ~~^~~
# expect-stderr: ZeroDivisionError: division by zero
# expect-exit: 1
