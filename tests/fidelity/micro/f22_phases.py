# interleave: cores=2
# f22's pipeline with timestamps: starts, the consumer's first and last item, joins.
import time, sys
from multiprocessing import Process, Queue, Value
N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
def producer(q1, t):
    t[0].value = time.perf_counter()
    for i in range(N):
        q1.put(i)
    q1.put(None)
def transformer(q1, q2, t):
    t[1].value = time.perf_counter()
    while True:
        item = q1.get()
        if item is None:
            q2.put(None)
            break
        q2.put(item * 2)
def consumer(q2, t):
    t[2].value = time.perf_counter()
    q2.get()
    t[3].value = time.perf_counter()
    while True:
        item = q2.get()
        if item is None:
            break
    t[4].value = time.perf_counter()
if __name__ == "__main__":
    ts = [Value('d', 0.0, lock=False) for _ in range(5)]
    start = time.perf_counter()
    q1, q2 = Queue(), Queue()
    procs = [Process(target=producer, args=(q1, ts)), Process(target=transformer, args=(q1, q2, ts)), Process(target=consumer, args=(q2, ts))]
    marks = []
    for p in procs:
        p.start(); marks.append(time.perf_counter())
    for p in procs:
        p.join(); marks.append(time.perf_counter())
    r = lambda x: (x - start) * 1e3
    print("starts returned %s ms; children began %s; consumer first item %.2f, last %.2f; joins %s ms" % (
        " ".join("%.2f" % r(m) for m in marks[:3]), " ".join("%.2f" % r(ts[i].value) for i in range(3)),
        r(ts[3].value), r(ts[4].value), " ".join("%.2f" % r(m) for m in marks[3:])))
