# Deadlock: two threads, two locks, opposite order
#
# Two clerks move money between the same two accounts, each account guarded by its own lock.
# One clerk locks account A and then B, the other locks B and then A. Each takes its first
# lock, pauses briefly, and then waits for the lock the other one holds: forever. Nothing
# crashes; the program just stops making progress (run it with python3 and it hangs). The
# simulator notices that every remaining thread is blocked with nothing left that could wake
# it, stops the run and names who waits for what: look at the two yellow "blocked" bars that
# never end, and at the message in the Errors panel. The fix is one global order: every
# thread takes the locks in the same order (A before B).
#
# interleave: cores=2
import threading
import time

account_a = threading.Lock()
account_b = threading.Lock()


def transfer(name, first, second):
    with first:
        print(f"{name}: got its first lock")
        time.sleep(0.01)  # long enough for the other clerk to take its first lock too
        with second:
            print(f"{name}: got both locks")  # never reached


if __name__ == "__main__":
    clerks = [
        threading.Thread(target=transfer, args=("clerk 1", account_a, account_b)),
        threading.Thread(target=transfer, args=("clerk 2", account_b, account_a)),
    ]
    for c in clerks:
        c.start()
    for c in clerks:
        c.join()
    print("both transfers done")  # never reached either
