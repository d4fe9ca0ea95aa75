# interleave: cores=2
# A race: 4 threads each add 1 to a shared counter 200,000 times through a read, a call and a
# write, so a switch between them loses updates (the result varies). Only the makespan is
# compared: the GIL runs the threads one at a time.
import threading
import time

counter = 0

def one():
    return 1

def work():
    global counter
    for _ in range(200_000):
        counter = counter + one()

start = time.perf_counter()
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"makespan {time.perf_counter() - start:.6f}")
