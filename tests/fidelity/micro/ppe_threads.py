# Per-thread CPU and context switches of a ProcessPoolExecutor over tiny tasks (parent threads and workers).
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
def tiny(n):
    return n * n
TCK = os.sysconf("SC_CLK_TCK")
def snap(pid):
    out = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            st = open("/proc/%d/task/%s/stat" % (pid, tid)).read()
            name = st[st.index("(")+1:st.rindex(")")]
            f = st[st.rindex(")")+2:].split()
            ut, stt = int(f[11]), int(f[12])
            stat = open("/proc/%d/task/%s/status" % (pid, tid)).read()
            vol = int(stat.split("voluntary_ctxt_switches:")[1].split()[0])
            inv = int(stat.split("nonvoluntary_ctxt_switches:")[1].split()[0])
            out[(pid, tid)] = (name, ut, stt, vol, inv)
        except FileNotFoundError:
            pass
    return out
if __name__ == "__main__":
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    pool = ProcessPoolExecutor(max_workers=2)
    list(pool.map(tiny, range(50)))  # warm
    pids = [os.getpid()] + list(pool._processes)
    before = {}
    for p in pids: before.update(snap(p))
    w = time.perf_counter()
    list(pool.map(tiny, range(N)))
    wall = time.perf_counter() - w
    after = {}
    for p in pids: after.update(snap(p))
    print("wall %.1f us/task" % (wall / N * 1e6))
    for k, (name, ut, st, vol, inv) in sorted(after.items()):
        b = before.get(k, (name, 0, 0, 0, 0))
        print("%-6s %-22s user %6.1f us sys %6.1f us  vol-switch %.2f  invol %.2f per task" % (
            "parent" if k[0] == os.getpid() else "worker", name,
            (ut - b[1]) / TCK / N * 1e6, (st - b[2]) / TCK / N * 1e6, (vol - b[3]) / N, (inv - b[4]) / N))
    pool.shutdown()
