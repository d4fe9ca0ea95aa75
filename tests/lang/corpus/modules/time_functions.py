import time
from time import perf_counter, sleep

t0 = time.time()
p0 = perf_counter()
m0 = time.monotonic()
sleep(0.05)
print(isinstance(t0, float), isinstance(p0, float), isinstance(m0, float))
print(time.time() >= t0, perf_counter() > p0, time.monotonic() > m0)
sleep(0)
print("slept zero")

# expect: True True True
# expect: True True True
# expect: slept zero
