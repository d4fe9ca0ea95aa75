# interleave: cores=2
# C-extension work that releases the GIL (like hashing a large buffer) does run in parallel on
# threads: 4 threads x 0.2 s of work on 2 cores take about 0.4 s.
import threading
import time
from interleave import native

start = time.perf_counter()
threads = [threading.Thread(target=native, args=(0.2,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"makespan {time.perf_counter() - start:.6f}")
