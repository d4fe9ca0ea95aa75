# Threads and the GIL. Two CPU-bound threads share one GIL: they take turns, so
# two cores do not make them faster. Two I/O-bound threads release the GIL while
# they wait, so their waits overlap. Try: turn the GIL off (Python 3.13t), use
# 1 core, or make the loop longer. Click a bar to see its line here.
import threading
import time


def count(n):
    """CPU-bound: pure Python keeps the GIL."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def download(name):
    """I/O-bound: a blocking call releases the GIL while it waits."""
    time.sleep(0.004)
    print(f"{name} downloaded")


start = time.perf_counter()
threads = [threading.Thread(target=count, args=(150_000,)) for _ in range(2)]
threads += [threading.Thread(target=download, args=(f"file{i}",)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"4 threads took {time.perf_counter() - start:.4f} s")
