# Exceptions raised in workers come back through result(), exception() and map().
from concurrent.futures import ThreadPoolExecutor

def check(x):
    if x % 3 == 0:
        raise ValueError(f"bad {x}")
    return x

with ThreadPoolExecutor(max_workers=2) as pool:
    f = pool.submit(check, 3)
    print(repr(f.exception()))
    try:
        f.result()
    except ValueError as e:
        print("result() raised", e)
    it = pool.map(check, [1, 2, 3, 4])
    got = []
    try:
        for v in it:
            got.append(v)
    except ValueError as e:
        print("map raised", e, "after", got)
    g = pool.submit(check, 5)
    print(g.result(), g.exception())

# expect: ValueError('bad 3')
# expect: result() raised bad 3
# expect: map raised bad 3 after [1, 2]
# expect: 5 None
