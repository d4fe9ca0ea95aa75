# interleave: cores=2
# The lessons' bank account with a threading.Lock: each of 10 withdrawals reads the balance,
# waits 20 ms (a slow database) and writes it back, all inside the lock. No update is lost, but
# the lock serialises the waits: 10 x 20 ms = about 0.2 s.
import threading
import time

balance = 1000
lock = threading.Lock()

def withdraw(amount):
    global balance
    with lock:
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
