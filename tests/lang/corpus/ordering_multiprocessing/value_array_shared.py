# Value and Array live in shared memory: what children write, the parent sees (unlike globals).
# get_lock() makes the read-modify-write of a shared counter safe.
import multiprocessing

counter_global = 0

def work(counter, squares, index):
    global counter_global
    for _ in range(50):
        with counter.get_lock():
            counter.value += 1
    squares[index] = index * index
    counter_global += 1

if __name__ == "__main__":
    counter = multiprocessing.Value('i', 0)
    squares = multiprocessing.Array('d', 4)
    procs = [multiprocessing.Process(target=work, args=(counter, squares, i)) for i in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(counter.value, squares[:], counter_global)
    print(len(squares), list(squares), squares[1:3])
    print(counter)
    raw = multiprocessing.Value('d', 2.5, lock=False)
    print(raw, raw.value)
    small = multiprocessing.Value('b', 200)
    print(small.value)
    arr = multiprocessing.Array('i', [5, 6, 7])
    arr[0:2] = [8, 9]
    print(arr[:], arr[-1])
    try:
        arr[3]
    except IndexError as e:
        print("IndexError:", e)
    try:
        multiprocessing.Value('i', 1.5)
    except TypeError as e:
        print("TypeError:", e)

# expect: 200 [0.0, 1.0, 4.0, 9.0] 0
# expect: 4 [0.0, 1.0, 4.0, 9.0] [1.0, 4.0]
# expect: <Synchronized wrapper for c_int(200)>
# expect: c_double(2.5) 2.5
# expect: -56
# expect: [8, 9, 7] 7
# expect: IndexError: invalid index
# expect: TypeError: 'float' object cannot be interpreted as an integer
