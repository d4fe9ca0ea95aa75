# interleave: cores=2
# Mixed work on 4 threads: each does 3 rounds of a 0.1 s I/O call then 0.03 s of Python
# computation. The I/O overlaps; the computation is serialised by the GIL.
import threading
import time
from interleave import cpu, io

def worker():
    for _ in range(3):
        io(0.1)
        cpu(0.03)

start = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"makespan {time.perf_counter() - start:.6f}")
