# Nested gathers of sleep(0) loops: the interleaving follows the ready queue exactly.
import asyncio

async def steps(name, n):
    for i in range(n):
        print(f"{name}{i}")
        await asyncio.sleep(0)
    return name

async def group(prefix):
    return await asyncio.gather(steps(prefix + "x", 2), steps(prefix + "y", 3))

async def main():
    r = await asyncio.gather(group("A"), steps("B", 3), group("C"))
    print(r)

asyncio.run(main())

# expect: B0
# expect: Ax0
# expect: Ay0
# expect: B1
# expect: Cx0
# expect: Cy0
# expect: Ax1
# expect: Ay1
# expect: B2
# expect: Cx1
# expect: Cy1
# expect: Ay2
# expect: Cy2
# expect: [['Ax', 'Ay'], 'B', ['Cx', 'Cy']]
