# interleave: cores=2
# Process start-up dwarfs tiny tasks: 20 processes that each compute almost nothing cost the
# fork, the bootstrap and the join of each one.
import time
from multiprocessing import Process

def tiny(n):
    return n * n

if __name__ == "__main__":
    start = time.perf_counter()
    for n in range(20):
        p = Process(target=tiny, args=(n,))
        p.start()
        p.join()
    print(f"makespan {time.perf_counter() - start:.6f}")
