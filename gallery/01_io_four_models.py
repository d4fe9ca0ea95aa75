# Same I/O-bound job, four ways: sequential, threads, processes, asyncio
#
# Eight downloads that each spend 0.2 s waiting for a server and almost no time computing. Run
# one after another they take 8 x 0.2 s. Threads overlap the waits: a thread blocked on the
# network releases the GIL, so all eight wait at once and the job takes about 0.2 s. Processes
# overlap them too, but each worker first has to be started (fork) and every argument and
# result is pickled across: more cost for no gain when the work is waiting. asyncio overlaps
# the waits on one thread with one event loop: look at the event-loop lane, idle in select
# while the eight tasks wait. The page opens this example in compare mode, one chart per model
# on one time axis; change MODEL in the editor to try another.
#
# interleave: cores=2
# compare-code: MODEL = "sequential" | "threads" | "processes" | "asyncio"
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

MODEL = "asyncio"
PAGES = 8
LATENCY = 0.2  # seconds the server takes to answer


def download(page):
    time.sleep(LATENCY)  # a blocking network call: the GIL is released while it waits
    return f"page {page}: {page * 1000} bytes"


async def download_async(page):
    await asyncio.sleep(LATENCY)  # the same wait, handed back to the event loop
    return f"page {page}: {page * 1000} bytes"


def run_sequential():
    return [download(p) for p in range(PAGES)]


def run_threads():
    with ThreadPoolExecutor(max_workers=PAGES) as pool:
        return list(pool.map(download, range(PAGES)))


def run_processes():
    with ProcessPoolExecutor(max_workers=PAGES) as pool:
        return list(pool.map(download, range(PAGES)))


async def run_asyncio():
    return await asyncio.gather(*(download_async(p) for p in range(PAGES)))


if __name__ == "__main__":
    start = time.perf_counter()
    if MODEL == "sequential":
        pages = run_sequential()
    elif MODEL == "threads":
        pages = run_threads()
    elif MODEL == "processes":
        pages = run_processes()
    else:
        pages = asyncio.run(run_asyncio())
    elapsed = time.perf_counter() - start
    print(f"{MODEL}: {len(pages)} pages in {elapsed:.2f} s")
