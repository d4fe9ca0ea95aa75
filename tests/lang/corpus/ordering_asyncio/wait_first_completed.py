# asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION and a timeout.
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name

def names(fs):
    return sorted(t.get_name() for t in fs)

async def main():
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in (("a", 0.3), ("b", 0.1), ("c", 0.2))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(pending)
    print("rest:", names(done), names(pending))
    ts = [asyncio.create_task(job("x", 0.1), name="x"),
          asyncio.create_task(job("y", 0.2, fail=True), name="y"),
          asyncio.create_task(job("z", 0.5), name="z")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", names(done), names(pending))
    done, pending = await asyncio.wait(pending, timeout=0.1)
    print("timeout:", names(done), names(pending))
    done, pending = await asyncio.wait(pending, timeout=1)
    print("finally:", names(done), [t.result() for t in done])
    print(repr(ts[1].exception()))

asyncio.run(main())

# expect: first: ['b'] pending: ['a', 'c']
# expect: rest: ['a', 'c'] []
# expect: first exception: ['x', 'y'] ['z']
# expect: timeout: [] ['z']
# expect: finally: ['z'] ['z']
# expect: ValueError('y')
