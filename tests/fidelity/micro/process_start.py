# Measures Process.start()/join() of a tiny process and a raw fork + waitpid (median of 60).
import time, os, statistics
from multiprocessing import Process
def tiny(n): return n*n
if __name__ == "__main__":
    for rep in range(3):
        st=[]; jn=[]; fk=[]
        for n in range(60):
            p = Process(target=tiny, args=(n,))
            a=time.perf_counter(); p.start(); b=time.perf_counter(); p.join(); c=time.perf_counter()
            st.append(b-a); jn.append(c-b)
        for n in range(60):
            a=time.perf_counter(); pid=os.fork()
            if pid==0: os._exit(0)
            b=time.perf_counter(); os.waitpid(pid,0); c=time.perf_counter(); fk.append((b-a, c-a))
        print("Process: start %.2f join %.2f total %.2f ms | raw fork %.2f, fork+wait %.2f ms" % (statistics.median(st)*1e3, statistics.median(jn)*1e3, statistics.median([x+y for x,y in zip(st,jn)])*1e3, statistics.median([f[0] for f in fk])*1e3, statistics.median([f[1] for f in fk])*1e3))
