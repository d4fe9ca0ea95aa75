# shield: a timeout cancels the outer wrapper while the shielded task keeps running.
import asyncio

async def important():
    await asyncio.sleep(0.3)
    print("important work finished")
    return "saved"

async def main():
    t = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.1)
    except TimeoutError:
        print("timed out; task cancelled?", t.cancelled(), "done?", t.done())
    print("result:", await t)
    outer = asyncio.shield(asyncio.sleep(0.1, "inner"))
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    await asyncio.sleep(0.2)
    done = asyncio.shield(t)
    print(done is t)

asyncio.run(main())

# expect: timed out; task cancelled? False done? False
# expect: important work finished
# expect: result: saved
# expect: outer cancelled
# expect: True
