# From a child's last line of its target to the parent's join() returning, and a start()
# to the child's first line (CLOCK_MONOTONIC is shared by both processes).
import time
from multiprocessing import Process, Value
def child(t_end, t_start):
    t_start.value = time.perf_counter()
    x = [i for i in range(1000)]
    t_end.value = time.perf_counter()
if __name__ == "__main__":
    exits, starts, cycles = [], [], []
    for rep in range(20):
        t_end = Value('d', 0.0, lock=False); t_start = Value('d', 0.0, lock=False)
        p = Process(target=child, args=(t_end, t_start))
        a = time.perf_counter(); p.start(); b = time.perf_counter(); p.join(); c = time.perf_counter()
        exits.append((c - t_end.value) * 1e6); starts.append((t_start.value - a) * 1e6); cycles.append((c - a) * 1e6)
    exits.sort(); starts.sort(); cycles.sort()
    print("cycle median %.0f us; " % cycles[10], end="")
    print("start() to child's first line: median %.0f us (min %.0f); child's last line to join(): median %.0f us (min %.0f)" % (starts[10], starts[0], exits[10], exits[0]))
