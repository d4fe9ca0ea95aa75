def producer(n):
    for i in range(n):
        print(f"produce {i}")
        yield i

def consumer(items):
    for item in items:
        print(f"consume {item}")

consumer(producer(3))
g = producer(2)
print("generator made; now list() drives it")
print(list(g))

# expect: produce 0
# expect: consume 0
# expect: produce 1
# expect: consume 1
# expect: produce 2
# expect: consume 2
# expect: generator made; now list() drives it
# expect: produce 0
# expect: produce 1
# expect: [0, 1]
