def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

def factorial_rec(n):
    return 1 if n <= 1 else n * factorial_rec(n - 1)

print(factorial(50))
print(factorial_rec(50) == factorial(50))
print(factorial(20), factorial(21))
print(len(str(factorial(100))))
print(factorial(30) // factorial(28))

# expect: 30414093201713378043612608166064768844377641568960512000000000000
# expect: True
# expect: 2432902008176640000 51090942171709440000
# expect: 158
# expect: 870
