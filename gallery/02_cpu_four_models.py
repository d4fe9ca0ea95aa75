# Same CPU-bound job, four ways: sequential, threads, processes, asyncio
#
# Four batches that each need 0.2 s of pure-Python computation (interleave.cpu stands for a
# loop like `for i in range(n): total += i * i`; under python3 it is one). Threads do not
# help: only the thread holding the GIL runs Python, so the GIL lane passes the lock from
# thread to thread every 5 ms while the others wait for it (red-orange) and the job takes as long as
# one after another. asyncio does not help either: there is nothing to wait for, so the tasks
# simply run in turn on one thread. Processes do: each has its own interpreter and its own
# GIL, so the four batches run on four cores at once, and the job takes a quarter of the time
# plus the cost of starting the workers. Compare mode stacks the four models.
#
# interleave: cores=4
# compare-code: MODEL = "sequential" | "threads" | "processes" | "asyncio"
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from interleave import cpu

MODEL = "processes"
BATCHES = 4


def crunch(batch):
    cpu(0.2)  # 0.2 s of pure-Python work: it holds the GIL all along
    return batch * batch


async def crunch_async(batch):
    return crunch(batch)  # nothing to await: a coroutine gains nothing here


def run_sequential():
    return [crunch(b) for b in range(BATCHES)]


def run_threads():
    with ThreadPoolExecutor(max_workers=BATCHES) as pool:
        return list(pool.map(crunch, range(BATCHES)))


def run_processes():
    with ProcessPoolExecutor(max_workers=BATCHES) as pool:
        return list(pool.map(crunch, range(BATCHES)))


async def run_asyncio():
    return await asyncio.gather(*(crunch_async(b) for b in range(BATCHES)))


if __name__ == "__main__":
    start = time.perf_counter()
    if MODEL == "sequential":
        results = run_sequential()
    elif MODEL == "threads":
        results = run_threads()
    elif MODEL == "processes":
        results = run_processes()
    else:
        results = asyncio.run(run_asyncio())
    elapsed = time.perf_counter() - start
    print(f"{MODEL}: {len(results)} batches in {elapsed:.2f} s")
