# On one core: per-hop overhead of a pipe ping-pong where each side runs W of varied Python work
# (pickling, dict/list/str operations over ~S objects) between hops; processes vs threads.
import os, sys, time, threading, pickle
from multiprocessing import Process
N = 2000
S = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
class Item:
    def __init__(self, i): self.i = i; self.name = "item%d" % i; self.tags = [i, i * 2]
DATA = [Item(i) for i in range(S)]
INDEX = {d.name: d for d in DATA}
def work(off):
    s = 0
    for j in range(off, off + 60):
        d = DATA[j % S]
        s += INDEX[d.name].tags[1] + len(d.name)
    s += len(pickle.dumps(DATA[off % S])) + pickle.loads(pickle.dumps((off, "x", [1, 2]))) [0]
    return s
def echo(r, w):
    i = 0
    while True:
        b = os.read(r, 1)
        if b == b"q": break
        work(i * 997); i += 1
        os.write(w, b)
def run(r, w):
    t = time.perf_counter()
    for i in range(N):
        work(i * 991)
        os.write(w, b"x"); os.read(r, 1)
    return (time.perf_counter() - t) / N * 1e6
if __name__ == "__main__":
    best = 1e9
    for rep in range(5):
        t = time.perf_counter()
        for i in range(N): work(i * 991)
        best = min(best, (time.perf_counter() - t) / N * 1e6)
    wk = best
    res = []
    for rep in range(3):
        r1, w1 = os.pipe(); r2, w2 = os.pipe()
        p = Process(target=echo, args=(r1, w2)); p.start()
        os.write(w1, b"x"); os.read(r2, 1)
        a = run(r2, w1); os.write(w1, b"q"); p.join()
        r1, w1 = os.pipe(); r2, w2 = os.pipe()
        th = threading.Thread(target=echo, args=(r1, w2)); th.start()
        os.write(w1, b"x"); os.read(r2, 1)
        b = run(r2, w1); os.write(w1, b"q"); th.join()
        res.append((a / 2 - wk, b / 2 - wk))
    print("S=%d work %.1f us/hop (hot); overhead per hop: processes %s us, threads %s us" % (
        S, wk, " ".join("%.1f" % x[0] for x in res), " ".join("%.1f" % x[1] for x in res)))
