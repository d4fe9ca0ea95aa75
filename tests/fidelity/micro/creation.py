# interleave: cores=2
# Creating a multiprocessing Lock, Pipe and Queue (after the first, which imports modules).
import multiprocessing as mp, time
mp.Lock(); mp.Queue()
t=time.perf_counter()
for i in range(200): mp.Lock()
a=time.perf_counter()
for i in range(200): mp.Pipe()
b=time.perf_counter()
for i in range(200): mp.Queue()
c=time.perf_counter()
print('Lock() %.1f us, Pipe() %.1f us, Queue() %.1f us' % ((a-t)/200*1e6, (b-a)/200*1e6, (c-b)/200*1e6))
