"""The real-CPython meaning of Interleave's `interleave` module.

Inside Interleave these functions state a cost directly on the simulated machine. Here they do
the real thing, so that every scenario also runs unchanged under `python3` (put this folder on
the path: `PYTHONPATH=python python3 scenario.py`) and the two runs can be compared:

- cpu(seconds):    pure-Python computation; holds the GIL (a busy loop).
- native(seconds): C-extension work that releases the GIL (hashing a large buffer).
- io(seconds):     a blocking call that releases the GIL (a sleep).

`seconds` of cpu() and native() is work, as in the simulator: the calling thread's CPU time
(time.thread_time), not wall time, so time spent waiting for the GIL or for a free core does
not count. Two threads x cpu(0.2) thus take about 0.4 s (one GIL), and four threads x
native(0.2) about 0.4 s on a 2-core machine (2 cores, GIL released), as in Interleave.
"""

import hashlib
import time

__all__ = ["cpu", "native", "io"]

# 1 MiB: hashlib releases the GIL while hashing any buffer larger than 2047 bytes.
_BUFFER = bytes(1 << 20)
# A smaller buffer for the last stretch, so short calls do not overshoot by a whole 1 MiB hash.
_SMALL = memoryview(_BUFFER)[: 1 << 14]


def cpu(seconds):
    """Busy pure-Python loop for `seconds` of this thread's CPU time, holding the GIL.

    Interruptible like any Python loop: other threads get the GIL at the switch interval.
    """
    end = time.thread_time() + seconds
    n = 0
    while time.thread_time() < end:
        n += 1


def native(seconds):
    """Hash a large preallocated buffer for `seconds` of this thread's CPU time, GIL released.

    hashlib's update() releases the GIL for buffers over 2047 bytes, so several threads
    calling native() really run in parallel on several cores.
    """
    end = time.thread_time() + seconds
    h = hashlib.sha256()
    while True:
        left = end - time.thread_time()
        if left <= 0:
            break
        h.update(_BUFFER if left > 0.002 else _SMALL)


def io(seconds):
    """A blocking call that releases the GIL for `seconds` (time.sleep)."""
    time.sleep(seconds)
