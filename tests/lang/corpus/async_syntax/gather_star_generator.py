# Star-unpacking a generator that creates tasks (or blocks), or extending a list with it,
# works as in CPython.
import asyncio
from concurrent.futures import ThreadPoolExecutor
import time


async def work(i):
    await asyncio.sleep(0.01 * (3 - i))
    return i * i


async def main():
    results = await asyncio.gather(*(asyncio.create_task(work(i)) for i in range(3)))
    print(results)


asyncio.run(main())


def slow(x):
    time.sleep(0.001)
    return x + 1


with ThreadPoolExecutor(2) as ex:
    print(*ex.map(slow, range(4)))
    print({*ex.map(slow, [1, 1, 2])} == {2, 3})
    out = [0]
    out.extend(ex.map(slow, range(2)))
    print(out)
# expect: [0, 1, 4]
# expect: 1 2 3 4
# expect: True
# expect: [0, 1, 2]
