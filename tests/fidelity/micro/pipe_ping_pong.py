# Round trips over pipes: raw os.read/os.write and Connection, between processes and threads.
import os, time, threading
from multiprocessing import Process, Pipe
N = 3000
def echo_raw(r, w):
    while True:
        b = os.read(r, 1)
        if b == b"q": break
        os.write(w, b)
def echo_conn(c):
    while True:
        b = c.recv_bytes()
        if b == b"q": break
        c.send_bytes(b)
def echo_obj(c):
    while True:
        b = c.recv()
        if b is None: break
        c.send(b)
def rt_raw(r, w):
    t = time.perf_counter()
    for i in range(N):
        os.write(w, b"x"); os.read(r, 1)
    return (time.perf_counter() - t) / N * 1e6
if __name__ == "__main__":
    for rep in range(3):
        r1, w1 = os.pipe(); r2, w2 = os.pipe()
        p = Process(target=echo_raw, args=(r1, w2)); p.start()
        os.write(w1, b"x"); os.read(r2, 1)
        a = rt_raw(r2, w1)
        os.write(w1, b"q"); p.join()
        r1, w1 = os.pipe(); r2, w2 = os.pipe()
        th = threading.Thread(target=echo_raw, args=(r1, w2)); th.start()
        os.write(w1, b"x"); os.read(r2, 1)
        b = rt_raw(r2, w1)
        os.write(w1, b"q"); th.join()
        c1, c2 = Pipe()
        p = Process(target=echo_conn, args=(c2,)); p.start()
        c1.send_bytes(b"x"); c1.recv_bytes()
        t = time.perf_counter()
        for i in range(N):
            c1.send_bytes(b"x"); c1.recv_bytes()
        c = (time.perf_counter() - t) / N * 1e6
        c1.send_bytes(b"q"); p.join()
        c1, c2 = Pipe()
        p = Process(target=echo_obj, args=(c2,)); p.start()
        c1.send(1); c1.recv()
        t = time.perf_counter()
        for i in range(N):
            c1.send(i); c1.recv()
        d = (time.perf_counter() - t) / N * 1e6
        c1.send(None); p.join()
        # local cost, no wake-up: write then read in the same thread
        r, w = os.pipe()
        t = time.perf_counter()
        for i in range(N):
            os.write(w, b"x"); os.read(r, 1)
        e = (time.perf_counter() - t) / N * 1e6
        print("round trip: raw procs %.1f  raw threads %.1f  Connection bytes procs %.1f  Connection objects procs %.1f  | same-thread write+read %.2f us" % (a, b, c, d, e))
