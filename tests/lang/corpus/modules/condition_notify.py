import threading

items = []
cond = threading.Condition()

def consumer(out):
    with cond:
        while not items:
            cond.wait()
        out.append(items.pop(0))

received = []
t = threading.Thread(target=consumer, args=(received,))
t.start()
with cond:
    items.append("payload")
    cond.notify()
t.join()
print(received, items)

with cond:
    print(cond.wait_for(lambda: True, timeout=0.1))

# expect: ['payload'] []
# expect: True
