import queue
from queue import Queue, Empty

q = Queue()
for word in ["first", "second", "third"]:
    q.put(word)
print(q.qsize(), q.empty())
print(q.get(), q.get())
print(q.get_nowait())
try:
    q.get_nowait()
except Empty:
    print("queue.Empty raised")
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("timed out empty")
bounded = Queue(maxsize=1)
bounded.put("x")
print(bounded.full())
try:
    bounded.put_nowait("y")
except queue.Full:
    print("queue.Full raised")

# expect: 3 False
# expect: first second
# expect: third
# expect: queue.Empty raised
# expect: timed out empty
# expect: True
# expect: queue.Full raised
