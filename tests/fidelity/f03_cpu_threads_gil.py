# interleave: cores=2
# CPU-bound work on two threads: the GIL lets only one run Python at a time, so 2 x 0.3 s of
# computation takes about 0.6 s even with 2 cores (no speed-up over running them in turn).
import threading
import time
from interleave import cpu

start = time.perf_counter()
threads = [threading.Thread(target=cpu, args=(0.3,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"makespan {time.perf_counter() - start:.6f}")
