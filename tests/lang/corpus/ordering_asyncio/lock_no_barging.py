# Releasing an asyncio.Lock and re-acquiring at once puts the releaser behind the waiters.
import asyncio

async def greedy(lock, log):
    for i in range(3):
        async with lock:
            log.append(f"greedy{i}")
            await asyncio.sleep(0)

async def polite(lock, name, log):
    async with lock:
        log.append(name)

async def main():
    lock = asyncio.Lock()
    log = []
    g = asyncio.create_task(greedy(lock, log))
    ps = [asyncio.create_task(polite(lock, f"p{i}", log)) for i in range(2)]
    await asyncio.gather(g, *ps)
    print(log)

asyncio.run(main())

# expect: ['greedy0', 'p0', 'p1', 'greedy1', 'greedy2']
