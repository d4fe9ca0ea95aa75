# Workers start lazily, one per submit while none is idle, up to max_workers; named prefix_N.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def job(i):
    time.sleep(0.1)
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=3) as pool:
    print("threads before submit:", len(pool._threads))
    fs = [pool.submit(job, i) for i in range(5)]
    print("threads after 5 submits:", len(pool._threads))
    print(sorted(set(f.result() for f in fs)))
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="io") as pool:
    print(sorted(set(pool.map(job, range(4)))))
with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(job, 0).result())

# expect: threads before submit: 0
# expect: threads after 5 submits: 3
# expect: ['ThreadPoolExecutor-0_0', 'ThreadPoolExecutor-0_1', 'ThreadPoolExecutor-0_2']
# expect: ['io_0', 'io_1']
# expect: ThreadPoolExecutor-1_0
