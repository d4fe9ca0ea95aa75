from threading import Thread
import time

def fetch(name, delay, out):
    time.sleep(delay)
    out[name] = f"{name} done after {delay}s"

out = {}
threads = []
for name, delay in [("a", 0.2), ("b", 0.1), ("c", 0.3)]:
    t = Thread(target=fetch, args=(name, delay, out))
    threads.append(t)
    t.start()
start = time.perf_counter()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
for key in sorted(out):
    print(out[key])
print("in parallel:", round(elapsed, 1) <= 0.4)

# expect: a done after 0.2s
# expect: b done after 0.1s
# expect: c done after 0.3s
# expect: in parallel: True
