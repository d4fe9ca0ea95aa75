# asyncio.run returns the coroutine's value and re-raises its exception; tasks left over are cancelled.
import asyncio

async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leftover cancelled at shutdown")
        raise

async def main(x):
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    if x < 0:
        raise ValueError("negative")
    return x + 1

print(asyncio.run(main(1)))
try:
    asyncio.run(main(-1))
except ValueError as e:
    print("caught", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)

# expect: leftover cancelled at shutdown
# expect: 2
# expect: leftover cancelled at shutdown
# expect: caught negative
# expect: no running event loop
