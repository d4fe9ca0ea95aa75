import threading

def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

results = {}
lock = threading.Lock()

def work(n):
    value = factorial(n)
    with lock:
        results[n] = value

threads = [threading.Thread(target=work, args=(n,)) for n in (30, 10, 50, 20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n in sorted(results):
    print(n, results[n])

# expect: 10 3628800
# expect: 20 2432902008176640000
# expect: 30 265252859812191058636308480000000
# expect: 50 30414093201713378043612608166064768844377641568960512000000000000
