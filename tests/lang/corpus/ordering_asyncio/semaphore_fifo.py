# Semaphore(2): at most two inside; waiters admitted in FIFO order.
import asyncio

async def worker(sem, name, delay, log):
    async with sem:
        log.append(("in", name))
        print(name, "in", sem._value)
        await asyncio.sleep(delay)
        log.append(("out", name))
        print(name, "out")

async def main():
    sem = asyncio.Semaphore(2)
    log = []
    specs = [("a", 0.3), ("b", 0.1), ("c", 0.1), ("d", 0.2), ("e", 0.2)]
    await asyncio.gather(*(worker(sem, n, d, log) for n, d in specs))
    print(log)
    print("locked:", sem.locked())

asyncio.run(main())

# expect: a in 1
# expect: b in 0
# expect: b out
# expect: c in 0
# expect: c out
# expect: d in 0
# expect: a out
# expect: e in 0
# expect: d out
# expect: e out
# expect: [('in', 'a'), ('in', 'b'), ('out', 'b'), ('in', 'c'), ('out', 'c'), ('in', 'd'), ('out', 'a'), ('in', 'e'), ('out', 'd'), ('out', 'e')]
# expect: locked: False
