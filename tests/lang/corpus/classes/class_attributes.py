class Counter:
    instances = 0
    shared = []

    def __init__(self, name):
        Counter.instances += 1
        self.name = name
        self.own = []

a = Counter("a")
b = Counter("b")
print(Counter.instances, a.instances, b.instances)
a.shared.append("from a")
a.own.append("only a")
print(b.shared, b.own)
a.instances = 99
print(a.instances, b.instances, Counter.instances)
Counter.version = 2
print(a.version)
print(hasattr(a, "own"), hasattr(a, "missing"), getattr(b, "name"), getattr(b, "x", "default"))
setattr(b, "dynamic", 5)
print(b.dynamic)

# expect: 2 2 2
# expect: ['from a'] []
# expect: 99 2 2
# expect: 2
# expect: True False b default
# expect: 5
