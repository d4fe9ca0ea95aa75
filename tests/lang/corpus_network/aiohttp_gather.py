# gather of 20 aiohttp requests: the loop idles in select while they are in flight.
import asyncio
import time
import aiohttp

async def fetch(session, i):
    async with session.get(f'https://api.example.com/items/{i}') as resp:
        data = await resp.json()
        print('got', data['id'])
        return data['name']

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        names = await asyncio.gather(*(fetch(session, i) for i in range(5)))
    print(names)
    print(round(time.perf_counter() - start, 2))
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        for i in range(3):
            await fetch(session, i)
    print(round(time.perf_counter() - start, 2))
    start = time.perf_counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=2)) as session:
        await asyncio.gather(*(fetch(session, i) for i in range(4)))
    print(round(time.perf_counter() - start, 2))

asyncio.run(main())

# expect: got 0
# expect: got 1
# expect: got 2
# expect: got 3
# expect: got 4
# expect: ['items 0', 'items 1', 'items 2', 'items 3', 'items 4']
# expect: 0.2
# expect: got 0
# expect: got 1
# expect: got 2
# expect: 0.6
# expect: got 0
# expect: got 1
# expect: got 2
# expect: got 3
# expect: 0.4
