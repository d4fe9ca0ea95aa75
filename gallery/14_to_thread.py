# asyncio.to_thread: a blocking call without freezing the loop
#
# A program built on asyncio has to call an old library that only offers a blocking function
# (here `read_sensor`, which waits 0.3 s). Called directly inside a coroutine it would freeze
# the event loop (see the blocked-loop example). `await asyncio.to_thread(read_sensor, n)` runs
# it in a worker thread of the loop's default ThreadPoolExecutor instead and lets the loop go
# on. In the chart, the three blocking reads run on their own worker threads at the same time,
# and the heartbeat task keeps ticking every 0.05 s on the event loop meanwhile: the loop was
# never blocked.
#
# interleave: cores=2
import asyncio
import time

beats = 0


def read_sensor(n):
    time.sleep(0.3)  # a blocking call from a library without async support
    return 20 + n


async def heartbeat():
    global beats
    while True:
        await asyncio.sleep(0.05)
        beats += 1


async def main():
    start = time.perf_counter()
    ticker = asyncio.create_task(heartbeat())
    readings = await asyncio.gather(*(asyncio.to_thread(read_sensor, n) for n in range(3)))
    ticker.cancel()
    elapsed = time.perf_counter() - start
    print(f"readings {readings} in {elapsed:.2f} s; the heartbeat ticked {beats} times meanwhile")


asyncio.run(main())
