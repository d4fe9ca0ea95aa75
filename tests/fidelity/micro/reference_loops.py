# The cost model reference loops, ns per iteration, wall and thread CPU time, best of 7.
import time
def a(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
def b(n):
    return sum(x**2 for x in range(n))
n = 2_000_000
for f in (a, b):
    best_w = best_c = 1e9
    for _ in range(7):
        w = time.perf_counter(); c = time.thread_time(); f(n)
        best_c = min(best_c, time.thread_time() - c); best_w = min(best_w, time.perf_counter() - w)
    print(f.__name__, "wall %.1f ns  cpu %.1f ns" % (best_w / n * 1e9, best_c / n * 1e9))
