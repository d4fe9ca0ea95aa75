# A created task does not start until the creator yields; tasks start in creation order.
import asyncio

async def child(i):
    print("child", i, "start")
    await asyncio.sleep(0)
    print("child", i, "end")
    return i * 10

async def main():
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2))
    print("before await", t1.done(), t2.done())
    r2 = await t2
    print("t2 ->", r2, "t1 done:", t1.done())
    r1 = await t1
    print("t1 ->", r1)

asyncio.run(main())

# expect: before await False False
# expect: child 1 start
# expect: child 2 start
# expect: child 1 end
# expect: child 2 end
# expect: t2 -> 20 t1 done: True
# expect: t1 -> 10
