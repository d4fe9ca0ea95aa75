# multiprocessing.Queue: qsize() counts what was put and not yet got, full() at maxsize;
# empty() looks at the pipe, which the feeder thread fills shortly after put(); get() returns
# a copy.
import multiprocessing
import queue
import time

if __name__ == "__main__":
    q = multiprocessing.Queue(maxsize=2)
    print(q.qsize(), q.empty(), q.full())
    item = ["x", {"n": 1}]
    q.put(item)
    q.put(2)
    print(q.qsize(), q.full())
    try:
        q.put_nowait(3)
    except queue.Full:
        print("Full")
    try:
        q.put(3, timeout=0.05)
    except queue.Full:
        print("Full after timeout")
    time.sleep(0.1)
    print(q.empty())
    got = q.get()
    print(got, got == item, got is item)
    print(q.qsize(), q.full())
    print(q.get())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty after timeout")
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty")
    print(q.qsize(), q.empty())
    q.close()
    try:
        q.put(4)
    except ValueError as e:
        print(type(e).__name__)

# expect: 0 True False
# expect: 2 True
# expect: Full
# expect: Full after timeout
# expect: False
# expect: ['x', {'n': 1}] True False
# expect: 1 False
# expect: 2
# expect: Empty after timeout
# expect: Empty
# expect: 0 True
# expect: ValueError
