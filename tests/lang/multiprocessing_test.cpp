// multiprocessing and ProcessPoolExecutor (issue 4): fork copies the parent's heap, values
// cross processes pickled (with CPython's errors for what cannot be pickled), processes run on
// their own cores with their own GIL, and the start method sets the start-up cost.
#include <gtest/gtest.h>

#include <string>

#include "runner.h"

using namespace interleave;
using namespace interleave::lang;

namespace {

ProgramOutcome run(const std::string& source, const std::string& settings = "", int exitCode = 0) {
  ProgramOutcome o = runProgram("scenario.py", source, settings);
  EXPECT_EQ(o.exitCode, exitCode) << o.stderrText;
  return o;
}

double ms(Nanos n) { return static_cast<double>(n) / 1e6; }

}  // namespace

TEST(Multiprocessing, AChildsGlobalWritesAreNotSeenByTheParent) {
  ProgramOutcome o = run(R"PY(
from multiprocessing import Process
data = {'count': 0}
items = []
def child():
    global items
    data['count'] += 10
    items = [1, 2, 3]
    print('child sees', data['count'], items)
if __name__ == '__main__':
    data['count'] = 1
    p = Process(target=child)
    p.start(); p.join()
    print('parent sees', data['count'], items, p.exitcode)
)PY");
  EXPECT_EQ(o.stdoutText, "child sees 11 [1, 2, 3]\nparent sees 1 [] 0\n");
}

TEST(Multiprocessing, QueueItemsArePickledByTheFeederThreadAfterPutReturns) {
  // CPython 3.11 prints "Box [1, 2]": put() only appends to the feeder's buffer, and the feeder
  // thread pickles the item once it gets the GIL, after the append below.
  ProgramOutcome o = run(R"PY(
from multiprocessing import Process, Queue
class Box:
    def __init__(self, v): self.v = v
def child(q):
    b = q.get()
    print(type(b).__name__, b.v)
q = Queue()
b = Box([1])
q.put(b)
b.v.append(2)
p = Process(target=child, args=(q,))
p.start(); p.join()
)PY");
  EXPECT_EQ(o.stdoutText, "Box [1, 2]\n");
}

TEST(Multiprocessing, AnExceptionInTheTargetPrintsItAndGivesExitCodeOne) {
  ProgramOutcome o = run(R"PY(
from multiprocessing import Process
import sys
def bad():
    raise ValueError('boom')
def leave():
    sys.exit(3)
p = Process(target=bad); p.start(); p.join()
q = Process(target=leave); q.start(); q.join()
print(p.exitcode, q.exitcode)
)PY");
  EXPECT_EQ(o.stdoutText, "1 3\n");
  EXPECT_NE(o.stderrText.find("Process Process-1:\nTraceback (most recent call last):"), std::string::npos) << o.stderrText;
  EXPECT_NE(o.stderrText.find("ValueError: boom"), std::string::npos) << o.stderrText;
}

TEST(Multiprocessing, CpuBoundProcessesRunInParallelWhereThreadsCannot) {
  const char* src = R"PY(
from multiprocessing import Process
import threading
from interleave import cpu
KIND
ws = [Worker(target=cpu, args=(0.1,)) for _ in range(2)]
for w in ws: w.start()
for w in ws: w.join()
)PY";
  std::string procs = src, threads = src;
  procs.replace(procs.find("KIND"), 4, "Worker = Process");
  threads.replace(threads.find("KIND"), 4, "Worker = threading.Thread");
  double p = ms(run(procs, "cores=2").trace.metrics.makespan);
  double t = ms(run(threads, "cores=2").trace.metrics.makespan);
  EXPECT_LT(p, 120.0);  // two 100 ms jobs side by side, plus a 2 ms fork each
  EXPECT_GT(t, 195.0);  // the GIL serialises them
}

TEST(Multiprocessing, TheStartMethodSetsTheStartUpCost) {
  const char* src = R"PY(
from multiprocessing import Process
def nothing(): pass
if __name__ == '__main__':
    p = Process(target=nothing); p.start(); p.join()
)PY";
  double fork = ms(run(src, "start_method=fork").trace.metrics.makespan);
  double spawn = ms(run(src, "start_method=spawn").trace.metrics.makespan);
  EXPECT_GE(fork, 1.8);  // start() 0.5 ms, the child's start-up 0.95 ms, its exit 0.43 ms
  EXPECT_LT(fork, 5.0);
  EXPECT_GE(spawn, 50.0);
  EXPECT_LT(spawn, 55.0);
}

TEST(Multiprocessing, DaemonChildrenAreTerminatedAndOthersJoinedAtExit) {
  ProgramOutcome o = run(R"PY(
from multiprocessing import Process
import time
def forever():
    while True:
        time.sleep(1)
def late():
    time.sleep(0.5)
    print('late child done')
d = Process(target=forever, daemon=True)
n = Process(target=late)
d.start(); n.start()
print('main done')
)PY");
  EXPECT_EQ(o.stdoutText, "main done\nlate child done\n");
  EXPECT_GE(ms(o.trace.metrics.makespan), 500.0);
  EXPECT_LT(ms(o.trace.metrics.makespan), 520.0);
}

TEST(Multiprocessing, PoolMapReturnsResultsInInputOrder) {
  ProgramOutcome o = run(R"PY(
from multiprocessing import Pool, cpu_count
def square(x):
    return x * x
if __name__ == '__main__':
    with Pool(3) as pool:
        print(pool.map(square, range(10)))
        print(pool.apply(square, (7,)))
        r = pool.apply_async(square, (8,))
        print(r.get(), r.successful())
        print(pool.starmap(pow, [(2, 3), (3, 2)]))
    print(cpu_count())
)PY", "cores=6");
  EXPECT_EQ(o.stdoutText, "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]\n49\n64 True\n[8, 9]\n6\n");
}

TEST(Pickling, ALambdaSubmittedToAProcessPoolFailsWithPicklingError) {
  ProgramOutcome o = run(R"PY(
from concurrent.futures import ProcessPoolExecutor
with ProcessPoolExecutor(2) as ex:
    f = ex.submit(lambda: 1)
    try:
        f.result()
    except Exception as e:
        print(type(e).__module__, type(e).__name__)
        print(str(e).split(' at ')[0], str(e).split(': ')[1])
        print(type(e.__cause__).__name__)
)PY");
  EXPECT_EQ(o.stdoutText, "_pickle PicklingError\nCan't pickle <function <lambda> attribute lookup <lambda> on __main__ failed\n_RemoteTraceback\n");
}

TEST(Pickling, LocalFunctionsLocksAndGeneratorsCannotBePickled) {
  // SimpleQueue.put pickles in the caller (Queue.put leaves it to the feeder thread).
  ProgramOutcome o = run(R"PY(
from multiprocessing import SimpleQueue
import threading
q = SimpleQueue()
def outer():
    def inner(): pass
    return inner
for thing in [outer(), threading.Lock(), (x for x in []), threading]:
    try:
        q.put(thing)
    except Exception as e:
        print(type(e).__name__ + ':', e)
)PY");
  EXPECT_EQ(o.stdoutText,
            "AttributeError: Can't pickle local object 'outer.<locals>.inner'\n"
            "TypeError: cannot pickle '_thread.lock' object\n"
            "TypeError: cannot pickle 'generator' object\n"
            "TypeError: cannot pickle 'module' object\n");
}

TEST(Pickling, AQueueFeederThatCannotPickleAnItemPrintsTheErrorAndPutDoesNotRaise) {
  ProgramOutcome o = run(R"PY(
from multiprocessing import Queue
import time
q = Queue()
q.put(lambda: 1)
time.sleep(0.1)
print("put returned; empty:", q.empty())
)PY");
  EXPECT_EQ(o.stdoutText, "put returned; empty: True\n");
  EXPECT_NE(o.stderrText.find("Can't pickle <function <lambda>"), std::string::npos) << o.stderrText;
}

TEST(Pickling, BigItemsCostMoreToSendThanSmallOnes) {
  const char* src = R"PY(
from multiprocessing import Queue
q = Queue()
ITEM
for _ in range(20):
    q.put(item)
    q.get()
)PY";
  std::string small = src, big = src;
  small.replace(small.find("ITEM"), 4, "item = 1");
  big.replace(big.find("ITEM"), 4, "item = 'x' * 1000000");
  double s = ms(run(small).trace.metrics.makespan);
  double b = ms(run(big).trace.metrics.makespan);
  EXPECT_GE(s, 20 * 0.005);     // pickling, the pipe and the feeder thread: ~10 us a round trip
  EXPECT_GT(b, s + 20 * 0.25);  // a MB crosses the 64 KiB pipe in parts, 270 ns per KiB each side
}

TEST(ProcessPool, DefaultWorkersAreCpuCountAllForkedAtTheFirstSubmit) {
  ProgramOutcome o = run(R"PY(
from concurrent.futures import ProcessPoolExecutor
import os
def pid(_):
    return os.getpid()
with ProcessPoolExecutor() as ex:
    pids = list(ex.map(pid, range(30)))
print(len(set(pids)) <= 3, ex._max_workers)
)PY", "cores=3");
  EXPECT_EQ(o.stdoutText, "True 3\n");
  EXPECT_EQ(o.trace.metrics.processesStarted, 4);  // the main process and three workers
}

TEST(ProcessPool, AWorkerExceptionIsRaisedByResultWithTheRemoteTraceback) {
  ProgramOutcome o = run(R"PY(
from concurrent.futures import ProcessPoolExecutor, as_completed
def div(a, b):
    return a / b
if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        fs = [ex.submit(div, 1, b) for b in (1, 0, 2)]
        print([f.exception() is None for f in fs])
        try:
            fs[1].result()
        except ZeroDivisionError as e:
            print('caught', e, 'ZeroDivisionError' in str(e.__cause__))
        print(sorted(f.result() for f in as_completed([fs[0], fs[2]])))
)PY");
  EXPECT_EQ(o.stdoutText, "[True, False, True]\ncaught division by zero True\n[0.5, 1.0]\n");
}

TEST(Spawn, AChildRunsTheProgramAgainAsMpMainWithTheFilesGlobals) {
  ProgramOutcome o = run(R"PY(
import multiprocessing as mp
print('top', __name__)
counter = 0
def work(q):
    q.put((__name__, counter))
if __name__ == '__main__':
    counter = 5
    q = mp.Queue()
    p = mp.Process(target=work, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print(p.exitcode, counter)
)PY", "start_method=spawn");
  EXPECT_EQ(o.stdoutText, "top __main__\ntop __mp_main__\n('__mp_main__', 0)\n0 5\n");
  ProgramOutcome forked = run(R"PY(
import multiprocessing as mp
print('top', __name__)
counter = 0
def work():
    print(__name__, counter)
if __name__ == '__main__':
    counter = 5
    p = mp.Process(target=work); p.start(); p.join()
)PY", "start_method=fork");
  EXPECT_EQ(forked.stdoutText, "top __main__\n__main__ 5\n");
}

TEST(Spawn, StartingAProcessWhileTheChildImportsMainStopsTheChildOnly) {
  ProgramOutcome o = run(R"PY(
import multiprocessing as mp
def work():
    print('work ran')
p = mp.Process(target=work)
p.start()
p.join()
print('exit code', p.exitcode)
)PY", "start_method=forkserver");
  EXPECT_EQ(o.stdoutText, "exit code 1\n");
  EXPECT_NE(o.stderrText.find("line 6, in <module>"), std::string::npos) << o.stderrText;
  EXPECT_NE(o.stderrText.find("finished its bootstrapping phase"), std::string::npos) << o.stderrText;
}

TEST(Spawn, TheProcessObjectIsPickledInTheParent) {
  ProgramOutcome o = run(R"PY(
import multiprocessing as mp, threading
def show(*a): print(*a)
if __name__ == '__main__':
    for kw in [dict(target=lambda: 1), dict(target=show, args=(threading.Lock(),))]:
        try:
            mp.Process(**kw).start()
        except Exception as e:
            print(type(e).__name__, str(e).split(' at ')[0])
    lock = mp.Lock()
    p = mp.Process(target=show, args=('with a lock', type(lock).__name__)); p.start(); p.join()
)PY", "start_method=spawn");
  EXPECT_EQ(o.stdoutText,
            "PicklingError Can't pickle <function <lambda>\nTypeError cannot pickle '_thread.lock' object\n"
            "with a lock Lock\n");
}

TEST(Spawn, PoolsWorkWithSpawnedWorkers) {
  ProgramOutcome o = run(R"PY(
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
def sq(x): return x * x
if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(sq, range(5)))
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(sq, range(5))))
)PY", "start_method=spawn");
  EXPECT_EQ(o.stdoutText, "[0, 1, 4, 9, 16]\n[0, 1, 4, 9, 16]\n");
}

TEST(Pickling, QueuesAndLocksTravelOnlyByInheritance) {
  ProgramOutcome o = run(R"PY(
import multiprocessing as mp
if __name__ == '__main__':
    q = mp.Queue()
    for obj in [mp.Lock(), mp.Value('i', 1), mp.Queue()]:
        try:
            mp.SimpleQueue().put(obj)
        except RuntimeError as e:
            print(e)
)PY");
  EXPECT_EQ(o.stdoutText,
            "Lock objects should only be shared between processes through inheritance\n"
            "Synchronized objects should only be shared between processes through inheritance\n"
            "Queue objects should only be shared between processes through inheritance\n");
}

TEST(Pipes, RecvRaisesEOFErrorOnceEveryProcessClosedItsWriteEnd) {
  ProgramOutcome o = run(R"PY(
from multiprocessing import Process, Pipe
def worker(conn):
    conn.send(1)
    conn.close()
if __name__ == '__main__':
    parent_conn, child_conn = Pipe()
    p = Process(target=worker, args=(child_conn,))
    p.start()
    child_conn.close()
    print(parent_conn.recv())
    try:
        parent_conn.recv()
    except EOFError as e:
        print('EOF', repr(e), parent_conn.poll())
    p.join()
)PY");
  EXPECT_EQ(o.stdoutText, "1\nEOF EOFError() True\n");
}

TEST(Pipes, AWriteEndLeftOpenInTheParentKeepsTheReaderWaiting) {
  ProgramOutcome o = run(R"PY(
from multiprocessing import Process, Pipe
def worker(conn):
    conn.send(1)
if __name__ == '__main__':
    parent_conn, child_conn = Pipe()
    p = Process(target=worker, args=(child_conn,))
    p.start()
    p.join()
    print(parent_conn.recv(), parent_conn.poll(0.5))
)PY");
  EXPECT_EQ(o.stdoutText, "1 False\n");
}

TEST(Pipes, ASpawnedChildsWriteEndCountsToo) {
  ProgramOutcome o = run(R"PY(
from multiprocessing import Process, Pipe
def worker(conn):
    conn.send('from the child')
if __name__ == '__main__':
    r, w = Pipe(duplex=False)
    p = Process(target=worker, args=(w,))
    p.start()
    w.close()
    print(r.recv())
    try:
        r.recv()
    except EOFError:
        print('EOF after the child ended')
    p.join()
)PY", "start_method=spawn");
  EXPECT_EQ(o.stdoutText, "from the child\nEOF after the child ended\n");
}

TEST(StartMethod, AProgramsChoiceOverridesTheSettingAndSetsTheStartUpCost) {
  const char* src = R"PY(
import multiprocessing as mp
import time
def nothing(): pass
if __name__ == '__main__':
    mp.set_start_method('spawn')
    t = time.perf_counter()
    p = mp.Process(target=nothing); p.start(); p.join()
    spawned = time.perf_counter() - t
    t = time.perf_counter()
    p = mp.get_context('fork').Process(target=nothing); p.start(); p.join()
    forked = time.perf_counter() - t
    print(p.name, spawned > 0.045, forked < 0.005)
)PY";
  EXPECT_EQ(run(src, "start_method=fork").stdoutText, "ForkProcess-2 True True\n");
}
