# A bare Future resolved by call_later; awaiting tasks resume in the order they awaited.
import asyncio

async def waiter(fut, name):
    v = await fut
    print(name, "got", v)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    ws = [asyncio.create_task(waiter(fut, n)) for n in ("first", "second", "third")]
    fut.add_done_callback(lambda f: print("plain callback", f.result()))
    loop.call_later(0.1, fut.set_result, 42)
    print("pending:", fut.done())
    await asyncio.gather(*ws)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("InvalidStateError")
    f2 = loop.create_future()
    f2.set_exception(KeyError("k"))
    try:
        await f2
    except KeyError as e:
        print("raised", repr(e), repr(f2.exception()))

asyncio.run(main())

# expect: pending: False
# expect: plain callback 42
# expect: first got 42
# expect: second got 42
# expect: third got 42
# expect: InvalidStateError
# expect: raised KeyError('k') KeyError('k')
