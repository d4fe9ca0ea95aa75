# With one worker, submitted calls run in FIFO order; pending ones can be cancelled.
import time
from concurrent.futures import ThreadPoolExecutor

log = []

def job(name):
    log.append(name)
    time.sleep(0.1)
    return name

pool = ThreadPoolExecutor(max_workers=1)
fs = [pool.submit(job, n) for n in "abcde"]
time.sleep(0.05)
print("running:", [f.running() for f in fs])
print("cancel d:", fs[3].cancel(), "cancel a:", fs[0].cancel())
pool.shutdown(wait=True)
print(log)
print([f.cancelled() for f in fs])
print([f.result() for f in fs if not f.cancelled()])
try:
    pool.submit(job, "z")
except RuntimeError as e:
    print("RuntimeError:", e)

# expect: running: [True, False, False, False, False]
# expect: cancel d: True cancel a: False
# expect: ['a', 'b', 'c', 'e']
# expect: [False, False, False, True, False]
# expect: ['a', 'b', 'c', 'e']
# expect: RuntimeError: cannot schedule new futures after shutdown
