# interleave: cores=2
# The convoy effect: an I/O thread making 40 short 1 ms calls beside a CPU-bound thread. After
# each call it must take the GIL back, and the CPU thread only drops it when asked, after the
# 5 ms switch interval: 40 x ~6 ms = ~0.24 s instead of 40 ms alone.
import threading
import time
from interleave import cpu

done = False

def io_thread():
    global done
    for _ in range(40):
        time.sleep(0.001)
    done = True

def cpu_thread():
    while not done:
        cpu(0.001)

start = time.perf_counter()
threads = [threading.Thread(target=cpu_thread), threading.Thread(target=io_thread)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"makespan {time.perf_counter() - start:.6f}")
