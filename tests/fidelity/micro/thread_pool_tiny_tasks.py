# interleave: cores=2
# ThreadPoolExecutor.map over tiny tasks with 1, 2 and 6 workers: time per task.
import time
from concurrent.futures import ThreadPoolExecutor
def tiny(n):
    return n * n
N = 5000
for workers in (1, 2, 6):
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(tiny, range(N)))
    print("threads=%d %.1f us/task" % (workers, (time.perf_counter() - t) / N * 1e6))
