# Starting a process: fork, forkserver, spawn
#
# Four processes each do 0.05 s of work. How long the whole takes depends mostly on how a
# process is started. fork (the Linux default up to Python 3.13) copies the parent: about 2 ms.
# spawn (the default on macOS and Windows) starts a fresh interpreter that imports the main
# module again: about 50 ms, as long as the work itself here. forkserver (the Linux default
# from Python 3.14) forks from a small server process started once: about 14 ms. Compare mode
# runs the same program with the three start methods (the start_method setting); the grey
# "starting" bars at the beginning of each process tell the story. Under python3 the program
# uses the platform's default.
#
# interleave: cores=4
# compare-settings: start_method=spawn | start_method=forkserver | start_method=fork
import multiprocessing
import time

from interleave import cpu


def work(n):
    cpu(0.05)


if __name__ == "__main__":
    start = time.perf_counter()
    procs = [multiprocessing.Process(target=work, args=(n,)) for n in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - start
    print(f"{multiprocessing.get_start_method()}: 4 processes in {elapsed * 1000:.0f} ms")
