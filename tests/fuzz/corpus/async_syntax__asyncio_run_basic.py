import asyncio

async def main():
    print("inside coroutine")
    return 42

result = asyncio.run(main())
print("result:", result)

# expect: inside coroutine
# expect: result: 42
