# interleave: cores=2
# Lock ping-pong between two threads with K iterations of Python work per hop: the per-hop
# cost beyond the work. On two cores each hop wakes a thread whose core idled for about one
# hop; on one core (`taskset -c 0`, or --cores 1) it is a plain switch. The difference is
# the idle core's wake-up latency as a function of its idle time.
import threading, time, sys
N = 1500
def work(k):
    s = 0
    for j in range(k):
        s += j
    return s
for K in (0, 40, 150, 400, 1000, 2500):
    a = threading.Lock(); b = threading.Lock(); a.acquire(); b.acquire()
    def other():
        for i in range(N):
            a.acquire(); work(K); b.release()
    t0 = time.perf_counter()
    for i in range(N): work(K)
    wk = (time.perf_counter() - t0) / N * 1e6
    t = threading.Thread(target=other); t.start(); time.sleep(0.005)
    t0 = time.perf_counter()
    for i in range(N):
        work(K); a.release(); b.acquire()
    hop = (time.perf_counter() - t0) / N / 2 * 1e6
    t.join()
    print("K=%4d work %6.1f us  hop %6.1f us  overhead %5.1f us" % (K, wk, hop, hop - wk))
