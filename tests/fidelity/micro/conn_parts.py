# Connection.send_bytes / recv_bytes and os.write / os.read alone, per call (hot loop).
import os, time
from multiprocessing import Pipe, Queue, Lock, BoundedSemaphore
from multiprocessing.reduction import ForkingPickler
r, w = Pipe(duplex=False)
msg = bytes(ForkingPickler.dumps(7))
B = 500
def bench(label, fill, drain):
    best_f = best_d = 1e9
    for rep in range(20):
        t = time.perf_counter(); fill(); t1 = time.perf_counter(); drain(); t2 = time.perf_counter()
        best_f = min(best_f, (t1 - t) / B * 1e6); best_d = min(best_d, (t2 - t1) / B * 1e6)
    print("%-28s write side %.2f us  read side %.2f us" % (label, best_f, best_d))
def f1():
    for i in range(B): w.send_bytes(msg)
def d1():
    for i in range(B): r.recv_bytes()
bench("send_bytes / recv_bytes", f1, d1)
fw, fr = w.fileno(), r.fileno()
def f2():
    for i in range(B): os.write(fw, msg)
def d2():
    for i in range(B): os.read(fr, len(msg))
bench("os.write / os.read", f2, d2)
def f3():
    for i in range(B): w.send(7)
def d3():
    for i in range(B): r.recv()
bench("send(7) / recv()", f3, d3)
q = Queue()
lk = Lock(); sem = BoundedSemaphore(2**31 - 1)
def f4():
    for i in range(B):
        sem.acquire(); w.send_bytes(ForkingPickler.dumps(7))
def d4():
    for i in range(B):
        with lk:
            res = r.recv_bytes()
        sem.release()
        ForkingPickler.loads(res)
bench("Queue put-ish / get path", f4, d4)
