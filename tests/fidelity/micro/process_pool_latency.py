# interleave: cores=2
# ProcessPoolExecutor: constructor, first submit (starts workers), first result, a second round trip, shutdown.
import time
from concurrent.futures import ProcessPoolExecutor
def tiny(n):
    return n * n
if __name__ == "__main__":
    for rep in range(4):
        t0 = time.perf_counter()
        pool = ProcessPoolExecutor(max_workers=2)
        t1 = time.perf_counter()
        f = pool.submit(tiny, 3)
        t2 = time.perf_counter()
        f.result()
        t3 = time.perf_counter()
        f = pool.submit(tiny, 3); f.result()
        t4 = time.perf_counter()
        pool.shutdown()
        t5 = time.perf_counter()
        print("ctor %.2f submit %.2f first result %.2f second task %.2f shutdown %.2f total %.2f ms" % tuple(x*1e3 for x in (t1-t0, t2-t1, t3-t2, t4-t3, t5-t4, t5-t0)))
