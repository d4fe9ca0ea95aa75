# asyncio's Future and Task protocol (natives in Interleave, C in CPython): callbacks added and
# removed, callbacks on a done future, exceptions set from a class, StopIteration refused,
# cancel messages, cancelling()/uncancel(), a Future's __await__ iterator driven by hand, a
# task that yields a bare value, and what a task awaiting a future holds.
import asyncio


class Bad:
    def __await__(self):
        yield 5


async def bad_yield():
    await Bad()


async def child(n):
    await asyncio.sleep(0.01 * n)
    if n == 3:
        raise ValueError("boom %d" % n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f.done(), f.cancelled())
    f.add_done_callback(lambda fut: print("cb1", fut.result()))
    cb2 = lambda fut: print("cb2")
    f.add_done_callback(cb2)
    f.add_done_callback(cb2)
    print("removed", f.remove_done_callback(cb2), f.remove_done_callback(cb2))
    loop.call_later(0.01, f.set_result, 42)
    print(await f, repr(f))
    f.add_done_callback(lambda fut: print("late cb", fut.result()))
    await asyncio.sleep(0)
    g = loop.create_future()
    g.set_exception(KeyError)
    print(repr(g), repr(g.exception()))
    h = loop.create_future()
    try:
        h.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError", e)
    print(h.cancel(msg="m1"), h.cancel(), h.cancelled(), repr(h))
    try:
        h.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    print(await asyncio.gather(child(1), child(2), child(3), return_exceptions=True))
    t = asyncio.create_task(asyncio.sleep(10), name="sleeper")
    await asyncio.sleep(0)
    print(t.cancel("why"), t.cancelling(), t.get_name())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", repr(e), t.cancelled(), t.cancelling(), t.uncancel(), t.uncancel())
    print(t.cancel(), t.done())
    x = loop.create_future()
    it = x.__await__()
    print(next(it) is x, x._asyncio_future_blocking)
    x.set_result(5)
    try:
        next(it)
    except StopIteration as e:
        print("StopIteration", e.value)
    b = asyncio.create_task(bad_yield())
    try:
        await b
    except RuntimeError as e:
        print("RuntimeError", e)
    w = loop.create_future()

    async def waiter():
        return await w

    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(wt._fut_waiter is w, len(w._callbacks), w._asyncio_future_blocking)
    w.cancel()
    try:
        await wt
    except asyncio.CancelledError:
        print("waiter cancelled", wt.cancelled())


asyncio.run(main())

# expect: <Future pending> False False
# expect: removed 2 0
# expect: cb1 42
# expect: 42 <Future finished result=42>
# expect: late cb 42
# expect: <Future finished exception=KeyError()> KeyError()
# expect: TypeError StopIteration interacts badly with generators and cannot be raised into a Future
# expect: True False True <Future cancelled>
# expect: CancelledError ('m1',)
# expect: [1, 2, ValueError('boom 3')]
# expect: True 1 sleeper
# expect: cancelled CancelledError('why') True 1 0 0
# expect: False True
# expect: True True
# expect: StopIteration 5
# expect: RuntimeError Task got bad yield: 5
# expect: True 1 False
# expect: waiter cancelled True
