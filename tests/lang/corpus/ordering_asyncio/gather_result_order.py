# gather returns results in argument order, whatever order the children finish in.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name.upper()

async def main():
    res = await asyncio.gather(job("slow", 0.3), job("fast", 0.1), job("mid", 0.2))
    print(res)
    res = await asyncio.gather()
    print(res)
    t = asyncio.create_task(job("task", 0.1))
    res = await asyncio.gather(t, t, job("co", 0))
    print(res)

asyncio.run(main())

# expect: finished fast
# expect: finished mid
# expect: finished slow
# expect: ['SLOW', 'FAST', 'MID']
# expect: []
# expect: finished co
# expect: finished task
# expect: ['TASK', 'TASK', 'CO']
