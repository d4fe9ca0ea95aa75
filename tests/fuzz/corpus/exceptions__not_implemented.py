class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area()")

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

for shape in [Square(3), Shape()]:
    try:
        print(shape.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)

# expect: 9
# expect: NotImplementedError: subclasses must implement area()
