import time
import os, sys
import threading as th
from queue import Queue, Empty
from time import sleep as nap, perf_counter
from random import seed, randint as rint

print(time.sleep is nap, perf_counter is time.perf_counter)
print(th.Thread.__name__)
q = Queue()
print(q.empty(), Empty.__name__)
seed(1)
print(rint(1, 100))
print(type(os.getpid()).__name__, sys.getswitchinterval())

def local_import():
    import random
    from threading import current_thread
    return current_thread().name

print(local_import())

# expect: True True
# expect: Thread
# expect: True Empty
# expect: 18
# expect: int 0.005
# expect: MainThread
