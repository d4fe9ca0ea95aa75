# gather: first exception propagates (others keep running); return_exceptions collects them.
import asyncio

async def ok(name, delay):
    await asyncio.sleep(delay)
    print("ok", name)
    return name

async def bad(name, delay):
    await asyncio.sleep(delay)
    print("raising", name)
    raise ValueError(name)

async def main():
    try:
        await asyncio.gather(ok("a", 0.2), bad("b", 0.1), bad("c", 0.3))
    except ValueError as e:
        print("caught", repr(e))
    await asyncio.sleep(0.3)
    print("---")
    res = await asyncio.gather(ok("x", 0.2), bad("y", 0.05), ok("z", 0), return_exceptions=True)
    print(res)

asyncio.run(main())

# expect: raising b
# expect: caught ValueError('b')
# expect: ok a
# expect: raising c
# expect: ---
# expect: ok z
# expect: raising y
# expect: ok x
# expect: ['x', ValueError('y'), 'z']
