# The first Queue(), Pipe(), Process.start() and ProcessPoolExecutor import what they need
# (multiprocessing.queues, connection, synchronize, popen_fork, ...): their first call costs more.
import time, sys
from multiprocessing import Process, Queue, Pipe
def nothing(): pass
if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "queue"
    if what == "queue":
        t = time.perf_counter(); Queue(); a = time.perf_counter(); Queue(); b = time.perf_counter()
        print("Queue() first %.0f us, second %.0f us" % ((a - t) * 1e6, (b - a) * 1e6))
    elif what == "pipe":
        t = time.perf_counter(); Pipe(); a = time.perf_counter(); Pipe(); b = time.perf_counter()
        print("Pipe() first %.0f us, second %.0f us" % ((a - t) * 1e6, (b - a) * 1e6))
    elif what == "start":
        p = Process(target=nothing); q = Process(target=nothing)
        t = time.perf_counter(); p.start(); a = time.perf_counter(); q.start(); b = time.perf_counter()
        p.join(); q.join()
        print("start() first %.0f us, second %.0f us" % ((a - t) * 1e6, (b - a) * 1e6))
    elif what == "pool":
        t = time.perf_counter()
        from concurrent.futures import ProcessPoolExecutor
        a = time.perf_counter()
        print("import ProcessPoolExecutor %.0f us" % ((a - t) * 1e6))
