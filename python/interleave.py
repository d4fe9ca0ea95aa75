"""The real-CPython meaning of Interleave's `interleave` module.

Inside Interleave these functions state a cost directly on the simulated machine. Here they do
the real thing, so that every scenario also runs unchanged under `python3` (put this folder on
the path: `PYTHONPATH=python python3 scenario.py`) and the two runs can be compared:

- cpu(seconds):    pure-Python computation; holds the GIL (a busy loop).
- native(seconds): C-extension work that releases the GIL (hashing, in one long call).
- io(seconds):     a blocking call that releases the GIL (a sleep).

`seconds` of cpu() and native() is work, as in the simulator: the calling thread's CPU time
(time.thread_time), not wall time, so time spent waiting for the GIL or for a free core does
not count. Two threads x cpu(0.2) thus take about 0.4 s (one GIL), and four threads x
native(0.2) about 0.4 s on a 2-core machine (2 cores, GIL released), as in Interleave.
"""

import hashlib
import time

__all__ = ["cpu", "native", "io"]

# PBKDF2-HMAC-SHA256 iterations per CPU second on this machine; measured by the first native()
# call and refined by every call.
_rate = None


def _length(name, seconds):
    """`seconds` checked the way time.sleep checks it (and Interleave does)."""
    if not isinstance(seconds, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(seconds).__name__)
    if seconds < 0:
        raise ValueError("%s length must be non-negative" % name)
    return seconds


def cpu(seconds):
    """Busy pure-Python loop for `seconds` of this thread's CPU time, holding the GIL.

    Interruptible like any Python loop: other threads get the GIL at the switch interval.
    """
    end = time.thread_time() + _length("cpu", seconds)
    n = 0
    while time.thread_time() < end:
        n += 1


def native(seconds):
    """Hash for `seconds` of this thread's CPU time, with the GIL released.

    One long hashlib call, as a C extension hashing a large buffer makes: pbkdf2_hmac releases
    the GIL for its whole run (hashlib's update() does too, but only per call, so a loop of
    update() calls beside a busy thread would wait for the GIL after every chunk). So several
    threads calling native() really run in parallel on several cores.
    """
    global _rate
    end = time.thread_time() + _length("native", seconds)
    while True:
        now = time.thread_time()
        left = end - now
        if left <= 0:
            break
        # A short first call measures the rate; then aim a little short of the end (a rate
        # measured too high must not overshoot) and finish with a small call or two.
        if _rate is None:
            count = 2000
        else:
            count = max(1, int(_rate * (left if left < 0.005 else 0.97 * left)))
        hashlib.pbkdf2_hmac("sha256", b"interleave", b"native", count)
        spent = time.thread_time() - now
        if spent > 0:
            _rate = count / spent


def io(seconds):
    """A blocking call that releases the GIL for `seconds` (time.sleep)."""
    time.sleep(_length("io", seconds))
