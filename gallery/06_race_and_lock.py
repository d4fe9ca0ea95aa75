# A race condition, and the lock that fixes it
#
# Ten threads each sell one concert ticket: read how many are left, check the payment (a
# short wait), then write back one fewer. Without a lock, every thread reads the count before
# any of them writes it back, so all ten write "99": nine sales are lost. The chart shows why:
# the ten pink waits overlap, each between its thread's read and its write. With USE_LOCK =
# True the read-check-write is a critical section: one thread at a time, the others blocked on
# the lock (yellow), and the count ends right, at the price of doing the ten sales one after
# another. Compare mode stacks the racy run above the locked one.
#
# interleave: cores=2
# compare-code: USE_LOCK = False | True
import threading
import time

USE_LOCK = True
tickets_left = 100
till = threading.Lock()


def sell_one():
    global tickets_left
    seen = tickets_left      # read
    time.sleep(0.002)        # check the payment: the GIL is released, others run
    tickets_left = seen - 1  # write: overwrites what the others wrote meanwhile


def customer():
    if USE_LOCK:
        with till:
            sell_one()
    else:
        sell_one()


if __name__ == "__main__":
    customers = [threading.Thread(target=customer) for _ in range(10)]
    for c in customers:
        c.start()
    for c in customers:
        c.join()
    print(f"lock: {USE_LOCK}; tickets left: {tickets_left} (expected 90)")
