# concurrent.futures.as_completed yields futures as they finish (sleeps 0.1 s apart).
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

def job(name, delay):
    time.sleep(delay)
    return name

with ThreadPoolExecutor(max_workers=4) as pool:
    futs = {pool.submit(job, n, d): n for n, d in (("c", 0.3), ("a", 0.1), ("d", 0.4), ("b", 0.2))}
    for f in as_completed(futs):
        print(futs[f], f.result(), f.done())
    try:
        for f in as_completed([pool.submit(job, "late", 0.5)], timeout=0.1):
            print("not reached")
    except TimeoutError as e:
        print("TimeoutError:", e)

# expect: a a True
# expect: b b True
# expect: c c True
# expect: d d True
# expect: TimeoutError: 1 (of 1) futures unfinished
