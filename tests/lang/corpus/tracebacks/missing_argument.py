def greet(name, greeting):
    return f"{greeting}, {name}"

def main():
    print(greet("ann", "hi"))
    print(greet("bob"))

main()

# expect: hi, ann
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "missing_argument.py", line 8, in <module>
# expect-stderr:     main()
# expect-stderr:   File "missing_argument.py", line 6, in main
# expect-stderr:     print(greet("bob"))
# expect-stderr:           ^^^^^^^^^^^^
# expect-stderr: TypeError: greet() missing 1 required positional argument: 'greeting'
# expect-exit: 1
