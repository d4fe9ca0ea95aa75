# multiprocessing.connection.wait over 4 objects (one ready), and an empty pipe message.
import time, os
from multiprocessing import connection, Pipe, Process
import multiprocessing as mp
def idle(c):
    c.recv()
if __name__ == "__main__":
    r1, w1 = Pipe(duplex=False); r2, w2 = Pipe(duplex=False)
    ps = []
    for _ in range(2):
        a, b = Pipe(); p = Process(target=idle, args=(b,)); p.start(); ps.append((p, a))
    sentinels = [p.sentinel for p, _ in ps]
    w1.send_bytes(b"x")  # one ready
    N = 5000
    t = time.perf_counter()
    for i in range(N):
        connection.wait([r1, r2] + sentinels)
    print("connection.wait (4 objects, one ready): %.2f us" % ((time.perf_counter() - t) / N * 1e6))
    # wakeup pipe write + read
    rr, ww = Pipe(duplex=False)
    t = time.perf_counter()
    for i in range(N):
        ww.send_bytes(b""); rr.recv_bytes()
    print("pipe send_bytes+recv_bytes (empty): %.2f us" % ((time.perf_counter() - t) / N * 1e6))
    for p, a in ps: a.send(None); p.join()
