# Per-hop cost of a pipe ping-pong with W of Python work per hop, processes vs threads.
import os, sys, time, threading
from multiprocessing import Process
N = 3000
K = int(sys.argv[1]) if len(sys.argv) > 1 else 200
DATA = [{"a": i, "b": str(i), "c": [i, i + 1]} for i in range(20000)]
def work(k, off):
    s = 0
    for j in range(off, off + k):
        d = DATA[j]
        s += d["a"] + len(d["b"]) + d["c"][1]
    return s
def echo(r, w):
    i = 0
    while True:
        b = os.read(r, 1)
        if b == b"q": break
        work(K, (i * 97) % 19000); i += 1
        os.write(w, b)
def run(r, w):
    t = time.perf_counter()
    for i in range(N):
        work(K, (i * 89) % 19000)
        os.write(w, b"x"); os.read(r, 1)
    return (time.perf_counter() - t) / N * 1e6
if __name__ == "__main__":
    t = time.perf_counter()
    for i in range(N): work(K, (i * 89) % 19000)
    wk = (time.perf_counter() - t) / N * 1e6
    r1, w1 = os.pipe(); r2, w2 = os.pipe()
    p = Process(target=echo, args=(r1, w2)); p.start()
    os.write(w1, b"x"); os.read(r2, 1)
    a = run(r2, w1); os.write(w1, b"q"); p.join()
    r1, w1 = os.pipe(); r2, w2 = os.pipe()
    th = threading.Thread(target=echo, args=(r1, w2)); th.start()
    os.write(w1, b"x"); os.read(r2, 1)
    b = run(r2, w1); os.write(w1, b"q"); th.join()
    print("K=%d work %.1f us; per hop overhead: processes %.1f us, threads %.1f us" % (K, wk, a / 2 - wk, b / 2 - wk))
