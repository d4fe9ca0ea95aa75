# A thread hands results to the loop with call_soon_threadsafe; the loop keeps running tasks.
import asyncio
import threading
import time

def worker(loop, fut, q):
    for i in range(3):
        time.sleep(0.1)
        loop.call_soon_threadsafe(q.put_nowait, i)
    loop.call_soon_threadsafe(fut.set_result, "thread done")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    q = asyncio.Queue()
    t = threading.Thread(target=worker, args=(loop, fut, q))
    t.start()
    for _ in range(3):
        print("from thread:", await q.get())
    print(await fut)
    t.join()

asyncio.run(main())

# expect: from thread: 0
# expect: from thread: 1
# expect: from thread: 2
# expect: thread done
