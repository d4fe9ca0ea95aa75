def naturals():
    n = 0
    while True:
        yield n
        n += 1

def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

for n in naturals():
    if n > 4:
        break
    print(n, end=" ")
print("|")
fib = fibonacci()
print([next(fib) for _ in range(12)])
print(list(zip(range(3), naturals())))
squares = (n * n for n in naturals())
print([next(squares) for _ in range(5)])

# expect: 0 1 2 3 4 |
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
# expect: [(0, 0), (1, 1), (2, 2)]
# expect: [0, 1, 4, 9, 16]
