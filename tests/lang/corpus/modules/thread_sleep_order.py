import threading
import time

order = []
lock = threading.Lock()

def sleeper(name, delay):
    time.sleep(delay)
    with lock:
        order.append(name)

threads = [threading.Thread(target=sleeper, args=(n, d))
           for n, d in [("slow", 0.3), ("fast", 0.1), ("medium", 0.2)]]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(order)

# expect: ['fast', 'medium', 'slow']
