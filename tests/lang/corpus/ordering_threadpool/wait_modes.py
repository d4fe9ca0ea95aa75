# concurrent.futures.wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout.
import time
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, FIRST_EXCEPTION

def job(name, delay, fail=False):
    time.sleep(delay)
    if fail:
        raise ValueError(name)
    return name

def names(fs):
    return sorted(f.tag for f in fs)

with ThreadPoolExecutor(max_workers=3) as pool:
    fs = []
    for n, d, fail in (("a", 0.3, False), ("b", 0.1, True), ("c", 0.2, False)):
        f = pool.submit(job, n, d, fail)
        f.tag = n
        fs.append(f)
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print("first completed:", names(done), names(not_done))
    done, not_done = wait(fs, timeout=0.05)
    print("after timeout:", names(done), names(not_done))
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print("first exception:", names(done), names(not_done))
    done, not_done = wait(fs)
    print("all:", names(done), names(not_done))
    print([repr(f.exception()) for f in fs])

# expect: first completed: ['b'] ['a', 'c']
# expect: after timeout: ['b'] ['a', 'c']
# expect: first exception: ['b'] ['a', 'c']
# expect: all: ['a', 'b', 'c'] []
# expect: ['None', "ValueError('b')", 'None']
