import threading
import time

ready = threading.Event()
log = []

def waiter():
    log.append("waiting")
    ready.wait()
    log.append("got the event")

t = threading.Thread(target=waiter)
t.start()
time.sleep(0.1)
log.append("setting")
ready.set()
t.join()
print(log)
print(ready.is_set())
ready.clear()
print(ready.is_set(), ready.wait(timeout=0.05))

# expect: ['waiting', 'setting', 'got the event']
# expect: True
# expect: False False
