# asyncio.timeout(): expiry turns the cancellation into TimeoutError at the block's end.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.2) as cm:
            print("expired?", cm.expired())
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("TimeoutError; expired", cm.expired())
    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.1)
    print("in time; expired", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("when", cm.when())
        await asyncio.sleep(0.1)
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1) as cm:
            cm.reschedule(loop.time() + 0.5)
            await asyncio.sleep(0.3)
            print("survived the first deadline")
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled deadline hit")
    print("cancelling", asyncio.current_task().cancelling())

asyncio.run(main())

# expect: expired? False
# expect: TimeoutError; expired True
# expect: in time; expired False
# expect: when None
# expect: survived the first deadline
# expect: rescheduled deadline hit
# expect: cancelling 0
