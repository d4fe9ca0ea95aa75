// Trace resources of Python programs: threading's locks and semaphores, queue's queues,
// multiprocessing's queues and locks and asyncio's locks, semaphores and queues appear with
// their owner, waiters and items over time, named after their variable, without changing the
// run.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "runner.h"
#include "trace_writers.h"

using namespace interleave;
using namespace interleave::lang;

namespace {

ProgramOutcome run(const std::string& source, const std::string& settings = "") {
  ProgramOutcome o = runProgram("main.py", source, settings);
  EXPECT_EQ(o.exitCode, 0) << o.stderrText;
  return o;
}

const Resource& named(const Trace& t, const std::string& name) {
  for (const Resource& r : t.resources) {
    if (r.name == name) return r;
  }
  std::string all;
  for (const Resource& r : t.resources) all += " '" + r.name + "'";
  throw std::runtime_error("no resource '" + name + "' among" + all);
}

int32_t threadLane(const Trace& t, const std::string& name) {
  for (const ThreadInfo& th : t.threads) {
    if (th.name == name) return th.lane;
  }
  throw std::runtime_error("no thread " + name);
}

int32_t laneNamed(const Trace& t, const std::string& name) {
  for (const Lane& l : t.lanes) {
    if (l.name == name) return l.id;
  }
  throw std::runtime_error("no lane " + name);
}

// The state at time t: the last one at or before it.
const ResourceState& at(const Resource& r, Nanos t) {
  const ResourceState* s = &r.history.front();
  for (const ResourceState& x : r.history) {
    if (x.time <= t) s = &x;
  }
  return *s;
}

Nanos outputTime(const Trace& t, const std::string& text) {
  for (const OutputLine& l : t.output) {
    if (l.text == text) return l.time;
  }
  throw std::runtime_error("no output " + text);
}

}  // namespace

TEST(TraceResources, LockOwnerIsTheThreadThatAcquiredIt) {
  ProgramOutcome o = run(R"PY(
import threading, time
lock = threading.Lock()
def worker():
    with lock:
        print("worker has it")
        time.sleep(0.01)
lock.acquire()
t = threading.Thread(target=worker, name="worker")
t.start()
time.sleep(0.005)
print("main waits")
lock.release()
t.join()
)PY");
  const Trace& t = o.trace;
  const Resource& r = named(t, "lock");
  EXPECT_EQ(r.kind, ResourceKind::Lock);
  EXPECT_EQ(r.line, 3);
  const int32_t main = threadLane(t, "MainThread"), worker = threadLane(t, "worker");
  const ResourceState& waiting = at(r, outputTime(t, "main waits"));
  EXPECT_EQ(waiting.owner, main);
  EXPECT_EQ(waiting.waiters, std::vector<int32_t>{worker});
  const ResourceState& handed = at(r, outputTime(t, "worker has it"));
  EXPECT_EQ(handed.owner, worker);
  EXPECT_TRUE(handed.waiters.empty());
  EXPECT_EQ(r.history.back().owner, -1);
  EXPECT_EQ(r.history.front().time, r.created);
}

TEST(TraceResources, RLockRecordsItsRecursionLevel) {
  ProgramOutcome o = run(R"PY(
import threading
from interleave import cpu
rl = threading.RLock()
with rl:
    cpu(0.001)
    with rl:
        cpu(0.001)
        print("two deep")
    print("one deep")
)PY");
  const Resource& r = named(o.trace, "rl");
  EXPECT_EQ(r.kind, ResourceKind::RLock);
  EXPECT_EQ(at(r, outputTime(o.trace, "two deep")).count, 2);
  EXPECT_EQ(at(r, outputTime(o.trace, "one deep")).count, 1);
  EXPECT_EQ(at(r, outputTime(o.trace, "one deep")).owner, threadLane(o.trace, "MainThread"));
  EXPECT_EQ(r.history.back().count, 0);
}

TEST(TraceResources, QueueShowsItsItemsAfterPutAndGet) {
  ProgramOutcome o = run(R"PY(
import queue
from interleave import cpu
q = queue.Queue(maxsize=10)
q.put("a")
cpu(0.001)
q.put(("b", 2))
cpu(0.001)
print("two in")
q.get()
cpu(0.001)
print("one out")
)PY");
  const Resource& r = named(o.trace, "q");
  EXPECT_EQ(r.kind, ResourceKind::Queue);
  EXPECT_EQ(r.capacity, 10);
  const ResourceState& two = at(r, outputTime(o.trace, "two in"));
  EXPECT_EQ(two.count, 2);
  EXPECT_EQ(two.items, (std::vector<std::string>{"'a'", "('b', 2)"}));
  const ResourceState& one = at(r, outputTime(o.trace, "one out"));
  EXPECT_EQ(one.items, std::vector<std::string>{"('b', 2)"});
  EXPECT_EQ(r.history.front().count, 0);
}

TEST(TraceResources, LifoQueueListsItemsInTheOrderGetTakesThem) {
  ProgramOutcome o = run(R"PY(
import queue
stack = queue.LifoQueue()
for i in range(3):
    stack.put(i)
print("full")
)PY");
  const Resource& r = named(o.trace, "stack");
  EXPECT_EQ(r.kind, ResourceKind::LifoQueue);
  EXPECT_EQ(r.history.back().items, (std::vector<std::string>{"2", "1", "0"}));
}

TEST(TraceResources, QueueRecordsTheThreadsWaitingToGetAndToPut) {
  ProgramOutcome o = run(R"PY(
import queue, threading, time
empty = queue.Queue()
full = queue.Queue(maxsize=1)
full.put(0)
g = threading.Thread(target=empty.get, name="getter")
p = threading.Thread(target=full.put, args=(1,), name="putter")
g.start(); p.start()
time.sleep(0.01)
print("both wait")
empty.put(1)
full.get()
g.join(); p.join()
)PY");
  const Trace& t = o.trace;
  const Nanos both = outputTime(t, "both wait");
  EXPECT_EQ(at(named(t, "empty"), both).waiters, std::vector<int32_t>{threadLane(t, "getter")});
  EXPECT_EQ(at(named(t, "full"), both).putters, std::vector<int32_t>{threadLane(t, "putter")});
  EXPECT_TRUE(named(t, "empty").history.back().waiters.empty());
  EXPECT_TRUE(named(t, "full").history.back().putters.empty());
  EXPECT_EQ(named(t, "full").history.back().items, std::vector<std::string>{"1"});
}

TEST(TraceResources, SemaphoreRecordsItsValueAndWaiters) {
  ProgramOutcome o = run(R"PY(
import threading, time
sem = threading.BoundedSemaphore(2)
def hold(): 
    with sem:
        time.sleep(0.01)
ts = [threading.Thread(target=hold, name=f"t{i}") for i in range(3)]
for t in ts: t.start()
time.sleep(0.005)
print("third waits")
for t in ts: t.join()
)PY");
  const Resource& r = named(o.trace, "sem");
  EXPECT_EQ(r.kind, ResourceKind::BoundedSemaphore);
  EXPECT_EQ(r.capacity, 2);
  const ResourceState& s = at(r, outputTime(o.trace, "third waits"));
  EXPECT_EQ(s.count, 0);
  EXPECT_EQ(s.waiters, std::vector<int32_t>{threadLane(o.trace, "t2")});
  EXPECT_EQ(s.waiting, 1);
  EXPECT_EQ(r.history.back().count, 2);
  EXPECT_EQ(r.history.front().count, 2);
}

TEST(TraceResources, NamesComeFromWhereTheObjectIsStored) {
  ProgramOutcome o = run(R"PY(
import threading, queue
class Account:
    def __init__(self):
        self.lock = threading.Lock()
def make():
    local_q = queue.Queue()
    return local_q
a = Account()
b = Account()
q = make()
locks = [threading.Lock() for _ in range(2)]
for l in locks:
    l.acquire(); l.release()
a.lock.acquire(); a.lock.release()
b.lock.acquire(); b.lock.release()
q.put(1)
)PY");
  std::vector<std::string> names;
  for (const Resource& r : o.trace.resources) names.push_back(r.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Lock (line 12)", "Lock (line 12) #2", "local_q", "self.lock",
                                             "self.lock #2"}));
}

TEST(TraceResources, LocksInsideTheLibraryAreNotResources) {
  // A Condition's waiter locks, a Queue's mutex, an Event's lock, an executor's queues: parts of
  // other objects, not resources of their own.
  ProgramOutcome o = run(R"PY(
import threading, queue
from concurrent.futures import ThreadPoolExecutor
cond = threading.Condition()
ev = threading.Event()
q = queue.Queue()
def wait():
    with cond:
        cond.wait(0.001)
    ev.set()
with ThreadPoolExecutor(2) as ex:
    ex.submit(wait).result()
q.put(ev.is_set())
)PY");
  ASSERT_EQ(o.trace.resources.size(), 1u);
  EXPECT_EQ(o.trace.resources[0].name, "q");
}

TEST(TraceResources, ItemsShowWithoutRunningTheirRepr) {
  ProgramOutcome o = run(R"PY(
import queue
class Job:
    def __repr__(self):
        print("repr ran")
        return "Job()"
q = queue.Queue()
q.put(Job())
q.put("x" * 100)
q.put({"k": [1, [2, [3, [4]]]]})
q.put(10 ** 2000)
)PY");
  EXPECT_EQ(o.stdoutText, "");
  const std::vector<std::string>& items = named(o.trace, "q").history.back().items;
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0], "<Job object>");
  EXPECT_EQ(items[1], "'" + std::string(kMaxResourceItemBytes - 1, 'x') + "\xE2\x80\xA6");
  EXPECT_EQ(items[2], "{'k': [1, [2, [...]]]}");
  EXPECT_EQ(items[3], "<int of 6644 bits>");
}

TEST(TraceResources, HistoryStopsAtTheLimitAndCountsTheRest) {
  ProgramOutcome o = run(R"PY(
import queue
from interleave import cpu
q = queue.Queue()
for i in range(12000):
    q.put(i)
print(q.qsize())
)PY");
  EXPECT_EQ(o.stdoutText, "12000\n");
  const Resource& r = named(o.trace, "q");
  EXPECT_EQ(r.history.size(), kMaxResourceHistory);
  EXPECT_EQ(r.changes, 12001);
  EXPECT_GT(r.truncatedAt, r.history.back().time);
}

TEST(TraceResources, AsyncioLockOwnerIsTheTaskThatTookIt) {
  ProgramOutcome o = run(R"PY(
import asyncio
async def worker(lock, n):
    async with lock:
        print(f"w{n} has it")
        await asyncio.sleep(0.01)
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(asyncio.create_task(worker(lock, 1), name="w1"),
                         asyncio.create_task(worker(lock, 2), name="w2"))
asyncio.run(main())
)PY");
  const Trace& t = o.trace;
  const Resource& r = named(t, "lock");
  EXPECT_EQ(r.kind, ResourceKind::AsyncLock);
  // Observed when the step that took it ends (after the print), while the holder sleeps 10 ms.
  const ResourceState& first = at(r, outputTime(t, "w1 has it") + kMillisecond);
  EXPECT_EQ(first.owner, laneNamed(t, "w1"));
  EXPECT_EQ(first.count, 1);
  // w2's step ends awaiting the lock: it is the waiter while w1 sleeps.
  EXPECT_EQ(at(r, outputTime(t, "w1 has it") + 5 * kMillisecond).waiters, std::vector<int32_t>{laneNamed(t, "w2")});
  EXPECT_EQ(at(r, outputTime(t, "w2 has it") + kMillisecond).owner, laneNamed(t, "w2"));
  EXPECT_TRUE(at(r, outputTime(t, "w2 has it") + kMillisecond).waiters.empty());
  EXPECT_EQ(r.history.back().owner, -1);
}

TEST(TraceResources, AsyncioQueueAndSemaphoreRecordItemsValueAndWaiters) {
  ProgramOutcome o = run(R"PY(
import asyncio
async def consumer(q):
    return await q.get()
async def holder(sem):
    async with sem:
        await asyncio.sleep(0.01)
async def main():
    q = asyncio.Queue()
    sem = asyncio.Semaphore(1)
    c = asyncio.create_task(consumer(q), name="consumer")
    h = [asyncio.create_task(holder(sem), name=f"h{i}") for i in range(2)]
    await asyncio.sleep(0.005)
    print("waiting")
    await q.put("job")
    await q.put("more")
    print("put")
    await c
    await asyncio.gather(*h)
asyncio.run(main())
)PY");
  const Trace& t = o.trace;
  const Nanos waiting = outputTime(t, "waiting");
  EXPECT_EQ(at(named(t, "q"), waiting).waiters, std::vector<int32_t>{laneNamed(t, "consumer")});
  // Both puts happen in one step of main: the state after it holds both items.
  bool both = false;
  for (const ResourceState& x : named(t, "q").history) {
    both |= x.items == std::vector<std::string>{"'job'", "'more'"} && x.time >= outputTime(t, "put");
  }
  EXPECT_TRUE(both);
  EXPECT_EQ(named(t, "q").history.back().items, std::vector<std::string>{"'more'"});
  const ResourceState& s = at(named(t, "sem"), waiting);
  EXPECT_EQ(s.count, 0);
  EXPECT_EQ(s.waiters, std::vector<int32_t>{laneNamed(t, "h1")});
  EXPECT_EQ(named(t, "sem").history.back().count, 1);
}

TEST(TraceResources, ManyWaitingTasksAreCountedAndTheFirstNamed) {
  ProgramOutcome o = run(R"PY(
import asyncio
async def worker(lock):
    async with lock:
        await asyncio.sleep(0.001)
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*[asyncio.create_task(worker(lock), name=f"w{i}") for i in range(40)])
asyncio.run(main())
)PY");
  const Resource& r = named(o.trace, "lock");
  const ResourceState* most = &r.history.front();
  for (const ResourceState& s : r.history) {
    if (s.waiting > most->waiting) most = &s;
  }
  EXPECT_EQ(most->waiting, 39);
  ASSERT_EQ(most->waiters.size(), kMaxResourceWaiters);
  EXPECT_EQ(most->waiters.front(), laneNamed(o.trace, "w1"));
  EXPECT_EQ(r.history.back().waiting, 0);
}

TEST(TraceResources, MultiprocessingQueueShowsThePickledItems) {
  ProgramOutcome o = run(R"PY(
import multiprocessing as mp
def produce(q):
    q.put({"n": 1})
    q.put([2, 3])
if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q,))
    p.start()
    p.join()
    print("joined")
    print(q.get(), q.get())
)PY");
  const Resource& r = named(o.trace, "q");
  EXPECT_EQ(r.kind, ResourceKind::MpQueue);
  const ResourceState& s = at(r, outputTime(o.trace, "joined"));
  EXPECT_EQ(s.items, (std::vector<std::string>{"{'n': 1}", "[2, 3]"}));
  EXPECT_EQ(r.history.back().count, 0);
}

TEST(TraceResources, FreedObjectsKeepTheirHistory) {
  // Queues dropped and collected (a collection runs after 100,000 allocations) keep what they
  // recorded; later objects at the same addresses are new resources.
  ProgramOutcome o = run(R"PY(
import queue
def use(n):
    q = queue.Queue()
    q.put(n)
for i in range(3):
    use(i)
junk = [[i] for i in range(150000)]
del junk
for i in range(3):
    use(i)
print("done")
)PY");
  ASSERT_EQ(o.trace.resources.size(), 6u);
  for (const Resource& r : o.trace.resources) {
    EXPECT_EQ(r.history.back().count, 1) << r.name;
  }
  EXPECT_EQ(o.trace.resources[5].name, "q #6");
}

TEST(TraceResources, ProgramsMakingThousandsOfLocksRecordTheFirstThousand) {
  ProgramOutcome o = run(R"PY(
import threading
locks = [threading.Lock() for _ in range(3000)]
for l in locks[:10]:
    l.acquire()
print(len(locks))
)PY");
  EXPECT_EQ(o.stdoutText, "3000\n");
  EXPECT_EQ(o.trace.resources.size(), kMaxResources);
  EXPECT_EQ(o.trace.resourcesUnrecorded, 2000);
  EXPECT_EQ(o.trace.resources[9].history.back().count, 1);
}

TEST(TraceResources, RecordingChangesNothingElseInTheTrace) {
  const std::string program = R"PY(
import threading, queue, asyncio, time
from interleave import cpu
lock = threading.Lock()
q = queue.Queue(maxsize=2)
sem = threading.Semaphore(2)
def work(n):
    for i in range(20):
        with sem:
            with lock:
                cpu(0.0002)
            q.put(n * 100 + i)
def drain():
    for _ in range(60):
        q.get()
        time.sleep(0.0001)
ts = [threading.Thread(target=work, args=(n,)) for n in range(3)] + [threading.Thread(target=drain)]
for t in ts: t.start()
for t in ts: t.join()
async def amain():
    lk = asyncio.Lock()
    aq = asyncio.Queue()
    async def w(n):
        async with lk:
            await aq.put(n)
            await asyncio.sleep(0.001)
    await asyncio.gather(*(w(n) for n in range(5)))
asyncio.run(amain())
print("done")
)PY";
  ProgramOutcome traced = run(program, "cores=2");
  setResourceRecording(false);
  ProgramOutcome plain = run(program, "cores=2");
  setResourceRecording(true);
  EXPECT_EQ(traced.trace.resources.size(), 5u);
  EXPECT_TRUE(plain.trace.resources.empty());
  traced.trace.resources.clear();
  EXPECT_EQ(traceToJson(traced.trace), traceToJson(plain.trace));
  EXPECT_EQ(traced.stdoutText, "done\n");
}
