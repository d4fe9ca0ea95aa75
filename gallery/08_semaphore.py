# A semaphore limits how many run at once
#
# Twelve requests to one server, which allows three connections at a time. asyncio could send
# all twelve at once; an asyncio.Semaphore(3) makes each request wait for one of three
# permits first. The chart shows the requests going in waves of three: three tasks wait on
# the network (pink) while the others are blocked on the semaphore, and each finishing request
# lets the next one in. Twelve requests of 0.2 s, three at a time: about 0.8 s, where an
# unlimited gather would take 0.2 s and might overload the server. The printed peak is never
# above three.
#
# interleave: cores=2
import asyncio
import time

LIMIT = 3
REQUESTS = 12
in_flight = 0
peak = 0


async def request(n, permits):
    global in_flight, peak
    async with permits:
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.2)  # the server's answer takes 0.2 s
        in_flight -= 1
    return n


async def main():
    permits = asyncio.Semaphore(LIMIT)
    start = time.perf_counter()
    done = await asyncio.gather(*(request(n, permits) for n in range(REQUESTS)))
    elapsed = time.perf_counter() - start
    print(f"{len(done)} requests, at most {peak} at a time, in {elapsed:.2f} s")


asyncio.run(main())
