# Free-threaded Python: the same threads with the GIL off
#
# Four threads each run a real pure-Python loop. With the GIL (every CPython up to 3.12, and
# the default build of 3.13) they take turns: one runs, three wait, and the four cores are
# mostly idle. Python 3.13 has an optional free-threaded build (python3.13t, PEP 703) without
# the GIL; there the four loops run at the same time, one per core, and the job takes about
# a quarter of the time. The page opens this example in compare mode: the top chart is the
# run with the GIL (gil=on), the bottom one the same program with gil=off. The GIL lane is
# gone from the second chart, and every thread is green (running) at once. Under python3
# 3.11 this program runs with the GIL.
#
# interleave: cores=4 gil=off
# compare-settings: gil=on | gil=off
import threading
import time

THREADS = 4
N = 60_000


def count_squares(n, results, slot):
    total = 0
    for i in range(n):
        total += i * i
    results[slot] = total


if __name__ == "__main__":
    results = [0] * THREADS
    start = time.perf_counter()
    workers = [threading.Thread(target=count_squares, args=(N, results, k)) for k in range(THREADS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - start
    print(f"{THREADS} threads x {N:,} iterations: {elapsed * 1000:.0f} ms")
