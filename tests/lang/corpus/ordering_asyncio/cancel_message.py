# Task.cancel(msg): the message reaches the coroutine and the awaiting caller.
import asyncio

async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("victim sees", e.args)
        raise

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("stubborn ignores", e.args)
    await asyncio.sleep(0.1)
    return "survived"

async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    print("cancel:", t.cancel("stop now"))
    print("cancel again:", t.cancel("second"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees", e.args)
    print(t.cancelled(), t.done())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel("please")
    print(await s, s.cancelled(), s.cancelling())
    print("cancel done task:", t.cancel())

asyncio.run(main())

# expect: cancel: True
# expect: cancel again: True
# expect: victim sees ('stop now',)
# expect: main sees ('stop now',)
# expect: True True
# expect: stubborn ignores ('please',)
# expect: survived False 1
# expect: cancel done task: False
