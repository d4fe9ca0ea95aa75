# The convoy effect: an I/O thread stuck behind a CPU-bound thread
#
# A thread that makes many short blocking calls (here 40 reads of 1 ms each) finishes in about
# 40 ms on its own. Put one CPU-bound thread beside it and it takes several times longer,
# although it hardly needs the CPU. Each blocking call releases the GIL; when the call returns,
# the I/O thread needs the GIL back, but the CPU-bound thread now holds it and only lets go
# when asked, after the switch interval (5 ms). So every 1 ms read costs about 6 ms. Zoom into
# the second half of the chart: after each short pink I/O wait, the I/O thread turns red-orange
# (waiting for the GIL) for a whole switch interval. Try `sys.setswitchinterval(0.001)` or the
# switch interval setting to shorten the convoy.
#
# interleave: cores=2
import threading
import time

from interleave import cpu, io

READS = 40
busy = True


def reader(label):
    start = time.perf_counter()
    for _ in range(READS):
        io(0.001)  # a short blocking read: releases the GIL, then must take it back
    print(f"{label}: {READS} reads took {(time.perf_counter() - start) * 1000:.0f} ms")


def number_cruncher():
    while busy:
        cpu(0.001)  # pure-Python work in small pieces, holding the GIL


if __name__ == "__main__":
    alone = threading.Thread(target=reader, args=("alone",))
    alone.start()
    alone.join()

    cruncher = threading.Thread(target=number_cruncher)
    beside = threading.Thread(target=reader, args=("beside a CPU-bound thread",))
    cruncher.start()
    beside.start()
    beside.join()
    busy = False
    cruncher.join()
