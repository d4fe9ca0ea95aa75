# interleave: cores=1
# Ping-pong between two threads through each threading primitive: round trip per exchange.
# Run on one core (`taskset -c 0` in CPython) to see the primitives' code without the idle
# cores' wake-up latency, and on two.
import threading, time, queue
N = 2000
def timed(label, setup_other, main_step):
    t = threading.Thread(target=setup_other); t.start()
    time.sleep(0.01)
    t0 = time.perf_counter()
    for i in range(N):
        main_step(i)
    dt = time.perf_counter() - t0
    t.join()
    print("%-34s %5.1f us" % (label, dt / N * 1e6))
a = threading.Lock(); b = threading.Lock(); a.acquire(); b.acquire()
def lock_other():
    for i in range(N):
        a.acquire(); b.release()
timed("Lock", lock_other, lambda i: (a.release(), b.acquire()))
s1 = threading.Semaphore(0); s2 = threading.Semaphore(0)
def sem_other():
    for i in range(N):
        s1.acquire(); s2.release()
timed("Semaphore", sem_other, lambda i: (s1.release(), s2.acquire()))
e1 = threading.Event(); e2 = threading.Event()
def ev_other():
    for i in range(N):
        e1.wait(); e1.clear(); e2.set()
def ev_main(i):
    e1.set(); e2.wait(); e2.clear()
timed("Event", ev_other, ev_main)
c = threading.Condition(); turn = [0]
def cond_other():
    for i in range(N):
        with c:
            while turn[0] != 1: c.wait()
            turn[0] = 0; c.notify()
def cond_main(i):
    with c:
        turn[0] = 1; c.notify()
        while turn[0] != 0: c.wait()
timed("Condition", cond_other, cond_main)
q1 = queue.Queue(); q2 = queue.Queue()
def q_other():
    for i in range(N):
        q2.put(q1.get())
timed("queue.Queue", q_other, lambda i: (q1.put(i), q2.get()))
