import asyncio

async def fail(msg):
    await asyncio.sleep(0)
    raise RuntimeError(msg)

async def main():
    try:
        await fail("inner failure")
    except RuntimeError as e:
        print("caught:", e)
    finally:
        print("finally in coroutine")
    return "recovered"

print(asyncio.run(main()))

# expect: caught: inner failure
# expect: finally in coroutine
# expect: recovered
