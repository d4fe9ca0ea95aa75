# Done callbacks run in registration order, one loop iteration after the task finishes.
import asyncio

async def work(x):
    await asyncio.sleep(0.1)
    return x * 2

async def main():
    t = asyncio.create_task(work(21))
    t.add_done_callback(lambda f: print("cb1", f.result()))
    t.add_done_callback(lambda f: print("cb2", f.done()))
    def cb3(f):
        print("cb3", f.get_name())
    t.add_done_callback(cb3)
    t.add_done_callback(cb3)
    print("removed", t.remove_done_callback(cb3))
    r = await t
    print("awaited", r)
    t.add_done_callback(lambda f: print("late cb"))
    print("after add")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())

# expect: removed 2
# expect: cb1 42
# expect: cb2 True
# expect: awaited 42
# expect: after add
# expect: late cb
# expect: end
