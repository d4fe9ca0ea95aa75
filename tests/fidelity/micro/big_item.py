# interleave: cores=2
import time
from multiprocessing import Queue
q = Queue()
for label, item in (("small", 1), ("1 MB str", 'x' * 1000000), ("1 MB list", list(range(100000)))):
    q.put(item); q.get()
    t = time.perf_counter()
    for _ in range(20):
        q.put(item)
        q.get()
    print(label, "%.3f ms per put+get" % ((time.perf_counter() - t) / 20 * 1e3))
