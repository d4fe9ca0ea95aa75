# A cancelled Semaphore waiter is skipped; a waiter woken and then cancelled before it runs
# passes its turn on to the next one.
import asyncio

tasks = {}

async def user(sem, name, hold, log):
    try:
        async with sem:
            log.append(name)
            print(name, "in")
            await asyncio.sleep(hold)
        if name == "a":
            print("a released; cancelling c, which was just woken")
            tasks["c"].cancel()
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    sem = asyncio.Semaphore(1)
    log = []
    for name, hold in (("a", 0.2), ("b", 0.1), ("c", 0.1), ("d", 0.1)):
        tasks[name] = asyncio.create_task(user(sem, name, hold, log))
    await asyncio.sleep(0.1)
    tasks["b"].cancel()
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    print(log, sem.locked())

asyncio.run(main())

# expect: a in
# expect: b cancelled
# expect: a released; cancelling c, which was just woken
# expect: c cancelled
# expect: d in
# expect: ['a', 'd'] False
