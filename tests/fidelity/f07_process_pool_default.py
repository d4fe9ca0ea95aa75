# interleave: cores=2
# ProcessPoolExecutor with the default max_workers (os.cpu_count() = 2 here): 6 tasks of 0.1 s
# of Python computation run two at a time, about 0.3 s plus starting the workers.
import time
from concurrent.futures import ProcessPoolExecutor
from interleave import cpu

def task(n):
    cpu(0.1)
    return n * n

if __name__ == "__main__":
    start = time.perf_counter()
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(task, range(6)))
    print(results)
    print(f"makespan {time.perf_counter() - start:.6f}")
