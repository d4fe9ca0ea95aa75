# A cancelled lock waiter is skipped; the next waiter in line gets the lock.
import asyncio

async def holder(lock):
    async with lock:
        print("holder in")
        await asyncio.sleep(0.2)
        print("holder out")

async def waiter(lock, name):
    try:
        async with lock:
            print(name, "acquired")
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    w1 = asyncio.create_task(waiter(lock, "w1"))
    w2 = asyncio.create_task(waiter(lock, "w2"))
    w3 = asyncio.create_task(waiter(lock, "w3"))
    await asyncio.sleep(0.1)
    w2.cancel()
    res = await asyncio.gather(h, w1, w2, w3, return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())

# expect: holder in
# expect: w2 cancelled while waiting
# expect: holder out
# expect: w1 acquired
# expect: w3 acquired
# expect: ['NoneType', 'NoneType', 'CancelledError', 'NoneType']
# expect: RuntimeError: Lock is not acquired.
