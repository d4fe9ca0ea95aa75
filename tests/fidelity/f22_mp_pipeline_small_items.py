# interleave: cores=2
# The pipeline with nothing to compute: 2000 small ints pass producer -> transformer -> consumer
# through two multiprocessing Queues. What it measures is the cost of an item crossing
# processes (pickling, the pipe, the queue's feeder thread).
import time
from multiprocessing import Process, Queue

N = 2000

def producer(q1):
    for i in range(N):
        q1.put(i)
    q1.put(None)

def transformer(q1, q2):
    while True:
        item = q1.get()
        if item is None:
            q2.put(None)
            break
        q2.put(item * 2)

def consumer(q2):
    total = 0
    while True:
        item = q2.get()
        if item is None:
            break
        total += item

if __name__ == "__main__":
    start = time.perf_counter()
    q1, q2 = Queue(), Queue()
    procs = [Process(target=producer, args=(q1,)),
             Process(target=transformer, args=(q1, q2)),
             Process(target=consumer, args=(q2,))]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(f"makespan {time.perf_counter() - start:.6f}")
