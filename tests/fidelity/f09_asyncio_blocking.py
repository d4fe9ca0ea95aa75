# interleave: cores=2
# A blocking call inside a coroutine freezes the event loop: 3 tasks calling time.sleep(0.2)
# run one after another (0.6 s), unlike asyncio.sleep, which would take 0.2 s.
import asyncio
import time

async def fetch(n):
    time.sleep(0.2)  # blocks the whole loop
    await asyncio.sleep(0)
    return n

async def main():
    await asyncio.gather(*(fetch(n) for n in range(3)))

start = time.perf_counter()
asyncio.run(main())
print(f"makespan {time.perf_counter() - start:.6f}")
