import threading

results = []

def worker(n):
    results.append(n * n)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(all(not t.is_alive() for t in threads))
t = threading.Thread(target=worker, kwargs={"n": 10})
t.start()
t.join()
print(100 in results, len(results))

# expect: [0, 1, 4, 9, 16]
# expect: True
# expect: True 6
