# as_completed yields results in completion order.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    coros = [job("c", 0.3), job("a", 0.1), job("d", 0.4), job("b", 0.2)]
    for i, fut in enumerate(asyncio.as_completed(coros)):
        r = await fut
        print(i, r)
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("x", 0.2), ("y", 0.1))]
    print([await f for f in asyncio.as_completed(tasks)])

asyncio.run(main())

# expect: 0 a
# expect: 1 b
# expect: 2 c
# expect: 3 d
# expect: ['y', 'x']
