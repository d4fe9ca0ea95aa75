import threading
import queue

tasks = queue.Queue()
done = []
lock = threading.Lock()

def worker():
    while True:
        n = tasks.get()
        with lock:
            done.append(n * n)
        tasks.task_done()

for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for n in range(10):
    tasks.put(n)
tasks.join()
print(sorted(done))
print(len(done))

# expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
# expect: 10
