# interleave: cores=2
# Pieces of multiprocessing in one thread (nothing blocks), CPython vs Interleave.
import time, queue, threading
from multiprocessing import Pipe, Queue, SimpleQueue, connection
from concurrent.futures import Future
N = 3000
def timeit(label, fn):
    best = 1e9
    for rep in range(3):
        t = time.perf_counter()
        for i in range(N): fn(i)
        best = min(best, (time.perf_counter() - t) / N * 1e6)
    print("%-40s %6.2f us" % (label, best))
r, w = Pipe(duplex=False)
timeit("send+recv int", lambda i: (w.send(i), r.recv()))
r2, w2 = Pipe(duplex=False)
w.send(1)
timeit("connection.wait 2 pipes (1 ready)", lambda i: connection.wait([r, r2]))
timeit("poll() empty", lambda i: r2.poll())
def fut(i):
    f = Future(); f.set_running_or_notify_cancel(); f.set_result(i); f.result()
timeit("Future create/run/set/result", fut)
q = queue.Queue()
timeit("queue.Queue put+get_nowait", lambda i: (q.put(i), q.get_nowait()))
s = threading.Semaphore(0)
timeit("Semaphore release+acquire", lambda i: (s.release(), s.acquire()))
sq = SimpleQueue()
timeit("SimpleQueue put+get int", lambda i: (sq.put(i), sq.get()))
c = threading.Condition()
def cw(i):
    with c: c.notify_all()
timeit("Condition with+notify_all (no waiter)", cw)
