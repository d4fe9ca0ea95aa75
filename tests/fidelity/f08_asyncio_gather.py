# interleave: cores=2
# asyncio: 1000 coroutines each awaiting a 0.2 s sleep, gathered, all wait together on one
# thread: about 0.2 s plus the event loop's work for 1000 tasks.
import asyncio
import time

async def fetch(n):
    await asyncio.sleep(0.2)
    return n

async def main():
    results = await asyncio.gather(*(fetch(n) for n in range(1000)))
    return len(results)

start = time.perf_counter()
asyncio.run(main())
print(f"makespan {time.perf_counter() - start:.6f}")
