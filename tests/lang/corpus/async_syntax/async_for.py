import asyncio

class Ticker:
    def __init__(self, count):
        self.count = count
        self.current = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.current += 1
        return self.current

async def main():
    async for tick in Ticker(3):
        print("tick", tick)
    values = []
    async for t in Ticker(4):
        values.append(t * 10)
    print(values)

asyncio.run(main())

# expect: tick 1
# expect: tick 2
# expect: tick 3
# expect: [10, 20, 30, 40]
