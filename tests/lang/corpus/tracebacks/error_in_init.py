class Point:
    def __init__(self, x, y):
        self.x = float(x)
        self.y = float(y)

p = Point(1, 2)
print(p.x, p.y)
q = Point("3", "north")

# expect: 1.0 2.0
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "error_in_init.py", line 8, in <module>
# expect-stderr:     q = Point("3", "north")
# expect-stderr:         ^^^^^^^^^^^^^^^^^^^
# expect-stderr:   File "error_in_init.py", line 4, in __init__
# expect-stderr:     self.y = float(y)
# expect-stderr:              ^^^^^^^^
# expect-stderr: ValueError: could not convert string to float: 'north'
# expect-exit: 1
