# interleave: start_method=spawn
# With spawn, each child is a fresh interpreter that runs this file again as __mp_main__: the
# top-level print runs once per child, and the child sees the module's globals as the file sets
# them, not as the parent changed them. The Process object is pickled: a lambda cannot be the
# target, and a queue can only travel this way (not through another queue).
import multiprocessing as mp

print("module level:", __name__)
counter = 0

def work(x, q):
    q.put((x, __name__, counter))

if __name__ == "__main__":
    mp.set_start_method("spawn")
    counter = 5
    q = mp.Queue()
    for i in range(2):
        p = mp.Process(target=work, args=(i, q))
        p.start()
        print("from child:", q.get())
        p.join()
    try:
        mp.Process(target=lambda: None).start()
    except Exception as e:
        print(type(e).__name__)
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        mp.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("parent counter:", counter)

# expect: module level: __main__
# expect: module level: __mp_main__
# expect: from child: (0, '__mp_main__', 0)
# expect: module level: __mp_main__
# expect: from child: (1, '__mp_main__', 0)
# expect: PicklingError
# expect: RuntimeError: context has already been set
# expect: RuntimeError: context has already been set
# expect: parent counter: 5
