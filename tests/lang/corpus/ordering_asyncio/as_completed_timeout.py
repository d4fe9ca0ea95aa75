# as_completed with a timeout: the remaining awaits raise TimeoutError.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("fast", 0.1), ("slow", 1), ("slower", 2))]
    results = []
    for fut in asyncio.as_completed(tasks, timeout=0.5):
        try:
            results.append(await fut)
        except TimeoutError:
            results.append("timeout")
    print(results)
    print([t.done() for t in tasks])
    for t in tasks:
        t.cancel()

asyncio.run(main())

# expect: ['fast', 'timeout', 'timeout']
# expect: [True, False, False]
