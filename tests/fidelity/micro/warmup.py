# How much slower a freshly forked child handles its first queue items than later ones
# (copy-on-write faults, cold caches): per-item time of items 0-99, 100-199, ... in the consumer.
import time, sys
from multiprocessing import Process, Queue
N = 2000
def consumer(q, res):
    marks = []
    for i in range(N):
        q.get()
        if i % 100 == 0: marks.append(time.perf_counter())
    res.put(marks)
if __name__ == "__main__":
    q, res = Queue(), Queue()
    for i in range(N): q.put(i)
    time.sleep(0.2)   # all items in the pipe before the consumer starts
    p = Process(target=consumer, args=(q, res)); p.start()
    marks = res.get(); p.join()
    print(" ".join("%.1f" % ((b - a) / 100 * 1e6) for a, b in zip(marks, marks[1:])), "us/item per 100")
