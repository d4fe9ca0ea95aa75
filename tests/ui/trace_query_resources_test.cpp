// The cursor panel's Locks and Queues tables without ImGui: the state of every resource at a
// time (binary search over its history), split into locks and queues, and the rows' text.
#include <gtest/gtest.h>

#include "runner.h"
#include "trace_query.h"

namespace interleave::ui {
namespace {

ResourceState state(Nanos time, int32_t owner, int64_t count, std::vector<int32_t> waiters = {},
                    std::vector<int32_t> putters = {}, std::vector<std::string> items = {}) {
  ResourceState s;
  s.time = time;
  s.owner = owner;
  s.count = count;
  s.waiters = std::move(waiters);
  s.putters = std::move(putters);
  s.items = std::move(items);
  s.waiting = static_cast<int64_t>(s.waiters.size());
  s.putting = static_cast<int64_t>(s.putters.size());
  return s;
}

// Lanes 0..2 named main, worker, helper; a lock, a semaphore and a queue.
Trace sample() {
  Trace t;
  for (const char* name : {"main", "worker", "helper"}) {
    Lane l;
    l.id = static_cast<int32_t>(t.lanes.size());
    l.name = name;
    t.lanes.push_back(l);
  }
  Resource lock;
  lock.id = 0;
  lock.kind = ResourceKind::RLock;
  lock.name = "lock";
  lock.created = 5;
  lock.history = {state(5, -1, 0), state(10, 1, 1), state(20, 1, 2, {0, 2}), state(30, -1, 0)};
  Resource q;
  q.id = 1;
  q.kind = ResourceKind::Queue;
  q.name = "q";
  q.created = 0;
  q.capacity = 10;
  q.history = {state(0, -1, 0, {1}), state(15, -1, 7, {}, {2}, {"'a'", "('b', 2)"})};
  q.truncatedAt = 40;
  Resource sem;
  sem.id = 2;
  sem.kind = ResourceKind::BoundedSemaphore;
  sem.name = "sem";
  sem.created = 25;
  sem.capacity = 2;
  sem.history = {state(25, -1, 0, {1})};
  t.resources = {lock, q, sem};
  return t;
}

}  // namespace

TEST(ResourceQuery, StateAtTIsTheLastOneAtOrBeforeIt) {
  Trace t = sample();
  const Resource& lock = t.resources[0];
  EXPECT_EQ(resourceStateAt(lock, 4), nullptr);
  EXPECT_EQ(resourceStateAt(lock, 5), &lock.history[0]);
  EXPECT_EQ(resourceStateAt(lock, 19), &lock.history[1]);
  EXPECT_EQ(resourceStateAt(lock, 20), &lock.history[2]);
  EXPECT_EQ(resourceStateAt(lock, 1'000'000), &lock.history[3]);
  Resource empty;
  EXPECT_EQ(resourceStateAt(empty, 0), nullptr);
}

TEST(ResourceQuery, LocksAndQueuesAreListedApartOnceMade) {
  Trace t = sample();
  std::vector<ResourceAt> locks = resourcesAt(t, 22, false);
  ASSERT_EQ(locks.size(), 1u);  // sem is made at 25
  EXPECT_EQ(locks[0].resource->name, "lock");
  EXPECT_EQ(locks[0].state->count, 2);
  EXPECT_EQ(resourcesAt(t, 25, false).size(), 2u);
  std::vector<ResourceAt> queues = resourcesAt(t, 22, true);
  ASSERT_EQ(queues.size(), 1u);
  EXPECT_EQ(queues[0].resource->name, "q");
  EXPECT_FALSE(queues[0].pastHistory);
  EXPECT_TRUE(resourcesAt(t, 40, true)[0].pastHistory);
}

TEST(ResourceQuery, LockRowsSayWhoHoldsItHowDeepAndWhoWaits) {
  Trace t = sample();
  ResourceRow held = describeResource(t, resourcesAt(t, 20, false)[0]);
  EXPECT_EQ(held.name, "lock");
  EXPECT_EQ(held.kind, "threading.RLock");
  EXPECT_EQ(held.state, "held by worker (depth 2)");
  EXPECT_EQ(held.waiters, "main, helper");
  EXPECT_TRUE(held.held);
  ResourceRow free = describeResource(t, resourcesAt(t, 30, false)[0]);
  EXPECT_EQ(free.state, "free");
  EXPECT_FALSE(free.held);
  ResourceRow sem = describeResource(t, resourcesAt(t, 26, false)[1]);
  EXPECT_EQ(sem.state, "value 0 / 2");
  EXPECT_EQ(sem.waiters, "worker");
  EXPECT_TRUE(sem.held);
}

TEST(ResourceQuery, QueueRowsShowSizeItemsAndBothKindsOfWaiters) {
  Trace t = sample();
  ResourceRow empty = describeResource(t, resourcesAt(t, 1, true)[0]);
  EXPECT_EQ(empty.state, "0 / 10");
  EXPECT_EQ(empty.items, "");
  EXPECT_EQ(empty.waiters, "get: worker");
  ResourceRow busy = describeResource(t, resourcesAt(t, 15, true)[0]);
  EXPECT_EQ(busy.state, "7 / 10");
  EXPECT_EQ(busy.items, "'a', ('b', 2), ... +5 more");
  EXPECT_EQ(busy.waiters, "put: helper");
  // Past the named waiters, a count.
  t.resources[1].history[1].waiting = 20;
  t.resources[1].history[1].waiters = {0, 1};
  EXPECT_EQ(describeResource(t, resourcesAt(t, 15, true)[0]).waiters, "get: main, worker, ... +18 more  put: helper");
  ResourceRow late = describeResource(t, resourcesAt(t, 50, true)[0]);
  EXPECT_EQ(late.state, "7 / 10  (history limit: later changes not kept)");
}

TEST(ResourceQuery, SteppingStopsAtResourceChanges) {
  Trace t = sample();  // no segments: only resource states
  std::vector<Nanos> forward;
  for (Nanos c = -1; (c = nextChange(t, c)) >= 0;) forward.push_back(c);
  EXPECT_EQ(forward, (std::vector<Nanos>{0, 5, 10, 15, 20, 25, 30}));
  EXPECT_EQ(prevChange(t, 25), 20);
  EXPECT_EQ(prevChange(t, 0), -1);
}

TEST(ResourceQuery, ARealRunShowsTheLockHolderAndTheQueueAtTheCursor) {
  lang::ProgramOutcome o = lang::runProgram("main.py", R"PY(
import threading, queue, time
lock = threading.Lock()
jobs = queue.Queue()
def worker():
    with lock:
        jobs.put("job-1")
        time.sleep(0.01)
t = threading.Thread(target=worker, name="worker")
t.start()
time.sleep(0.005)
print("look now")
t.join()
)PY", "");
  ASSERT_EQ(o.exitCode, 0) << o.stderrText;
  Nanos now = -1;
  for (const OutputLine& l : o.trace.output) {
    if (l.text == "look now") now = l.time;
  }
  std::vector<ResourceAt> locks = resourcesAt(o.trace, now, false);
  std::vector<ResourceAt> queues = resourcesAt(o.trace, now, true);
  ASSERT_EQ(locks.size(), 1u);
  ASSERT_EQ(queues.size(), 1u);
  EXPECT_EQ(describeResource(o.trace, locks[0]).state, "held by worker");
  ResourceRow q = describeResource(o.trace, queues[0]);
  EXPECT_EQ(q.name, "jobs");
  EXPECT_EQ(q.state, "1");
  EXPECT_EQ(q.items, "'job-1'");
}

}  // namespace interleave::ui
