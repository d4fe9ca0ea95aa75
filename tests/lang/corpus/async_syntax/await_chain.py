import asyncio

async def add(a, b):
    return a + b

async def double(x):
    return await add(x, x)

async def main():
    four = await double(2)
    total = 0
    for i in range(3):
        total += await add(i, four)
    print("four =", four, "total =", total)
    return [await double(n) for n in range(3)]

print(asyncio.run(main()))

# expect: four = 4 total = 15
# expect: [0, 2, 4]
