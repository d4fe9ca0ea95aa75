# A task woken by a future resumes one loop iteration after the future is resolved.
import asyncio

async def waiter(fut):
    await fut
    print("waiter resumed")

async def spinner():
    for i in range(4):
        print("spin", i)
        await asyncio.sleep(0)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    w = asyncio.create_task(waiter(fut))
    s = asyncio.create_task(spinner())
    await asyncio.sleep(0)
    print("resolving")
    fut.set_result(None)
    await asyncio.gather(w, s)

asyncio.run(main())

# expect: spin 0
# expect: resolving
# expect: spin 1
# expect: waiter resumed
# expect: spin 2
# expect: spin 3
