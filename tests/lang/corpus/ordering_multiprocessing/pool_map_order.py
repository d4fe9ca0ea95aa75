# Pool.map/starmap/imap keep input order; apply_async returns an AsyncResult.
import multiprocessing
import time

def square(x):
    time.sleep(0.01 * (5 - x % 5))
    return x * x

def add(a, b):
    return a + b

if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(square, range(8)))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print(list(pool.imap(square, [3, 1, 2])))
        r = pool.apply_async(add, (20, 22))
        print(r.get(timeout=5), r.ready(), r.successful())
        print(pool.apply(square, (9,)))

# expect: [0, 1, 4, 9, 16, 25, 36, 49]
# expect: [3, 7, 11]
# expect: [9, 1, 4]
# expect: 42 True True
# expect: 81
