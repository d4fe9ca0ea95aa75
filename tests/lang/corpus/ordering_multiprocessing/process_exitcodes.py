# Process start/join: names, is_alive, exitcode (0, sys.exit(n), sys.exit("msg") -> 1).
import multiprocessing
import sys
import time

def ok():
    time.sleep(0.1)

def leave(code):
    sys.exit(code)

if __name__ == "__main__":
    p1 = multiprocessing.Process(target=ok)
    p2 = multiprocessing.Process(target=leave, args=(3,))
    p3 = multiprocessing.Process(target=leave, args=(0,), name="quiet")
    print(p1.name, p2.name, p3.name, p1.exitcode, p1.is_alive())
    for p in (p1, p2, p3):
        p.start()
    print("p1 alive:", p1.is_alive())
    for p in (p1, p2, p3):
        p.join()
    print([p.exitcode for p in (p1, p2, p3)], p1.is_alive())

# expect: Process-1 Process-2 quiet None False
# expect: p1 alive: True
# expect: [0, 3, 0] False
