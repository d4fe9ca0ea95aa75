# Mixed work: threads for the I/O stage, processes for the CPU stage
#
# Eight reports, each first downloaded (0.2 s of waiting) and then parsed (0.1 s of
# pure-Python work). Done all on threads, the downloads overlap nicely, but the parsing is
# serialised by the GIL: 8 x 0.1 s one after another. Split by stage, the downloads stay on
# threads (waiting needs no GIL) and the parsing goes to a process pool, where four cores
# parse at once. Compare mode stacks the two: on the top chart the threads queue for the GIL
# after their downloads; on the bottom one the parsing runs in four worker processes side by
# side. Match the tool to the kind of work: I/O-bound to threads or asyncio, CPU-bound to
# processes.
#
# interleave: cores=4
# compare-code: PARSE_WITH = "threads" | "processes"
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from interleave import cpu, io

PARSE_WITH = "processes"
REPORTS = 8


def download(n):
    io(0.2)  # waiting for the server
    return n


def parse(n):
    cpu(0.1)  # pure-Python parsing: holds the GIL
    return n * 10


def download_and_parse(n):
    return parse(download(n))


if __name__ == "__main__":
    start = time.perf_counter()
    if PARSE_WITH == "threads":
        with ThreadPoolExecutor(max_workers=REPORTS) as threads:
            results = list(threads.map(download_and_parse, range(REPORTS)))
    else:
        with ThreadPoolExecutor(max_workers=REPORTS) as threads:
            raw = list(threads.map(download, range(REPORTS)))
        with ProcessPoolExecutor(max_workers=4) as processes:
            results = list(processes.map(parse, raw))
    print(f"parse with {PARSE_WITH}: {len(results)} reports in {time.perf_counter() - start:.2f} s")
