# Queue.join waits until every item is task_done; workers take items in FIFO order.
import asyncio

async def worker(name, q, log):
    while True:
        item = await q.get()
        await asyncio.sleep(0.1 * item)
        log.append((name, item))
        print(name, "did", item)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for i in [3, 1, 2, 1, 1]:
        q.put_nowait(i)
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", q, log)) for i in range(2)]
    await q.join()
    print("joined", len(log))
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())

# expect: w1 did 1
# expect: w0 did 3
# expect: w1 did 2
# expect: w0 did 1
# expect: w1 did 1
# expect: joined 5
# expect: ['CancelledError', 'CancelledError']
# expect: ValueError: task_done() called too many times
