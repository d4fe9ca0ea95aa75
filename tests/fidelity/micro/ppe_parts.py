# Pure CPU cost (one thread, nothing blocks) of the pieces a ProcessPoolExecutor does per task.
import time, os, queue, threading, weakref
from multiprocessing import connection, Pipe, Queue, SimpleQueue
from multiprocessing.reduction import ForkingPickler
from concurrent.futures import Future
from concurrent.futures.process import _CallItem, _ResultItem, _WorkItem, _ThreadWakeup
def tiny(n): return n * n
N = 10000
def timeit(label, fn):
    best = 1e9
    for rep in range(5):
        t = time.perf_counter()
        for i in range(N): fn(i)
        best = min(best, (time.perf_counter() - t) / N * 1e6)
    print("%-40s %6.2f us" % (label, best))
r, w = Pipe(duplex=False)
timeit("send_bytes+recv_bytes small", lambda i: (w.send_bytes(b"x" * 40), r.recv_bytes()))
timeit("os.write+os.read", lambda i: (os.write(w.fileno(), b"x"), os.read(r.fileno(), 1)))
timeit("dumps int", lambda i: ForkingPickler.dumps(i))
b = bytes(ForkingPickler.dumps(5))
timeit("loads int", lambda i: ForkingPickler.loads(b))
timeit("dumps _CallItem", lambda i: ForkingPickler.dumps(_CallItem(i, tiny, (i,), {})))
cb = bytes(ForkingPickler.dumps(_CallItem(1, tiny, (1,), {})))
timeit("loads _CallItem", lambda i: ForkingPickler.loads(cb))
timeit("dumps _ResultItem", lambda i: ForkingPickler.dumps(_ResultItem(i, result=i*i)))
rb = bytes(ForkingPickler.dumps(_ResultItem(1, result=1)))
timeit("loads _ResultItem", lambda i: ForkingPickler.loads(rb))
w.send_bytes(b"x")
r2, w2 = Pipe(duplex=False)
timeit("connection.wait 2 pipes (1 ready)", lambda i: connection.wait([r, r2]))
timeit("poll() empty", lambda i: r2.poll())
def fut(i):
    f = Future(); f.set_running_or_notify_cancel(); f.set_result(i); f.result()
timeit("Future create/run/set/result", fut)
q = queue.Queue()
timeit("queue.Queue put+get_nowait", lambda i: (q.put(i), q.get_nowait()))
s = threading.Semaphore(0)
timeit("Semaphore release+acquire", lambda i: (s.release(), s.acquire()))
mq = Queue()
mq.put(1); mq.get(); mq.cancel_join_thread()
def qput(i):
    mq.put(i)
timeit("mp.Queue.put (feeder runs too)", qput)
time.sleep(0.2)
sq = SimpleQueue()
timeit("SimpleQueue put+get int", lambda i: (sq.put(i), sq.get()))
tw = _ThreadWakeup()
timeit("ThreadWakeup wakeup+clear", lambda i: (tw.wakeup(), tw.clear()))
timeit("ThreadWakeup clear (empty)", lambda i: tw.clear())
c = threading.Condition()
def cw(i):
    with c: c.notify_all()
timeit("Condition with+notify_all (no waiter)", cw)
