# Children failing in the same iteration are all collected; body error joins the group.
import asyncio

async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1, ValueError("v")))
            tg.create_task(fail(0.1, KeyError("k")))
            tg.create_task(fail(0.5, TypeError("never")))
    except BaseExceptionGroup as eg:
        print(type(eg).__name__, eg.message, len(eg.exceptions))
        for e in eg.exceptions:
            print(" ", type(e).__name__, e)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.2, ValueError("child")))
            await asyncio.sleep(0.05)
            raise ZeroDivisionError("body")
    except ExceptionGroup as eg:
        print([type(e).__name__ for e in eg.exceptions])
        vs, rest = eg.split(ValueError)
        print(vs, rest)

asyncio.run(main())

# expect: ExceptionGroup unhandled errors in a TaskGroup 2
# expect:   ValueError v
# expect:   KeyError 'k'
# expect: ['ZeroDivisionError']
# expect: None unhandled errors in a TaskGroup (1 sub-exception)
