import asyncio

async def greet(name):
    return f"hello {name}"

coro = greet("ann")
print(coro)
print(type(coro).__name__)
print(greet)
print(asyncio.run(coro))

# expect: <coroutine object greet at 0x?>
# expect: coroutine
# expect: <function greet at 0x?>
# expect: hello ann
