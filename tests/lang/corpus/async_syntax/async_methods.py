import asyncio

class Service:
    def __init__(self):
        self.calls = 0

    async def fetch(self, key):
        self.calls += 1
        await asyncio.sleep(0)
        return {"key": key, "call": self.calls}

async def main():
    svc = Service()
    first = await svc.fetch("a")
    second = await svc.fetch("b")
    print(first, second, svc.calls)

asyncio.run(main())

# expect: {'key': 'a', 'call': 1} {'key': 'b', 'call': 2} 2
