# Producers blocked on a full Queue are let in one at a time, in the order they blocked.
import asyncio

async def producer(q, name):
    print(name, "putting")
    await q.put(name)
    print(name, "put")

async def main():
    q = asyncio.Queue(maxsize=1)
    await q.put("first")
    ps = [asyncio.create_task(producer(q, f"p{i}")) for i in range(3)]
    await asyncio.sleep(0)
    print("full:", q.full(), "size:", q.qsize())
    for _ in range(4):
        print("got", await q.get())
        await asyncio.sleep(0)
    await asyncio.gather(*ps)
    print("empty:", q.empty())

asyncio.run(main())

# expect: p0 putting
# expect: p1 putting
# expect: p2 putting
# expect: full: True size: 1
# expect: got first
# expect: p0 put
# expect: got p0
# expect: p1 put
# expect: got p1
# expect: p2 put
# expect: got p2
# expect: empty: True
