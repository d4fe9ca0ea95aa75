# Event.set wakes every waiter, in the order they started waiting.
import asyncio

async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "woke")
    return name

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(4)]
    await asyncio.sleep(0.1)
    print("setting", ev.is_set())
    ev.set()
    print("set", ev.is_set())
    print(await asyncio.gather(*tasks))
    ev.clear()
    print("cleared", ev.is_set())
    print(await asyncio.wait_for(ev.wait(), 1) if ev.set() is None else None)

asyncio.run(main())

# expect: w0 waiting
# expect: w1 waiting
# expect: w2 waiting
# expect: w3 waiting
# expect: setting False
# expect: set True
# expect: w0 woke
# expect: w1 woke
# expect: w2 woke
# expect: w3 woke
# expect: ['w0', 'w1', 'w2', 'w3']
# expect: cleared False
# expect: True
