# A task cancelled before its first step never runs its body.
import asyncio

async def body(name):
    print(name, "running")
    return name

async def main():
    t = asyncio.create_task(body("t1"))
    u = asyncio.create_task(body("t2"))
    t.cancel()
    await asyncio.sleep(0)
    print("t1", t.cancelled(), "t2", u.done(), u.result())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")

asyncio.run(main())

# expect: t2 running
# expect: t1 True t2 True t2
# expect: result() raises CancelledError
