# ForkingPickler.dumps / loads per value shape (what multiprocessing does per item).
import time
from multiprocessing.reduction import ForkingPickler
def f(x): return x
class C:
    def __init__(self, a, b): self.a = a; self.b = b
class D:
    def __init__(self): self.a = 1; self.b = 2; self.c = 3; self.d = None
N = 20000
def best(fn):
    b = 1e9
    for rep in range(5):
        t = time.perf_counter()
        for i in range(N): fn()
        b = min(b, (time.perf_counter() - t) / N * 1e6)
    return b
shapes = [("int", 7), ("None", None), ("tuple2", (1, 2)), ("str26", "hello world hello world 12"),
          ("list100", list(range(100))), ("list1000", list(range(1000))), ("dict10", {str(i): i for i in range(10)}),
          ("func", f), ("class", C), ("inst2", C(1, 2)), ("inst4", D()), ("2 inst", [C(1, 2), C(3, 4)]),
          ("tuple(func,(1,),{})", (f, (1,), {})), ("bytes10k", b"x" * 10000), ("bytes100k", b"x" * 100000),
          ("nested 10x10", [list(range(10)) for _ in range(10)]), ("list100 str", [str(i) for i in range(100)])]
for name, v in shapes:
    data = bytes(ForkingPickler.dumps(v))
    d = best(lambda: ForkingPickler.dumps(v))
    l = best(lambda: ForkingPickler.loads(data))
    print("%-22s %7d B  dumps %6.2f us  loads %6.2f us" % (name, len(data), d, l))
