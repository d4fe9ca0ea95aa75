import asyncio

async def square(n, delay):
    await asyncio.sleep(delay)
    return n * n

async def main():
    results = await asyncio.gather(square(1, 0.03), square(2, 0.01), square(3, 0.02))
    print(results)

asyncio.run(main())

# expect: [1, 4, 9]
