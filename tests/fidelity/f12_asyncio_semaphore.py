# interleave: cores=2
# asyncio.Semaphore(3) limits 12 coroutines to 3 concurrent 0.1 s waits: 4 rounds, ~0.4 s.
import asyncio
import time

async def fetch(sem, n):
    async with sem:
        await asyncio.sleep(0.1)
    return n

async def main():
    sem = asyncio.Semaphore(3)
    await asyncio.gather(*(fetch(sem, n) for n in range(12)))

start = time.perf_counter()
asyncio.run(main())
print(f"makespan {time.perf_counter() - start:.6f}")
