# TaskGroup waits for all children; results in task order.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print("job", name, "done")
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.2))
        t2 = tg.create_task(job("b", 0.1))
        t3 = tg.create_task(job("c", 0.3), name="named")
        print("inside block, tasks created")
    print("after block", [t.result() for t in (t1, t2, t3)], t3.get_name())

asyncio.run(main())

# expect: inside block, tasks created
# expect: job b done
# expect: job a done
# expect: job c done
# expect: after block ['a', 'b', 'c'] named
