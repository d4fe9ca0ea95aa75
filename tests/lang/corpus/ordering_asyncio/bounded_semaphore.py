# BoundedSemaphore refuses an extra release; Semaphore.locked reflects waiters.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    print("locked after acquire:", sem.locked())
    order = []
    async def w(name):
        await sem.acquire()
        order.append(name)
        print(name, "acquired")
    t1 = asyncio.create_task(w("x"))
    t2 = asyncio.create_task(w("y"))
    await asyncio.sleep(0)
    sem.release()
    print("released once, locked:", sem.locked())
    await asyncio.sleep(0)
    sem.release()
    await asyncio.gather(t1, t2)
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    print(order)

asyncio.run(main())

# expect: locked after acquire: True
# expect: released once, locked: True
# expect: x acquired
# expect: y acquired
# expect: ValueError: BoundedSemaphore released too many times
# expect: ['x', 'y']
