def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print([fib(i) for i in range(15)])
print(fib(100))
print(fib(300))
print(fib(1000) % 1000000007)
print(len(str(fib(1000))))

# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377]
# expect: 354224848179261915075
# expect: 222232244629420445529739893461909967206666939096499764990979600
# expect: 517691607
# expect: 209
