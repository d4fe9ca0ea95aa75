# interleave: cores=2
# What a caught exception costs, per kind: a missing attribute, a raised class, a raised instance.
import time, threading
N = 20000
def timeit(label, fn):
    best = 1e9
    for rep in range(5):
        t = time.perf_counter()
        for i in range(N): fn(i)
        best = min(best, (time.perf_counter() - t) / N * 1e6)
    print("%-44s %6.3f us" % (label, best))
class C:
    pass
class D:
    __slots__ = ()
o = C()
lk = threading.Lock()
def base(i):
    try:
        o.__class__
    except AttributeError:
        pass
timeit("try: attr found", base)
def miss(i):
    try:
        o.missing
    except AttributeError:
        pass
timeit("try: missing attr on instance", miss)
def miss_lock(i):
    try:
        lk._release_save
    except AttributeError:
        pass
timeit("try: missing attr on a Lock", miss_lock)
def miss_int(i):
    try:
        i.missing
    except AttributeError:
        pass
timeit("try: missing attr on an int", miss_int)
def ve(i):
    try:
        raise ValueError
    except ValueError:
        pass
timeit("try: raise ValueError (class)", ve)
def ve2(i):
    try:
        raise ValueError("x")
    except ValueError:
        pass
timeit("try: raise ValueError('x')", ve2)
def ke(i):
    try:
        {}[i]
    except KeyError:
        pass
timeit("try: missing dict key", ke)
def ga(i):
    getattr(o, "missing", None)
timeit("getattr(o, 'missing', None)", ga)
