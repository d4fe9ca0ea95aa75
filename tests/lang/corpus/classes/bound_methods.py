class Counter:
    def __init__(self):
        self.n = 0

    def incr(self, by=1):
        self.n += by
        return self.n

c = Counter()
f = c.incr
print(f(), f(10), c.n)
print(f.__name__)
g = Counter.incr
print(g(c, 100))
methods = [Counter().incr for _ in range(2)]
print([m() for m in methods], [m() for m in methods])
print(list(map(c.incr, [1, 1, 1])))
words = ["b", "a"]
add = words.append
add("c")
print(words)

# expect: 1 11 11
# expect: incr
# expect: 111
# expect: [1, 1] [2, 2]
# expect: [112, 113, 114]
# expect: ['b', 'a', 'c']
