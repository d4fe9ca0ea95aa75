# interleave: cores=2
# Which of 3 GIL waiters (B, C, D wake from sleeps at 10/11/12 ms while the main thread busy-loops)
# gets the GIL, and when; the outcome counts over 20 trials.
import threading, time
got = {}
def busy(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
def waiter(name, delay):
    time.sleep(delay)
    got[name] = time.perf_counter()
    busy(0.003)
results = {}
for trial in range(20):
    got.clear()
    ths = [threading.Thread(target=waiter, args=(n, d)) for n, d in (("B", 0.010), ("C", 0.011), ("D", 0.012))]
    t0 = time.perf_counter()
    for t in ths: t.start()
    busy(0.060)
    for t in ths: t.join()
    key = " ".join("%s%.0f" % (n, (got[n] - t0) * 1e3) for n in sorted(got, key=got.get))
    results[key] = results.get(key, 0) + 1
for k, v in sorted(results.items(), key=lambda kv: -kv[1]):
    print(v, "x", k)
