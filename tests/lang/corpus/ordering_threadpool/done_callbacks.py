# Future.add_done_callback: callbacks run in registration order; on a finished future at once.
import time
from concurrent.futures import ThreadPoolExecutor

log = []

def job():
    time.sleep(0.1)
    return 7

with ThreadPoolExecutor(max_workers=1) as pool:
    f = pool.submit(job)
    f.add_done_callback(lambda fut: log.append(("cb1", fut.result())))
    f.add_done_callback(lambda fut: log.append(("cb2", fut.done())))
    print("registered, done:", f.done())
    print(f.result())
    time.sleep(0.05)
    f.add_done_callback(lambda fut: log.append(("late", fut.result())))
    print(log)

# expect: registered, done: False
# expect: 7
# expect: [('cb1', 7), ('cb2', True), ('late', 7)]
