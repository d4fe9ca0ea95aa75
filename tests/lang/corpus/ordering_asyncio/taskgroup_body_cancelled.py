# A failing child cancels the body of the async-with; the body sees CancelledError.
import asyncio

async def fail():
    await asyncio.sleep(0.1)
    raise OSError("disk")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            try:
                await asyncio.sleep(1)
                print("not reached")
            except asyncio.CancelledError:
                print("body cancelled")
                raise
    except ExceptionGroup as eg:
        print("caught", repr(eg.exceptions[0]))
    t = asyncio.current_task()
    print("cancelling count", t.cancelling())

asyncio.run(main())

# expect: body cancelled
# expect: caught OSError('disk')
# expect: cancelling count 0
