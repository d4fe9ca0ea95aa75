def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def flatten(items):
    result = []
    for item in items:
        if isinstance(item, list):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves

print(factorial(10), factorial(25))
print([fib(i) for i in range(12)])
print(flatten([1, [2, [3, [4]], 5], [[6]]]))
print(len(hanoi(6, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))

# expect: 3628800 15511210043330985984000000
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
# expect: [1, 2, 3, 4, 5, 6]
# expect: 63 [('A', 'B'), ('A', 'C'), ('B', 'C')]
