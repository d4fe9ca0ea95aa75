# interleave: cores=2
# Connection send/recv round trip between two processes (objects).
import time
from multiprocessing import Process, Pipe
N = 2000
def echo_obj(c):
    while True:
        b = c.recv()
        if b is None: break
        c.send(b)
if __name__ == "__main__":
    c1, c2 = Pipe()
    p = Process(target=echo_obj, args=(c2,)); p.start()
    c1.send(1); c1.recv()
    t = time.perf_counter()
    for i in range(N):
        c1.send(i); c1.recv()
    d = (time.perf_counter() - t) / N * 1e6
    c1.send(None); p.join()
    print("Connection objects round trip %.1f us" % d)
