from threading import Thread

results = {}

def compute(key, a, b=1, *, scale=1):
    results[key] = (a + b) * scale

threads = [
    Thread(target=compute, args=("x", 1)),
    Thread(target=compute, args=("y", 1, 2)),
    Thread(target=compute, args=("z", 1), kwargs={"b": 5, "scale": 10}),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print({k: results[k] for k in sorted(results)})

# expect: {'x': 2, 'y': 3, 'z': 60}
