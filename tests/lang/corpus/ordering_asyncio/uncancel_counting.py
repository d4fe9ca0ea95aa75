# cancelling()/uncancel() bookkeeping across repeated cancel requests.
import asyncio

async def resilient():
    n = 0
    while n < 3:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            n += 1
            t = asyncio.current_task()
            print("cancel", n, "cancelling =", t.cancelling())
            t.uncancel()
    return n

async def main():
    t = asyncio.create_task(resilient())
    for _ in range(3):
        await asyncio.sleep(0.1)
        t.cancel()
    print("result", await t, "cancelling", t.cancelling())

asyncio.run(main())

# expect: cancel 1 cancelling = 1
# expect: cancel 2 cancelling = 1
# expect: cancel 3 cancelling = 1
# expect: result 3 cancelling 0
