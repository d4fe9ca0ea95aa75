d = {}
d[(1, 2)] = "tuple ok"
d[None] = "none ok"
print(d[(1, 2)])
try:
    d[[1, 2]] = "list"
except TypeError as e:
    print("TypeError:", e)
try:
    s = {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {1: 2}[{}]
except TypeError as e:
    print("TypeError:", e)
print(len(d))

# expect: tuple ok
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: unhashable type: 'dict'
# expect: 2
