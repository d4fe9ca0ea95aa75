def limited(values, stop_at):
    for v in values:
        if v == stop_at:
            return "stopped early"
        yield v
    return "ran out"

print(list(limited([1, 2, 3, 4], 3)))
g = limited([1], 99)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("return value:", e.value)
def empty():
    return
    yield
print(list(empty()))

# expect: [1, 2]
# expect: 1
# expect: return value: ran out
# expect: []
