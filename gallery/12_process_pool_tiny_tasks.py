# A process pool for tiny tasks: slower than a plain loop
#
# Squaring 200 numbers takes well under a millisecond in a plain loop. Sent to a
# ProcessPoolExecutor, the same work takes far longer: the pool first starts its worker
# processes (a fork each, and a fresh interpreter's memory), then every number and every result
# is pickled, sent through a pipe and unpickled, which costs much more than the multiplication
# itself. In the chart, look at how little of the workers' time is the work itself and how
# much is starting up and passing data. Processes pay off when each task is big (see the
# CPU-bound example), or when many small items are grouped into a few big tasks (map's
# chunksize).
#
# interleave: cores=2
import time
from concurrent.futures import ProcessPoolExecutor

NUMBERS = 200


def square(n):
    return n * n


if __name__ == "__main__":
    start = time.perf_counter()
    plain = [square(n) for n in range(NUMBERS)]
    loop_time = time.perf_counter() - start

    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = list(pool.map(square, range(NUMBERS)))
    pool_time = time.perf_counter() - start

    assert pooled == plain
    print(f"plain loop:   {loop_time * 1000:.2f} ms")
    print(f"process pool: {pool_time * 1000:.2f} ms ({pool_time / loop_time:.0f}x slower)")
