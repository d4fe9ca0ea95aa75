def running_average():
    values = []
    def add(v):
        values.append(v)
        return sum(values) / len(values)
    return add

avg = running_average()
print(avg(10), avg(20), avg(60))

def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), len(fib.cache))

# expect: 10.0 15.0 30.0
# expect: 23416728348467685 81
