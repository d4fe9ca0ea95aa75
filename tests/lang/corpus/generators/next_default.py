def evens(limit):
    for i in range(0, limit, 2):
        yield i

g = evens(5)
print(next(g), next(g), next(g))
print(next(g, None), next(g, "still done"))
first_big = next((x for x in range(100) if x * x > 50), -1)
print(first_big)
print(next((x for x in [] if x), "nothing matched"))
it = iter("ab")
print(next(it), next(it), next(it, "end"))

# expect: 0 2 4
# expect: None still done
# expect: 8
# expect: nothing matched
# expect: a b end
