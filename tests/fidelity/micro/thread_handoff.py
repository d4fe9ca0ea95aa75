# interleave: cores=2
# Lock ping-pong and queue.Queue ping-pong between two threads: round trip per exchange.
import threading, time
a = threading.Lock(); b = threading.Lock()
a.acquire(); b.acquire()
N = 2000
def other():
    for i in range(N):
        a.acquire()
        b.release()
t = threading.Thread(target=other); t.start()
t0 = time.perf_counter()
for i in range(N):
    a.release()
    b.acquire()
dt = time.perf_counter() - t0
t.join()
print("thread lock ping-pong round trip %.1f us" % (dt / N * 1e6))
import queue
q1 = queue.Queue(); q2 = queue.Queue()
def echo():
    while True:
        x = q1.get()
        if x is None: break
        q2.put(x)
t = threading.Thread(target=echo); t.start()
t0 = time.perf_counter()
for i in range(N):
    q1.put(i); q2.get()
dt = time.perf_counter() - t0
q1.put(None); t.join()
print("queue.Queue ping-pong round trip %.1f us" % (dt / N * 1e6))
