# Future reprs through their states (pending, finished with result or exception, cancelled).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f))
    f.set_result(42)
    print(repr(f))
    g = loop.create_future()
    g.set_result("a fairly long string result, longer than thirty characters")
    print(repr(g))
    h = loop.create_future()
    h.set_exception(ValueError("bad"))
    print(repr(h))
    h.exception()
    c = loop.create_future()
    c.cancel()
    print(repr(c), c.cancelled())
    n = loop.create_future()
    n.set_result(None)
    print(repr(n))

asyncio.run(main())

# expect: <Future pending>
# expect: <Future finished result=42>
# expect: <Future finished result='a fairly lon...ty characters'>
# expect: <Future finished exception=ValueError('bad')>
# expect: <Future cancelled> True
# expect: <Future finished result=None>
