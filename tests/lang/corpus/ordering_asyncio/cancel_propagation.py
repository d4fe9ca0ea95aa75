# Cancelling a task that awaits another task cancels the inner one too.
import asyncio

async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inner cancelled", e.args)
        raise
    return "inner"

async def outer(t):
    try:
        return await t
    except asyncio.CancelledError as e:
        print("outer cancelled", e.args)
        raise

async def main():
    ti = asyncio.create_task(inner())
    to = asyncio.create_task(outer(ti))
    await asyncio.sleep(0.1)
    to.cancel("from main")
    try:
        await to
    except asyncio.CancelledError as e:
        print("main:", e.args)
    print("inner cancelled:", ti.cancelled(), "outer cancelled:", to.cancelled())

asyncio.run(main())

# expect: inner cancelled ('from main',)
# expect: outer cancelled ('from main',)
# expect: main: ('from main',)
# expect: inner cancelled: True outer cancelled: True
