# interleave: cores=2
# I/O-bound work done one call after another: 4 blocking calls of 0.2 s each take 0.8 s,
# because the program waits for each before starting the next.
import time

def fetch(n):
    time.sleep(0.2)  # a network call: the CPU does nothing meanwhile
    return n

start = time.perf_counter()
for n in range(4):
    fetch(n)
print(f"makespan {time.perf_counter() - start:.6f}")
