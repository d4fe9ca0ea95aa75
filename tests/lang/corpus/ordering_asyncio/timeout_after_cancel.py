# asyncio.timeout inside a task that already has a cancel request pending (swallowed
# without uncancel): the expiry still becomes TimeoutError (CPython 3.11.7's rule).
import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("first cancel swallowed; cancelling =", asyncio.current_task().cancelling())
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout converted; cancelling =", asyncio.current_task().cancelling())
    return "finished"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t)

asyncio.run(main())

# expect: first cancel swallowed; cancelling = 1
# expect: timeout converted; cancelling = 1
# expect: finished
