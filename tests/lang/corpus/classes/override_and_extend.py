class Shape:
    name = "shape"

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"

class Rect(Shape):
    name = "rect"

    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

class Square(Rect):
    name = "square"

    def __init__(self, side):
        super().__init__(side, side)

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2

for s in [Shape(), Rect(2, 3), Square(4), Circle(1)]:
    print(s.describe())
print(sorted([Rect(1, 5), Square(2), Circle(1)], key=lambda s: s.area())[0].name)

# expect: shape with area 0.00
# expect: rect with area 6.00
# expect: square with area 16.00
# expect: shape with area 3.14
# expect: shape
