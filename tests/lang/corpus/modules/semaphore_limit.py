import threading
import time

sem = threading.Semaphore(2)
lock = threading.Lock()
active = 0
peak = 0

def task():
    global active, peak
    with sem:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.05)
        with lock:
            active -= 1

threads = [threading.Thread(target=task) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak concurrency:", peak)
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False))

# expect: peak concurrency: 2
# expect: True True False
