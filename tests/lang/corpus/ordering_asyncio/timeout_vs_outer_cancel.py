# An outer cancel() in the same loop iteration as the timeout expiry wins: CancelledError,
# not TimeoutError (uncancel() leaves a cancel request pending).
import asyncio

deadline = None

async def worker():
    global deadline
    try:
        async with asyncio.timeout(0.2) as cm:
            deadline = cm.when()
            await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError (wrong)")
    except asyncio.CancelledError:
        print("CancelledError: the outer cancel is kept")
        raise

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    loop.call_at(deadline, t.cancel)
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())

asyncio.run(main())

# expect: CancelledError: the outer cancel is kept
# expect: task cancelled: True
