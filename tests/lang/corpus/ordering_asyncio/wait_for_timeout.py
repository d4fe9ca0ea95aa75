# wait_for: a slow coroutine is cancelled and TimeoutError raised; a fast one returns.
import asyncio

async def slow():
    try:
        await asyncio.sleep(1)
        return "slow"
    except asyncio.CancelledError:
        print("slow cancelled by wait_for")
        raise

async def fast():
    await asyncio.sleep(0.1)
    return "fast"

async def main():
    print(await asyncio.wait_for(fast(), timeout=0.5))
    try:
        await asyncio.wait_for(slow(), timeout=0.2)
    except TimeoutError as e:
        print("TimeoutError", type(e.__cause__).__name__)
    print(await asyncio.wait_for(fast(), None))
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError:
        print("zero timeout ->", t.cancelled())

asyncio.run(main())

# expect: fast
# expect: slow cancelled by wait_for
# expect: TimeoutError CancelledError
# expect: fast
# expect: zero timeout -> True
