# f22's pipeline with per-thread CPU and context switches of every process (from /proc).
import os, sys, time
from multiprocessing import Process, Queue
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
TCK = os.sysconf("SC_CLK_TCK")
def snap(pid):
    out = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            st = open("/proc/%d/task/%s/stat" % (pid, tid)).read()
            f = st[st.rindex(")")+2:].split()
            stat = open("/proc/%d/task/%s/status" % (pid, tid)).read()
            vol = int(stat.split("voluntary_ctxt_switches:")[1].split()[0])
            inv = int(stat.split("nonvoluntary_ctxt_switches:")[1].split()[0])
            out[tid] = (int(f[11]) + int(f[12]), vol, inv)
        except FileNotFoundError:
            pass
    return out
def report(name, res):
    st = open("/proc/%d/stat" % os.getpid()).read()
    f = st[st.rindex(")")+2:].split()
    d = snap(os.getpid())
    d["process"] = (int(f[11]) + int(f[12]), 0, 0)
    res.put((name, d))
def producer(q1, res):
    for i in range(N):
        q1.put(i)
    q1.put(None)
    time.sleep(0.05)
    report("producer", res)
def transformer(q1, q2, res):
    while True:
        item = q1.get()
        if item is None:
            q2.put(None)
            break
        q2.put(item * 2)
    time.sleep(0.05)
    report("transformer", res)
def consumer(q2, res):
    total = 0
    while True:
        item = q2.get()
        if item is None:
            break
        total += item
    report("consumer", res)
if __name__ == "__main__":
    res = Queue()
    start = time.perf_counter()
    q1, q2 = Queue(), Queue()
    procs = [Process(target=producer, args=(q1, res)), Process(target=transformer, args=(q1, q2, res)), Process(target=consumer, args=(q2, res))]
    for p in procs: p.start()
    got = [res.get() for _ in procs]
    for p in procs: p.join()
    print("makespan %.1f ms, %.1f us/item" % ((time.perf_counter() - start) * 1e3, (time.perf_counter() - start) / N * 1e6))
    for name, threads in got:
        for tid, (cpu, vol, inv) in sorted(threads.items()):
            print("%-12s %s cpu %.2f us/item vol %.3f inv %.3f per item" % (name, tid, cpu / TCK / N * 1e6, vol / N, inv / N))
