import asyncio
import time

async def main():
    start = time.perf_counter()
    await asyncio.sleep(0)
    print("after sleep(0)")
    await asyncio.sleep(0.2)
    print("after sleep(0.2):", round(time.perf_counter() - start, 1))
    value = await asyncio.sleep(0.01, result="sleep result")
    print(value)

asyncio.run(main())

# expect: after sleep(0)
# expect: after sleep(0.2): 0.2
# expect: sleep result
