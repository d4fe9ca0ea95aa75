# shutdown(cancel_futures=True) cancels the calls still queued; the running one finishes.
import time
from concurrent.futures import ThreadPoolExecutor, CancelledError

def job(i):
    time.sleep(0.1)
    return i

pool = ThreadPoolExecutor(max_workers=2)
fs = [pool.submit(job, i) for i in range(6)]
time.sleep(0.05)
pool.shutdown(wait=True, cancel_futures=True)
print([("cancelled" if f.cancelled() else f.result()) for f in fs])
try:
    fs[-1].result()
except CancelledError:
    print("CancelledError from result()")

# expect: [0, 1, 'cancelled', 'cancelled', 'cancelled', 'cancelled']
# expect: CancelledError from result()
