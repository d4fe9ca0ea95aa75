# interleave: cores=2
# ProcessPoolExecutor: submit phase and result phase for 500 tiny tasks on a warm pool.
import time
from concurrent.futures import ProcessPoolExecutor, wait
def tiny(n):
    return n * n
if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=2)
    pool.submit(tiny, 1).result()
    for rep in range(3):
        t0 = time.perf_counter()
        fs = [pool.submit(tiny, i) for i in range(500)]
        t1 = time.perf_counter()
        wait(fs)
        t2 = time.perf_counter()
        print("submit %.1f us each, all done %.1f us per task" % ((t1 - t0) / 500 * 1e6, (t2 - t0) / 500 * 1e6))
    pool.shutdown()
