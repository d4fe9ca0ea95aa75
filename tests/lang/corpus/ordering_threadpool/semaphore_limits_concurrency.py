# A BoundedSemaphore(2) keeps at most two threads inside; an extra release raises.
import threading
import time

sem = threading.BoundedSemaphore(2)
lock = threading.Lock()
inside = 0
peak = 0
done = []

def job(i):
    global inside, peak
    with sem:
        with lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.1)
        with lock:
            inside -= 1
            done.append(i)

threads = [threading.Thread(target=job, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak", peak, "done", sorted(done))
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

# expect: peak 2 done [0, 1, 2, 3, 4, 5]
# expect: ValueError: Semaphore released too many times
