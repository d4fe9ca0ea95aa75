class A:
    def hello(self):
        return "A"

class B(A):
    def hello(self):
        return "B>" + super().hello()

class C(A):
    def hello(self):
        return "C>" + super().hello()

class D(B, C):
    def hello(self):
        return "D>" + super().hello()

print(D().hello())
print(B().hello(), C().hello(), isinstance(D(), C))

class Loud:
    def shout(self):
        return self.text().upper()

class Text:
    def text(self):
        return "mixin works"

class Both(Loud, Text):
    pass

print(Both().shout(), isinstance(Both(), Text))

# expect: D>B>C>A
# expect: B>A C>A True
# expect: MIXIN WORKS True
