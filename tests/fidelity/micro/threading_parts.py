# interleave: cores=2
# threading, queue and concurrent.futures pieces in one thread (nothing blocks), per call:
# CPython's pure-Python threading/queue/_base code against Interleave's library.
import time, threading, queue
from concurrent.futures import Future
N = 4000
def timeit(label, fn):
    best = 1e9
    for rep in range(5):
        t = time.perf_counter()
        for i in range(N): fn(i)
        best = min(best, (time.perf_counter() - t) / N * 1e6)
    print("%-44s %6.3f us" % (label, best))
timeit("empty call (baseline)", lambda i: None)
l = threading.Lock()
timeit("Lock acquire+release", lambda i: (l.acquire(), l.release()))
def wl(i):
    with l: pass
timeit("with Lock", wl)
r = threading.RLock()
def wr(i):
    with r: pass
timeit("with RLock", wr)
timeit("Lock()", lambda i: threading.Lock())
timeit("RLock()", lambda i: threading.RLock())
timeit("Condition()", lambda i: threading.Condition())
timeit("Condition(Lock())", lambda i: threading.Condition(threading.Lock()))
c = threading.Condition()
def cn(i):
    with c: c.notify()
timeit("with Condition: notify (no waiter)", cn)
def cna(i):
    with c: c.notify_all()
timeit("with Condition: notify_all (no waiter)", cna)
c2 = threading.Condition(threading.Lock())
def cn2(i):
    with c2: c2.notify()
timeit("with Condition(Lock()): notify (no waiter)", cn2)
def cw0(i):
    with c2: c2.wait(0)
timeit("with Condition(Lock()): wait(0)", cw0)
timeit("Semaphore()", lambda i: threading.Semaphore(1))
s = threading.Semaphore(0)
timeit("Semaphore release+acquire", lambda i: (s.release(), s.acquire()))
timeit("Event()", lambda i: threading.Event())
e = threading.Event()
timeit("Event set+is_set+clear", lambda i: (e.set(), e.is_set(), e.clear()))
e.set()
timeit("Event wait (set)", lambda i: e.wait())
timeit("queue.Queue()", lambda i: queue.Queue())
q = queue.Queue()
timeit("queue.Queue put+get", lambda i: (q.put(i), q.get()))
timeit("queue.Queue put_nowait+get_nowait", lambda i: (q.put_nowait(i), q.get_nowait()))
timeit("Future()", lambda i: Future())
def fut(i):
    f = Future(); f.set_running_or_notify_cancel(); f.set_result(i); f.result()
timeit("Future create/run/set/result", fut)
f = Future(); f.set_result(1)
timeit("Future.done()", lambda i: f.done())
timeit("Future.result() (done)", lambda i: f.result())
def fcb(i):
    g = Future(); g.add_done_callback(lambda x: None); g.set_result(i)
timeit("Future with a done callback, set", fcb)
