# aiohttp: ClientSession, async with session.get(...), await resp.json(), errors.
import asyncio
import time
import aiohttp

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        async with session.get('https://api.example.com/users/3') as resp:
            print(resp.status, resp.ok, resp.reason)
            print(await resp.json())
            print(await resp.text())
            print(resp.headers['Content-Type'])
        async with session.post('https://api.example.com/users', json={'name': 'ann'}) as resp:
            data = await resp.json()
            print(data['method'], data['json'])
        resp = await session.get('https://api.example.com/status/500')
        print(resp.status, resp.ok)
        try:
            resp.raise_for_status()
        except aiohttp.ClientResponseError as e:
            print(type(e).__name__, e.status, e)
        try:
            async with session.get('https://api.example.com/delay/5', timeout=aiohttp.ClientTimeout(total=1)) as resp:
                pass
        except asyncio.TimeoutError:
            print('timed out')
        try:
            await session.get('https://nowhere.invalid/')
        except aiohttp.ClientConnectionError as e:
            print(type(e).__name__, e)
    print(session.closed)
    try:
        await session.get('https://api.example.com/')
    except RuntimeError as e:
        print(e)
    print(round(time.perf_counter() - start, 2))

asyncio.run(main())

# expect: 200 True OK
# expect: {'id': 3, 'name': 'users 3', 'method': 'GET', 'url': 'https://api.example.com/users/3'}
# expect: {"id": 3, "name": "users 3", "method": "GET", "url": "https://api.example.com/users/3"}
# expect: application/json
# expect: POST {'name': 'ann'}
# expect: 500 False
# expect: ClientResponseError 500 500, message='Internal Server Error', url=URL('https://api.example.com/status/500')
# expect: timed out
# expect: ClientConnectorError Cannot connect to host nowhere.invalid:443 ssl:default [Name or service not known]
# expect: True
# expect: Session is closed
# expect: 1.8
