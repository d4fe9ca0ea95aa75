# sleep(delay, result) returns result; many tasks with distinct sleeps finish by deadline.
import asyncio

async def nap(i, delay):
    r = await asyncio.sleep(delay, result=i)
    print("woke", r)
    return r

async def main():
    delays = [0.5, 0.1, 0.4, 0.2, 0.3, 0.0]
    rs = await asyncio.gather(*(nap(i, d) for i, d in enumerate(delays)))
    print(rs)
    print(await asyncio.sleep(0, "zero"))

asyncio.run(main())

# expect: woke 5
# expect: woke 1
# expect: woke 3
# expect: woke 4
# expect: woke 2
# expect: woke 0
# expect: [0, 1, 2, 3, 4, 5]
# expect: zero
