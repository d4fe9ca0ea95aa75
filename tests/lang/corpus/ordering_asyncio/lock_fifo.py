# asyncio.Lock hands the lock to waiters in FIFO order.
import asyncio

async def user(lock, name, log):
    print(name, "wants lock")
    async with lock:
        log.append(name)
        print(name, "has lock")
        await asyncio.sleep(0.1)
        print(name, "releases")

async def main():
    lock = asyncio.Lock()
    log = []
    tasks = [asyncio.create_task(user(lock, n, log)) for n in "ABCD"]
    await asyncio.sleep(0)
    print("locked:", lock.locked())
    await asyncio.gather(*tasks)
    print(log, lock.locked())

asyncio.run(main())

# expect: A wants lock
# expect: A has lock
# expect: B wants lock
# expect: C wants lock
# expect: D wants lock
# expect: locked: True
# expect: A releases
# expect: B has lock
# expect: B releases
# expect: C has lock
# expect: C releases
# expect: D has lock
# expect: D releases
# expect: ['A', 'B', 'C', 'D'] False
