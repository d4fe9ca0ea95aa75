# interleave: cores=2
# ThreadPoolExecutor() without max_workers gets min(32, os.cpu_count() + 4) = 6 workers on
# 2 cores: 24 blocking 0.1 s calls run 6 at a time, 4 rounds, about 0.4 s.
import time
from concurrent.futures import ThreadPoolExecutor

def fetch(n):
    time.sleep(0.1)
    return n

start = time.perf_counter()
with ThreadPoolExecutor() as pool:
    results = list(pool.map(fetch, range(24)))
print(f"makespan {time.perf_counter() - start:.6f}")
