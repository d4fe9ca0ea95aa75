# An exception in a pool worker is re-raised in the parent by get()/map().
import multiprocessing

def check(x):
    if x == 3:
        raise ValueError(f"bad value {x}")
    return x

if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        try:
            pool.map(check, range(5))
        except ValueError as e:
            print("map raised:", e)
        r = pool.apply_async(check, (3,))
        r.wait()
        print("ready", r.ready(), "successful", r.successful())
        try:
            r.get()
        except ValueError as e:
            print("get raised:", repr(e))
        print(pool.map(check, [1, 2]))

# expect: map raised: bad value 3
# expect: ready True successful False
# expect: get raised: ValueError('bad value 3')
# expect: [1, 2]
