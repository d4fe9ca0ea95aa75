# Measures ProcessPoolExecutor throughput over tiny tasks: wall, parent CPU and children CPU per task.
import time, resource
from concurrent.futures import ProcessPoolExecutor
def tiny(n):
    return n * n
if __name__ == "__main__":
    N = 2000
    c = time.process_time(); w = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(tiny, range(N)))
    cp = time.process_time() - c; wt = time.perf_counter() - w
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("wall %.1f us/task, parent cpu %.1f us/task, children cpu %.1f us/task" % (wt/N*1e6, cp/N*1e6, (ch.ru_utime+ch.ru_stime)/N*1e6))
    import cProfile, pstats
    pr = cProfile.Profile(); pr.enable()
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(tiny, range(N)))
    pr.disable()
    pstats.Stats(pr).sort_stats("tottime").print_stats(12)
