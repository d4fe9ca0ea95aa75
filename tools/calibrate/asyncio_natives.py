"""What asyncio's Future and Task cost per operation, in CPython (C _asyncio) and in Interleave
(lang/module_asyncio.cpp), with the same program: the numbers behind module_asyncio.cpp's
kCosts (docs/cost-model.md, "asyncio's Future and Task").

    chrt -r 1 python3 tools/calibrate/asyncio_natives.py        # CPython 3.11 (SCHED_RR if root)
    interleave run tools/calibrate/asyncio_natives.py --format output   # virtual time

Each Future operation runs on preallocated futures (so that allocation and freeing stay out of
all but `create`), minus the empty loop, best of R interleaved rounds; the task step is a
`sleep(0)` step of 100 tasks x 100 awaits, best of R runs. Interleave is deterministic: one
round of fewer items gives its figures.
"""
import asyncio
import sys
import time

INTERLEAVE = "Interleave" in sys.version
N = 2000 if INTERLEAVE else 50000
R = 1 if INTERLEAVE else 15
loop = asyncio.new_event_loop()
F = asyncio.Future


def t_empty(fs):
    for f in fs:
        pass


def t_create(fs):
    for f in fs:
        F(loop=loop)


def t_set(fs):
    for f in fs:
        f.set_result(None)


def t_cb(fs):
    cb = print
    for f in fs:
        f.add_done_callback(cb)


def t_cancel(fs):
    for f in fs:
        f.cancel()


def t_done(fs):
    for f in fs:
        f.done()


def t_result(fs):
    for f in fs:
        f.result()


async def aw(f):
    return await f


async def noaw(f):
    return f


def drive(fs, c):
    for f in fs:
        co = c(f)
        try:
            co.send(None)
        except StopIteration:
            pass


def t_aw(fs):
    drive(fs, aw)


def t_noaw(fs):
    drive(fs, noaw)


def fresh():
    return [F(loop=loop) for _ in range(N)]


def finished():
    fs = fresh()
    for f in fs:
        f.set_result(1)
    return fs


def with_cb():
    fs = fresh()
    for f in fs:
        f.add_done_callback(print)
    return fs


CASES = [("empty", t_empty, fresh), ("create", t_create, fresh), ("set_result", t_set, fresh),
         ("add_done_callback", t_cb, fresh), ("cancel", t_cancel, fresh), ("done", t_done, finished),
         ("result", t_result, finished), ("set_result_cb", t_set, with_cb), ("await", t_aw, finished),
         ("noawait", t_noaw, finished)]


async def worker(a):
    for _ in range(a):
        await asyncio.sleep(0)


async def gathered(t, a):
    await asyncio.gather(*[worker(a) for _ in range(t)])


def main():
    # The task step first: the futures made below leave the allocator and the collector's
    # generations in another state.
    print("%-36s %8s" % ("operation", "ns"))
    step = 1e18
    for _ in range(R if not INTERLEAVE else 1):
        s = time.perf_counter_ns()
        loop.run_until_complete(gathered(100, 100))
        step = min(step, (time.perf_counter_ns() - s) / (100 * 101))
    print("%-36s %8.1f" % ("task step, sleep(0), 100 x 100", step))
    best = {}
    for _ in range(R):
        for name, fn, make in CASES:
            fs = make()
            t = time.perf_counter_ns()
            fn(fs)
            best[name] = min(best.get(name, 1e18), (time.perf_counter_ns() - t) / N)
            del fs
            loop._ready.clear()
    e = best["empty"]
    for label, key in (("Future(loop=loop)", "create"), ("set_result (no callbacks)", "set_result"),
                       ("add_done_callback (pending)", "add_done_callback"), ("cancel (no callbacks)", "cancel"),
                       ("done()", "done"), ("result()", "result")):
        print("%-36s %8.1f" % (label, best[key] - e))
    print("%-36s %8.1f" % ("set_result: one callback scheduled", best["set_result_cb"] - best["set_result"]))
    print("%-36s %8.1f" % ("await of a finished future", best["await"] - best["noawait"]))


main()
