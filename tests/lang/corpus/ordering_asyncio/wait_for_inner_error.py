# wait_for passes the inner coroutine's exception or result through unchanged.
import asyncio

async def boom():
    await asyncio.sleep(0.1)
    raise KeyError("inner")

async def main():
    try:
        await asyncio.wait_for(boom(), 1)
    except KeyError as e:
        print("KeyError", e)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    print(await asyncio.wait_for(f, 0))
    t = asyncio.create_task(asyncio.sleep(0.1, "slept"))
    print(await asyncio.wait_for(t, 0.5))
    outer = asyncio.create_task(asyncio.wait_for(asyncio.sleep(1), 0.5))
    await asyncio.sleep(0.1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("wait_for itself cancelled")

asyncio.run(main())

# expect: KeyError 'inner'
# expect: ready
# expect: slept
# expect: wait_for itself cancelled
