# executor.map yields results in input order, whatever order the calls finish in.
import time
from concurrent.futures import ThreadPoolExecutor

def work(x):
    time.sleep(0.1 * (4 - x))
    return x * x

with ThreadPoolExecutor(max_workers=4) as pool:
    start = time.monotonic()
    print(list(pool.map(work, [1, 2, 3])))
    print(list(pool.map(pow, [2, 3, 4], [5, 6, 7])))
    print(list(pool.map(work, [])))
print("took at least 0.3 s:", time.monotonic() - start >= 0.3)

# expect: [1, 4, 9]
# expect: [32, 729, 16384]
# expect: []
# expect: took at least 0.3 s: True
