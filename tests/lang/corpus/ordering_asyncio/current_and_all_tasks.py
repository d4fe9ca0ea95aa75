# current_task, task names and all_tasks as tasks start and finish.
import asyncio

async def child(n):
    me = asyncio.current_task()
    print("child", n, me.get_name())
    await asyncio.sleep(0.1 * n)

async def main():
    print("main is", asyncio.current_task().get_name())
    ts = [asyncio.create_task(child(i)) for i in (1, 2)]
    ts.append(asyncio.create_task(child(3), name="custom"))
    await asyncio.sleep(0)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await ts[0]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*ts)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    ts[1].set_name("renamed")
    print(ts[1].get_name())

asyncio.run(main())

# expect: main is Task-1
# expect: child 1 Task-2
# expect: child 2 Task-3
# expect: child 3 custom
# expect: ['Task-1', 'Task-2', 'Task-3', 'custom']
# expect: ['Task-1', 'Task-3', 'custom']
# expect: ['Task-1']
# expect: renamed
