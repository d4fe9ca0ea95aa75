# A Semaphore(2) lets two requests run at a time (p003_semaphore's pattern).
import asyncio
import aiohttp

async def worker(sem, i):
    print(f'Task {i}: waiting')
    async with sem:
        print(f'Task {i}: acquired')
        async with aiohttp.ClientSession() as session:
            async with session.get(f'https://api.example.com/anime/{i}') as resp:
                result = await resp.json()
        print(f'Task {i}: done')
    return result['name']

async def main():
    sem = asyncio.Semaphore(2)
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(sem, i)) for i in (100, 200, 300)]
    print([t.result() for t in tasks])
    print(round(asyncio.get_running_loop().time(), 2))

asyncio.run(main())

# expect: Task 100: waiting
# expect: Task 100: acquired
# expect: Task 200: waiting
# expect: Task 200: acquired
# expect: Task 300: waiting
# expect: Task 100: done
# expect: Task 200: done
# expect: Task 300: acquired
# expect: Task 300: done
# expect: ['anime 100', 'anime 200', 'anime 300']
# expect: 0.4
