# Nested asyncio.timeout blocks: the inner one fires first and is handled inside.
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout")
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer timeout")
    try:
        async with asyncio.timeout(0.1):
            try:
                async with asyncio.timeout(0.5):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner (wrong)")
    except TimeoutError:
        print("outer fired first")

asyncio.run(main())

# expect: inner timeout
# expect: outer timeout
# expect: outer fired first
