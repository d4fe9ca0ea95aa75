# Ten threads each make one request: the waits overlap (about one latency in all).
import threading
import time
import requests
from concurrent.futures import ThreadPoolExecutor

results = {}
def fetch(i):
    results[i] = requests.get(f'https://api.example.com/items/{i}').json()['name']

start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.values()))
print(round(time.perf_counter() - start, 1))

start = time.perf_counter()
for i in range(3):
    fetch(i)
print(round(time.perf_counter() - start, 1))

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=5) as pool:
    names = list(pool.map(lambda i: requests.get(f'https://api.example.com/items/{i}').json()['id'], range(15)))
print(names)
print(round(time.perf_counter() - start, 1))

# expect: ['items 0', 'items 1', 'items 2', 'items 3', 'items 4', 'items 5', 'items 6', 'items 7', 'items 8', 'items 9']
# expect: 0.2
# expect: 0.6
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
# expect: 0.6
