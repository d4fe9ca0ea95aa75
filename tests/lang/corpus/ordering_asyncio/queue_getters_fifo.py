# Several consumers waiting on an empty queue are served in the order they waited.
import asyncio

async def consumer(q, name):
    item = await q.get()
    print(name, "got", item)

async def main():
    q = asyncio.Queue()
    cs = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(3)]
    await asyncio.sleep(0)
    for item in "xyz":
        q.put_nowait(item)
        print("put", item)
    await asyncio.gather(*cs)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q2 = asyncio.Queue(1)
    q2.put_nowait(1)
    try:
        q2.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")

asyncio.run(main())

# expect: put x
# expect: put y
# expect: put z
# expect: c0 got x
# expect: c1 got y
# expect: c2 got z
# expect: QueueEmpty
# expect: QueueFull
