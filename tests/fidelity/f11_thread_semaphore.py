# interleave: cores=2
# A threading.Semaphore(2) lets only 2 of 8 threads into the 0.1 s call at a time:
# 4 rounds, about 0.4 s.
import threading
import time

sem = threading.Semaphore(2)

def fetch(n):
    with sem:
        time.sleep(0.1)

start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(n,)) for n in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"makespan {time.perf_counter() - start:.6f}")
