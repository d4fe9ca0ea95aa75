# Cancelling a gather cancels its children; return_exceptions puts CancelledError in results.
import asyncio

async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "woke")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    g = asyncio.gather(sleeper("a", 0.1), sleeper("b", 1), sleeper("c", 2))
    await asyncio.sleep(0.2)
    print("cancel ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    t = asyncio.create_task(sleeper("d", 1))
    u = asyncio.create_task(sleeper("e", 0.1))
    await asyncio.sleep(0)
    t.cancel()
    res = await asyncio.gather(t, u, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res])

asyncio.run(main())

# expect: a woke
# expect: cancel -> True
# expect: b cancelled
# expect: c cancelled
# expect: gather cancelled
# expect: d cancelled
# expect: e woke
# expect: ['CancelledError', 'e']
