import threading

counter = 0
lock = threading.Lock()

def increment(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1

threads = [threading.Thread(target=increment, args=(10_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
print(lock.locked())
lock.acquire()
print(lock.locked(), lock.acquire(blocking=False))
lock.release()
print(lock.locked())

# expect: 40000
# expect: False
# expect: True False
# expect: False
