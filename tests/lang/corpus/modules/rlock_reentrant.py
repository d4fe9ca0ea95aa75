import threading

rlock = threading.RLock()
log = []

def outer():
    with rlock:
        log.append("outer acquired")
        inner()

def inner():
    with rlock:
        log.append("inner acquired (same thread)")

outer()
t = threading.Thread(target=outer)
t.start()
t.join()
print(log)
rlock.acquire()
rlock.acquire()
rlock.release()
rlock.release()
print("released twice")

# expect: ['outer acquired', 'inner acquired (same thread)', 'outer acquired', 'inner acquired (same thread)']
# expect: released twice
