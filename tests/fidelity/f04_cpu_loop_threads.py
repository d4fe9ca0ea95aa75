# interleave: cores=2
# A real pure-Python loop (the lessons' `total += i * i`) run in turn, then on two threads:
# with the GIL the threaded version is no faster. Checks the VM's per-instruction costs too.
import threading
import time

def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

start = time.perf_counter()
work(1_500_000)
work(1_500_000)
threads = [threading.Thread(target=work, args=(1_500_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"makespan {time.perf_counter() - start:.6f}")
