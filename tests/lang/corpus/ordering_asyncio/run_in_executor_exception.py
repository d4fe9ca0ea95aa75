# An exception in an executor job propagates to the awaiting coroutine.
import asyncio
from concurrent.futures import ThreadPoolExecutor

def work(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * x

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, work, x) for x in (3, -1, 4)]
        res = await asyncio.gather(*futs, return_exceptions=True)
        print(res)
        try:
            await loop.run_in_executor(pool, work, -5)
        except ValueError as e:
            print("caught", e)

asyncio.run(main())

# expect: [9, ValueError('negative: -1'), 16]
# expect: caught negative: -5
