import asyncio
import time

async def job(name, seconds):
    await asyncio.sleep(seconds)
    return name

async def main():
    start = time.perf_counter()
    a = await job("a", 0.1)
    b = await job("b", 0.2)
    print(a, b, round(time.perf_counter() - start, 1))

asyncio.run(main())

# expect: a b 0.3
