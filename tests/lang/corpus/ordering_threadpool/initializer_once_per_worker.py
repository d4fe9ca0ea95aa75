# initializer runs once in each worker thread before its first call.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

lock = threading.Lock()
inits = []

def init(tag):
    with lock:
        inits.append(tag)

def job(i):
    time.sleep(0.1)
    return i * 10

with ThreadPoolExecutor(max_workers=2, initializer=init, initargs=("ready",)) as pool:
    print(list(pool.map(job, range(5))))
print(inits)

# expect: [0, 10, 20, 30, 40]
# expect: ['ready', 'ready']
