# interleave: cores=2
# Round trip and streamed cost of small items through two multiprocessing.Queues to an echo process.
import time
from multiprocessing import Process, Queue
def echo(qin, qout):
    while True:
        x = qin.get()
        if x is None: break
        qout.put(x)
if __name__ == "__main__":
    qin, qout = Queue(), Queue()
    p = Process(target=echo, args=(qin, qout)); p.start()
    qin.put(0); qout.get()
    N = 300
    t = time.perf_counter()
    for i in range(N):
        qin.put(i); qout.get()
    print("Queue round trip %.1f us" % ((time.perf_counter() - t) / N * 1e6))
    t = time.perf_counter()
    for i in range(N):
        qin.put(i)
    for i in range(N):
        qout.get()
    print("Queue streamed %.1f us per item" % ((time.perf_counter() - t) / N * 1e6))
    qin.put(None); p.join()
