# Bounded asyncio.Queue: the producer blocks when full; put/get alternate deterministically.
import asyncio

async def producer(q, n):
    for i in range(n):
        print("put", i, "qsize", q.qsize())
        await q.put(i)
    await q.put(None)
    print("producer done")

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            print("consumer got sentinel")
            break
        print("got", item)
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q))
    print("empty", q.empty(), "full", q.full(), "maxsize", q.maxsize)

asyncio.run(main())

# expect: put 0 qsize 0
# expect: put 1 qsize 1
# expect: put 2 qsize 2
# expect: got 0
# expect: put 3 qsize 2
# expect: got 1
# expect: put 4 qsize 2
# expect: got 2
# expect: got 3
# expect: producer done
# expect: got 4
# expect: consumer got sentinel
# expect: empty True full False maxsize 2
