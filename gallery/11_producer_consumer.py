# A producer-consumer pipeline with a bounded queue
#
# One thread fetches twelve images (0.03 s of waiting each) and puts them on a queue.Queue that
# holds at most three; two worker threads take them off and make thumbnails (0.05 s of Python
# work each). The queue decouples the stages: fetching overlaps with processing, and the bound
# keeps the producer from running far ahead. In the chart, the workers are blocked on the queue
# (get) whenever it is empty, and the producer is blocked (put) whenever it is full. A None
# per worker at the end tells the workers to stop. Because thumbnails need the GIL, the two
# workers never compute at the same time: adding a third would not help, adding processes
# would.
#
# interleave: cores=2
import queue
import threading
import time

from interleave import cpu, io

IMAGES = 12
WORKERS = 2
jobs = queue.Queue(maxsize=3)
done = []


def producer():
    for n in range(IMAGES):
        io(0.03)  # fetch the image over the network
        jobs.put(n)  # blocks while the queue is full
    for _ in range(WORKERS):
        jobs.put(None)  # one stop signal per worker


def worker():
    while True:
        item = jobs.get()  # blocks while the queue is empty
        if item is None:
            break
        cpu(0.05)  # make the thumbnail: pure Python, holds the GIL
        done.append(item)


if __name__ == "__main__":
    start = time.perf_counter()
    threads = [threading.Thread(target=producer, name="producer")]
    threads += [threading.Thread(target=worker, name=f"worker-{k + 1}") for k in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{len(done)} thumbnails in {time.perf_counter() - start:.2f} s")
