# loop.call_soon callbacks interleave with task steps in FIFO order.
import asyncio

def cb(tag):
    print("callback", tag)

async def task(name):
    print(name, "step 1")
    await asyncio.sleep(0)
    print(name, "step 2")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "A")
    t = asyncio.create_task(task("T"))
    loop.call_soon(cb, "B")
    await asyncio.sleep(0)
    print("main resumed")
    loop.call_soon(cb, "C")
    await t
    print("end")

asyncio.run(main())

# expect: callback A
# expect: T step 1
# expect: callback B
# expect: main resumed
# expect: T step 2
# expect: callback C
# expect: end
