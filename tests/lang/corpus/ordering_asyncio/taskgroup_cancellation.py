# One failing child cancels its unfinished sibling (one only: the group keeps its tasks in a
# set, whose order is not defined); the group raises an ExceptionGroup.
import asyncio

async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def failer(delay, msg):
    await asyncio.sleep(delay)
    print("failing", msg)
    raise RuntimeError(msg)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("fast", 0.1))
            tg.create_task(worker("slow", 1))
            tg.create_task(failer(0.2, "boom"))
    except ExceptionGroup as eg:
        print("group:", eg.message)
        print(repr(eg.exceptions))
    print("main continues")

asyncio.run(main())

# expect: fast finished
# expect: failing boom
# expect: slow cancelled
# expect: group: unhandled errors in a TaskGroup
# expect: (RuntimeError('boom'),)
# expect: main continues
