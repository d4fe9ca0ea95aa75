class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

p = Point(1, "a")
print(p)
print(repr(p), str(p))
print([p, Point(2, 3)])
print(f"{p} {p!r}")
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print({"key": p})

# expect: (1, a)
# expect: Point(1, 'a') (1, a)
# expect: [Point(1, 'a'), Point(2, 3)]
# expect: (1, a) Point(1, 'a')
# expect: OnlyRepr() OnlyRepr() [OnlyRepr()]
# expect: {'key': Point(1, 'a')}
