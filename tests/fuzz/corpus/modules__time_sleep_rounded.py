import time

start = time.perf_counter()
time.sleep(0.2)
elapsed = time.perf_counter() - start
print(round(elapsed, 1))
print(elapsed >= 0.2)

start = time.monotonic()
for _ in range(3):
    time.sleep(0.1)
print(f"{time.monotonic() - start:.1f}")

# expect: 0.2
# expect: True
# expect: 0.3
