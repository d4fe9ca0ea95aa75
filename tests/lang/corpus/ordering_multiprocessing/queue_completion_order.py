# Children put results on a multiprocessing.Queue; the parent gets them in completion order.
import multiprocessing
import time

def job(name, delay, q):
    time.sleep(delay)
    q.put(name)

if __name__ == "__main__":
    q = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=job, args=(n, d, q))
             for n, d in (("slow", 0.3), ("fast", 0.1), ("mid", 0.2))]
    for p in procs:
        p.start()
    print([q.get() for _ in procs])
    for p in procs:
        p.join()
    print([p.exitcode for p in procs])

# expect: ['fast', 'mid', 'slow']
# expect: [0, 0, 0]
