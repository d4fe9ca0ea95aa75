# wait_for waits for the inner task to finish its cancellation cleanup before raising.
import asyncio

async def cleanup_heavy():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cleanup start")
        await asyncio.sleep(0.2)
        print("cleanup end")
        raise

async def swallower():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("swallowing cancel")
    return "swallowed"

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(cleanup_heavy(), 0.1)
    except TimeoutError:
        print("timeout after", round(loop.time() - start, 2) >= 0.3)
    print("result:", await asyncio.wait_for(swallower(), 0.1))

asyncio.run(main())

# expect: cleanup start
# expect: cleanup end
# expect: timeout after True
# expect: swallowing cancel
# expect: result: swallowed
