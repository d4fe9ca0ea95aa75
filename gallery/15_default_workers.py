# Default worker counts: ThreadPoolExecutor() and ProcessPoolExecutor()
#
# Without max_workers, a ThreadPoolExecutor gets min(32, os.cpu_count() + 4) threads (Python
# 3.8 and later) and a ProcessPoolExecutor os.cpu_count() processes. So the same program
# behaves differently on different machines. Here 24 downloads of 0.1 s go to a default thread
# pool: with 4 cores it has 8 workers, so the downloads go in three waves (0.3 s). Compare
# mode runs the program on 2 cores (6 workers: four waves, 0.4 s) and on 8 cores (12 workers:
# two waves, 0.2 s). Count the worker lanes in each chart. For I/O-bound work, choose
# max_workers from how much waiting can overlap, not from the number of cores.
#
# interleave: cores=4
# compare-settings: cores=2 | cores=4 | cores=8
import os
import time
from concurrent.futures import ThreadPoolExecutor

from interleave import io

DOWNLOADS = 24


def download(n):
    io(0.1)
    return n


if __name__ == "__main__":
    workers = min(32, os.cpu_count() + 4)
    start = time.perf_counter()
    with ThreadPoolExecutor() as pool:
        done = list(pool.map(download, range(DOWNLOADS)))
    elapsed = time.perf_counter() - start
    print(f"{os.cpu_count()} cores -> {workers} default workers: "
          f"{len(done)} downloads in {elapsed:.2f} s")
