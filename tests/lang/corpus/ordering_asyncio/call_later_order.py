# call_later timers fire by deadline; equal deadlines fire in scheduling order.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    log = []
    def cb(tag):
        log.append(tag)
        print("fire", tag)
        if len(log) == 6:
            done.set_result(log)
    loop.call_later(0.3, cb, "c30")
    loop.call_later(0.1, cb, "a10")
    loop.call_later(0.2, cb, "b20-first")
    loop.call_later(0.2, cb, "b20-second")
    h = loop.call_later(0.15, cb, "cancelled")
    loop.call_soon(cb, "soon")
    loop.call_later(0, cb, "zero")
    h.cancel()
    print("cancelled?", h.cancelled())
    print(await done)

asyncio.run(main())

# expect: cancelled? True
# expect: fire soon
# expect: fire zero
# expect: fire a10
# expect: fire b20-first
# expect: fire b20-second
# expect: fire c30
# expect: ['soon', 'zero', 'a10', 'b20-first', 'b20-second', 'c30']
