# Pool.imap_unordered yields in completion order (sleeps 0.2 s apart, one worker each).
import multiprocessing
import time

def job(d):
    time.sleep(d)
    return d

if __name__ == "__main__":
    with multiprocessing.Pool(3) as pool:
        print(list(pool.imap_unordered(job, [0.6, 0.2, 0.4])))
        print(pool.map(job, [0.6, 0.2, 0.4]))

# expect: [0.2, 0.4, 0.6]
# expect: [0.6, 0.2, 0.4]
