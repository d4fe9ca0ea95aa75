import time
from functools import wraps

def timed(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        elapsed = time.perf_counter() - start
        print(f"{func.__name__} took about {round(elapsed, 1)} s")
        return result
    return wrapper

@timed
def slow(n):
    time.sleep(0.3)
    return n * 2

print(slow(21))

# expect: slow took about 0.3 s
# expect: 42
