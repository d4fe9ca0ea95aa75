# interleave: cores=2
# asyncio.to_thread moves a blocking call off the loop onto the default thread pool
# (min(32, cpu_count + 4) = 6 workers here): 5 blocking 0.2 s calls overlap, about 0.2 s.
import asyncio
import time

def blocking_fetch(n):
    time.sleep(0.2)
    return n

async def main():
    await asyncio.gather(*(asyncio.to_thread(blocking_fetch, n) for n in range(5)))

start = time.perf_counter()
asyncio.run(main())
print(f"makespan {time.perf_counter() - start:.6f}")
