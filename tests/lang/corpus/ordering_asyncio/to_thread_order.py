# to_thread / run_in_executor: the loop keeps running tasks while the thread works.
import asyncio
import time

def blocking(name, delay):
    time.sleep(delay)
    return name + " from thread"

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.1)

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    r = await asyncio.to_thread(blocking, "a", 0.35)
    print(r)
    await t
    r2 = await loop.run_in_executor(None, blocking, "b", 0.01)
    print(r2)
    rs = await asyncio.gather(asyncio.to_thread(blocking, "slow", 0.3),
                              asyncio.to_thread(blocking, "fast", 0.1))
    print(rs)

asyncio.run(main())

# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: a from thread
# expect: b from thread
# expect: ['slow from thread', 'fast from thread']
