# Start methods chosen by the program: set_start_method(), contexts and their Process classes
# (names like SpawnProcess-4), pools given a context, and a forked child of a spawn program.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
def f(x): return mp.current_process().name
def g(): print("spawned child:", mp.current_process().name, mp.get_start_method(), __name__)
if __name__ == '__main__':
    print(mp.get_start_method(allow_none=True))
    mp.set_start_method('spawn')
    print(mp.get_start_method(), type(mp.get_context()).__name__)
    p = mp.Process(target=g); p.start(); p.join()
    fp = mp.get_context('fork').Process(target=g); fp.start(); fp.join()
    print(mp.Process(target=f).name, mp.get_context('spawn').Process(target=f).name, mp.get_context('forkserver').Process().name)
    with ProcessPoolExecutor(1, mp_context=mp.get_context('fork')) as ex: print(set(ex.map(f, range(4))))
    with mp.get_context('fork').Pool(1) as p: print(set(p.map(f, range(4))))
    try:
        mp.get_context('threads')
    except ValueError as e:
        print(e)

# expect: None
# expect: spawn SpawnContext
# expect: spawned child: Process-1 spawn __mp_main__
# expect: spawned child: ForkProcess-2 fork __main__
# expect: Process-3 SpawnProcess-4 ForkServerProcess-5
# expect: {'ForkProcess-6'}
# expect: {'ForkPoolWorker-7'}
# expect: cannot find context for 'threads'
