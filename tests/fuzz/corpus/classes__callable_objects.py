class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0

    def __call__(self, value):
        self.calls += 1
        return value * self.factor

double = Multiplier(2)
print(double(5), double("ab"), double.calls)
print(list(map(double, [1, 2, 3])), double.calls)

class Greeter:
    def __call__(self, name="world", *, punct="!"):
        return f"hello {name}{punct}"

g = Greeter()
print(g(), g("ann", punct="?"))

# expect: 10 abab 2
# expect: [2, 4, 6] 5
# expect: hello world! hello ann?
