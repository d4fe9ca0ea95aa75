# threading.Barrier: the last arrival runs the action and releases everyone; indices follow
# arrival order (arrivals 0.1 s apart); a timeout breaks the barrier.
import threading
import time

log = []
barrier = threading.Barrier(3, action=lambda: log.append("action"))
indices = {}

def worker(name, delay):
    time.sleep(delay)
    indices[name] = barrier.wait()

threads = [threading.Thread(target=worker, args=(n, d)) for n, d in (("a", 0.2), ("b", 0.1), ("c", 0.3))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices.items()), log, barrier.n_waiting, barrier.broken, barrier.parties)

b2 = threading.Barrier(2, timeout=0.1)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError; broken =", b2.broken)
b2.reset()
print("after reset broken =", b2.broken)

cond = threading.Condition()
with cond:
    print("wait_for timed out ->", cond.wait_for(lambda: False, timeout=0.1))

# expect: [('a', 1), ('b', 0), ('c', 2)] ['action'] 0 False 3
# expect: BrokenBarrierError; broken = True
# expect: after reset broken = False
# expect: wait_for timed out -> False
