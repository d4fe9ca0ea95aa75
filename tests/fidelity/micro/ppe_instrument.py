# Where the ProcessPoolExecutor's manager thread spends its CPU (thread_time) and wall per task.
import time, sys
from concurrent.futures import ProcessPoolExecutor
import concurrent.futures.process as P
from multiprocessing import connection
def tiny(n): return n * n
acc = {}
def wrap(cls, name):
    f = getattr(cls, name)
    def g(*a, **k):
        c = time.thread_time(); w = time.perf_counter()
        try: return f(*a, **k)
        finally:
            e = acc.setdefault(name, [0, 0, 0]); e[0] += time.thread_time() - c; e[1] += time.perf_counter() - w; e[2] += 1
    setattr(cls, name, g)
for n in ("add_call_item_to_queue", "wait_result_broken_or_wakeup", "process_result_item"):
    wrap(P._ExecutorManagerThread, n)
wrap(P._ThreadWakeup, "clear")
orig_wait = connection.wait
def w2(*a, **k):
    c = time.thread_time(); w = time.perf_counter()
    try: return orig_wait(*a, **k)
    finally:
        e = acc.setdefault("connection.wait", [0, 0, 0]); e[0] += time.thread_time() - c; e[1] += time.perf_counter() - w; e[2] += 1
P.mp.connection.wait = w2
if __name__ == "__main__":
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    pool = ProcessPoolExecutor(max_workers=2)
    list(pool.map(tiny, range(50)))
    acc.clear()
    t = time.perf_counter()
    list(pool.map(tiny, range(N)))
    wall = time.perf_counter() - t
    print("wall %.1f us/task" % (wall / N * 1e6))
    for k, (c, w, n) in acc.items():
        print("%-32s cpu %6.1f us  wall %6.1f us per call, %.2f calls/task" % (k, c / n * 1e6, w / n * 1e6, n / N))
    pool.shutdown()
