# queue.Queue pipeline: producer -> worker -> collector, ended by sentinels; FIFO throughout.
import queue
import threading
import time

STOP = object()
raw = queue.Queue(maxsize=2)
cooked = queue.Queue()

def producer():
    for i in range(6):
        raw.put(i)
    raw.put(STOP)

def worker():
    while True:
        item = raw.get()
        if item is STOP:
            cooked.put(STOP)
            raw.task_done()
            break
        time.sleep(0.01)
        cooked.put(item * item)
        raw.task_done()

threads = [threading.Thread(target=producer), threading.Thread(target=worker)]
for t in threads:
    t.start()
results = []
while (item := cooked.get()) is not STOP:
    results.append(item)
raw.join()
for t in threads:
    t.join()
print(results, raw.empty(), cooked.qsize())
try:
    cooked.get_nowait()
except queue.Empty:
    print("Empty")

# expect: [0, 1, 4, 9, 16, 25] True 0
# expect: Empty
