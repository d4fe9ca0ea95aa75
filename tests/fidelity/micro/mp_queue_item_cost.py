# Measures CPU per item on the put and get sides of a multiprocessing.Queue (docs/fidelity.md).
import time, os, pickle
from multiprocessing import Process, Queue, SimpleQueue
N = 20000
def producer(q, item, res):
    c = time.process_time(); w = time.perf_counter()
    for i in range(N):
        q.put(item)
    q.put(None)
    q.close(); q.join_thread()
    res.put(("put", (time.process_time() - c) / N * 1e6, (time.perf_counter() - w) / N * 1e6))
def consumer(q, res):
    c = time.process_time(); w = time.perf_counter()
    while q.get() is not None:
        pass
    res.put(("get", (time.process_time() - c) / N * 1e6, (time.perf_counter() - w) / N * 1e6))
if __name__ == "__main__":
    for item in (7, 3.5, "hello world", list(range(100)), b"x" * 10000):
        q = Queue(); res = SimpleQueue()
        ps = [Process(target=producer, args=(q, item, res)), Process(target=consumer, args=(q, res))]
        for p in ps: p.start()
        for p in ps: p.join()
        r = sorted([res.get(), res.get()])
        n = len(pickle.dumps(item))
        print("%-12s %6d B: " % (type(item).__name__, n) + "  ".join("%s cpu %.2f us wall %.2f us" % x for x in r))
    t = time.perf_counter()
    for i in range(N): pickle.loads(pickle.dumps(7))
    print("dumps+loads int %.2f us" % ((time.perf_counter() - t) / N * 1e6))
