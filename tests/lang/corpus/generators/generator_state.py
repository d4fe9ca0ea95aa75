def tracer():
    print("  started")
    yield 1
    print("  resumed after 1")
    yield 2
    print("  resumed after 2, finishing")

g = tracer()
print("created, nothing ran yet")
print("next ->", next(g))
print("next ->", next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration raised")
print(next(g, "exhausted"))

# expect: created, nothing ran yet
# expect:   started
# expect: next -> 1
# expect:   resumed after 1
# expect: next -> 2
# expect:   resumed after 2, finishing
# expect: StopIteration raised
# expect: exhausted
