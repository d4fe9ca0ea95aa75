# ProcessPoolExecutor: map in input order, as_completed in completion order, exceptions returned.
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

def job(d):
    time.sleep(d)
    return d

def fail(x):
    raise KeyError(x)

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(job, [0.3, 0.1, 0.2])))
        fs = [ex.submit(job, d) for d in (0.3, 0.1, 0.2)]
        print([f.result() for f in as_completed(fs)])
        f = ex.submit(fail, "k")
        print(repr(f.exception()))
        try:
            f.result()
        except KeyError as e:
            print("result() raised", repr(e))

# expect: [0.3, 0.1, 0.2]
# expect: [0.1, 0.2, 0.3]
# expect: KeyError('k')
# expect: result() raised KeyError('k')
