it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
print(next(it, "default"))
def gen():
    yield 1
    return "finished"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)

# expect: 1 2
# expect: StopIteration StopIteration() ()
# expect: default
# expect: value: finished
