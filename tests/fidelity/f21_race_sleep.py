# interleave: cores=2
# The same withdrawals without the lock: the 20 ms waits overlap, so the run takes about 20 ms
# (plus starting 10 threads) and updates are lost (the balance ends at 950, not 500).
import threading
import time

balance = 1000

def withdraw(amount):
    global balance
    temp = balance
    time.sleep(0.02)
    balance = temp - amount

start = time.perf_counter()
threads = [threading.Thread(target=withdraw, args=(50,)) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"balance {balance}")
print(f"makespan {time.perf_counter() - start:.6f}")
