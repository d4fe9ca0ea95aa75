# The GIL: two threads, one real loop, no speed-up
#
# A real pure-Python loop (a sum of squares) runs twice: first the two halves one after
# another, then the same two halves on two threads. On a machine with two cores you might
# expect the threads to finish in half the time; they do not. In CPython only the thread that
# holds the GIL (global interpreter lock) runs Python. Look at the GIL lane: it changes hands
# about every 5 ms (sys.getswitchinterval()), when the waiting thread asks for it and the
# running one lets go at its next loop iteration; meanwhile the other thread is red-orange,
# waiting for the GIL, and one core sits idle. The speed-up printed at the end is about 1x.
#
# interleave: cores=2
import threading
import time

N = 600_000


def sum_of_squares(start, stop, results, slot):
    total = 0
    for i in range(start, stop):
        total += i * i
    results[slot] = total


if __name__ == "__main__":
    results = [0, 0]
    t0 = time.perf_counter()
    sum_of_squares(0, N // 2, results, 0)
    sum_of_squares(N // 2, N, results, 1)
    one_by_one = time.perf_counter() - t0
    expected = sum(results)

    results = [0, 0]
    t0 = time.perf_counter()
    workers = [
        threading.Thread(target=sum_of_squares, args=(0, N // 2, results, 0)),
        threading.Thread(target=sum_of_squares, args=(N // 2, N, results, 1)),
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    threaded = time.perf_counter() - t0

    assert sum(results) == expected
    print(f"one after another: {one_by_one * 1000:.0f} ms")
    print(f"two threads:       {threaded * 1000:.0f} ms")
    print(f"speed-up: {one_by_one / threaded:.2f}x")
