# ForkingPickler.dumps / loads of what a ProcessPoolExecutor sends: a map call item, a result.
import time
from functools import partial
from multiprocessing.reduction import ForkingPickler
from concurrent.futures.process import _CallItem, _ResultItem, _process_chunk
def tiny(n): return n * n
N = 20000
def best(fn):
    b = 1e9
    for rep in range(5):
        t = time.perf_counter()
        for i in range(N): fn()
        b = min(b, (time.perf_counter() - t) / N * 1e6)
    return b
for name, v in [("map CallItem", _CallItem(1, partial(_process_chunk, tiny), ([(1,)],), {})),
                ("ResultItem list", _ResultItem(1, result=[1])), ("partial", partial(_process_chunk, tiny))]:
    data = bytes(ForkingPickler.dumps(v))
    print("%-20s %4d B dumps %.2f loads %.2f" % (name, len(data), best(lambda: ForkingPickler.dumps(v)), best(lambda: ForkingPickler.loads(data))))
