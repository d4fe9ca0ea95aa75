a, b = 1, 2
print(a, b)
a, b = b, a
print("swapped", a, b)

(x, y), z = (10, 20), 30
print(x, y, z)

for name, score in [("ann", 90), ("bob", 85)]:
    print(name, score)

for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)

p = 3, 4
print(p, type(p).__name__)
q, = [99]
print(q)
[m, n] = "hi"
print(m, n)

# expect: 1 2
# expect: swapped 2 1
# expect: 10 20 30
# expect: ann 90
# expect: bob 85
# expect: 0 p 1
# expect: 1 q 2
# expect: (3, 4) tuple
# expect: 99
# expect: h i
