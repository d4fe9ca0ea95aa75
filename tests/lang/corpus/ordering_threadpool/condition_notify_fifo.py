# threading.Condition.notify wakes waiters in the order they started waiting.
import threading
import time

cond = threading.Condition()
woken = []

def waiter(name):
    with cond:
        cond.wait()
        woken.append(name)

threads = []
for name in ("w1", "w2", "w3"):
    t = threading.Thread(target=waiter, args=(name,))
    t.start()
    threads.append(t)
    time.sleep(0.1)
for i in range(3):
    with cond:
        cond.notify()
    time.sleep(0.1)
    print("after notify", i + 1, woken)
for t in threads:
    t.join()

# expect: after notify 1 ['w1']
# expect: after notify 2 ['w1', 'w2']
# expect: after notify 3 ['w1', 'w2', 'w3']
