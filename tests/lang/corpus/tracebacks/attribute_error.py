class User:
    def __init__(self, name):
        self.name = name

u = User("ann")
print(u.name)
print(u.nmae)

# expect: ann
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "attribute_error.py", line 7, in <module>
# expect-stderr:     print(u.nmae)
# expect-stderr:           ^^^^^^
# expect-stderr: AttributeError: 'User' object has no attribute 'nmae'
# expect-exit: 1
