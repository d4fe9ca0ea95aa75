import threading
import queue

q = queue.Queue()
results = []

def producer():
    for i in range(5):
        q.put(i)
    q.put(None)

def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        results.append(item * 10)

p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(results)
print(q.empty(), q.qsize())

# expect: [0, 10, 20, 30, 40]
# expect: True 0
