class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

a = Vector(1, 2)
b = Vector(3, 4)
print(a + b, b - a, a * 3, 2 * a, -a)
total = Vector(0, 0)
for v in [a, b, a]:
    total += v
print(total)
print(a)

# expect: Vector(4, 6) Vector(2, 2) Vector(3, 6) Vector(2, 4) Vector(-1, -2)
# expect: Vector(5, 8)
# expect: Vector(1, 2)
