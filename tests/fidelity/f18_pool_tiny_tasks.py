# interleave: cores=2
# A process pool for 500 tiny tasks: each one is pickled to a worker and its result pickled
# back, which costs far more than the work itself.
import time
from concurrent.futures import ProcessPoolExecutor

def tiny(n):
    return n * n

if __name__ == "__main__":
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(tiny, range(500)))
    print(sum(results))
    print(f"makespan {time.perf_counter() - start:.6f}")
