class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

for n in Countdown(3):
    print(n)
print(list(Countdown(5)), sum(Countdown(4)))
it = Countdown(2)
print(next(it), next(it), next(it, "done"))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(0, self.n * 2, 2))
print(list(Range2(4)), [x for x in Range2(2)])

# expect: 3
# expect: 2
# expect: 1
# expect: [5, 4, 3, 2, 1] 10
# expect: 2 1 done
# expect: [0, 2, 4, 6] [0, 2]
