# interleave: cores=2
# The same kind of I/O-bound work on threads: 10 threads each wait 0.3 s at the same time, so
# the whole takes about 0.3 s instead of 3 s. Waiting releases the GIL.
import threading
import time

def fetch(n):
    time.sleep(0.3)

start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(n,)) for n in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"makespan {time.perf_counter() - start:.6f}")
