# Three tasks yield with sleep(0): each step goes to the back of the ready queue.
import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    print(name, "done")

async def main():
    tasks = [asyncio.create_task(worker(n, k)) for n, k in (("a", 3), ("b", 2), ("c", 4))]
    print("created")
    await asyncio.sleep(0)
    print("main after one sleep(0)")
    for t in tasks:
        await t
    print("all done")

asyncio.run(main())

# expect: created
# expect: a 0
# expect: b 0
# expect: c 0
# expect: main after one sleep(0)
# expect: a 1
# expect: b 1
# expect: c 1
# expect: a 2
# expect: b done
# expect: c 2
# expect: a done
# expect: c 3
# expect: c done
# expect: all done
