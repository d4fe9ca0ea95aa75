# An unawaited coroutine: the call that never ran
#
# Calling an `async def` function does not run it: it creates a coroutine object, and only
# `await` (or a task) runs it. Here `save(report)` is called without `await`, so the report is
# never saved, the program finishes early and nothing complains until the coroutine object is
# thrown away: then Python prints "RuntimeWarning: coroutine 'save' was never awaited" on
# stderr. In the chart the event loop has almost nothing to do: the 0.1 s of saving that the
# program looks like it does never happens. Add `await` before `save(report)` and the save
# shows up, 0.1 s long, and "saved: 1" is printed.
#
# interleave: cores=2
import asyncio
import time

saved = []


async def save(report):
    await asyncio.sleep(0.1)  # writing to a database
    saved.append(report)


async def main():
    start = time.perf_counter()
    report = {"sales": 42}
    save(report)  # missing await: creates a coroutine and drops it
    print(f"saved: {len(saved)} after {time.perf_counter() - start:.2f} s")


asyncio.run(main())
