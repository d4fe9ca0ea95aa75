# Copy-on-write after fork: how much longer the parent's (and the child's) Python work takes
# right after a fork, while the other process is alive, than before it.
import os, time, pickle, sys
from multiprocessing import Process
S = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
class Item:
    def __init__(self, i): self.i = i; self.name = "item%d" % i; self.tags = [i, i * 2]
DATA = [Item(i) for i in range(S)]
INDEX = {d.name: d for d in DATA}
def chunk(off):
    s = 0
    for j in range(off, off + 200):
        d = DATA[j % S]
        s += INDEX[d.name].tags[1] + len(d.name)
    return s
def run(n):
    t = time.perf_counter()
    for k in range(n): chunk(k * 200)
    return (time.perf_counter() - t) * 1e3
def child(r):
    w = run(S // 200)
    w2 = run(S // 200)
    os.write(r, ("%.2f %.2f" % (w, w2)).encode())
    time.sleep(0.5)
if __name__ == "__main__":
    n = S // 200  # one pass over all the data
    base = min(run(n) for _ in range(3))
    r, w = os.pipe()
    p = Process(target=child, args=(w,)); p.start()
    time.sleep(0.05)
    first = run(n); second = run(n)
    print("S=%d pass over the data: %.2f ms before fork; parent after fork %.2f then %.2f ms; child %s ms" % (S, base, first, second, os.read(r, 100).decode()))
    p.join()
