# A blocked event loop: time.sleep inside a coroutine
#
# Three coroutines each wait 0.2 s. With `await asyncio.sleep(0.2)` they wait together and the
# whole takes 0.2 s. With `time.sleep(0.2)`, a blocking call, the coroutine never gives control
# back to the event loop: the loop is frozen (dark brown on the event-loop lane) and the three
# waits happen one after another, 0.6 s. The same goes for any blocking call inside `async def`:
# requests.get, a long computation, reading a large file. Compare mode stacks the blocking run
# above the fixed one. The cure for a call that must block is asyncio.to_thread (see that
# example).
#
# interleave: cores=2
# compare-code: BLOCKING = True | False
import asyncio
import time

BLOCKING = False


async def fetch(n):
    if BLOCKING:
        time.sleep(0.2)  # blocks the whole event loop
    else:
        await asyncio.sleep(0.2)  # lets the loop run the other tasks meanwhile
    return n


async def main():
    start = time.perf_counter()
    await asyncio.gather(fetch(1), fetch(2), fetch(3))
    print(f"blocking: {BLOCKING}; three waits of 0.2 s took {time.perf_counter() - start:.2f} s")


asyncio.run(main())
