# interleave: cores=2
# CPU-bound work on processes: each has its own interpreter and GIL, so 2 processes x 0.3 s
# of Python computation run in parallel on 2 cores and take about 0.3 s (plus the fork).
import time
from multiprocessing import Process
from interleave import cpu

if __name__ == "__main__":
    start = time.perf_counter()
    procs = [Process(target=cpu, args=(0.3,)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(f"makespan {time.perf_counter() - start:.6f}")
