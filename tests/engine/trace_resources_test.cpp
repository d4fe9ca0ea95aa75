// Trace resources at the engine level: the primitives the engine implements record their owner,
// waiters and items at every change, within the documented limits, without changing the run.
#include <gtest/gtest.h>

#include "sim_test_util.h"
#include "trace_writers.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

// Runs `main` with one traced primitive made by `make`; returns the trace.
Trace runTraced(Program main, const std::function<int32_t(Simulation&)>& make, int32_t* primitive,
                ResourceKind kind, bool trace = true) {
  Simulation sim(machine());
  *primitive = make(sim);
  if (trace) {
    int32_t r = sim.addResource(kind, "res", 0, 3, 0);
    sim.tracePrimitive(*primitive, r, 0);
  }
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  return sim.trace();
}

int32_t laneOfThread(const Trace& t, const std::string& name) { return threadNamed(t, name).lane; }

std::vector<int32_t> owners(const Resource& r) {
  std::vector<int32_t> out;
  for (const ResourceState& s : r.history) out.push_back(s.owner);
  return out;
}

}  // namespace

TEST(TraceResources, LockOwnerIsTheThreadThatAcquiredIt) {
  Simulation sim(machine());
  int32_t lock = sim.createLock();
  sim.tracePrimitive(lock, sim.addResource(ResourceKind::Lock, "lock", 0, 1, 0), 0);
  Program main;
  main.acquire(lock)
      .spawn(0, "worker", Program().acquire(lock).cpu(kMillisecond).release(lock))
      .io(kMillisecond)
      .release(lock)
      .join(0);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  const Trace& t = sim.trace();
  ASSERT_EQ(t.resources.size(), 1u);
  const Resource& r = t.resources[0];
  const int32_t mainLane = laneOfThread(t, "MainThread");
  const int32_t worker = laneOfThread(t, "worker");
  // Free, held by main, held by main with the worker waiting, handed to the worker, free.
  EXPECT_EQ(owners(r), (std::vector<int32_t>{-1, mainLane, mainLane, worker, -1}));
  EXPECT_EQ(r.history[2].waiters, std::vector<int32_t>{worker});
  EXPECT_TRUE(r.history[3].waiters.empty());
  EXPECT_EQ(r.history[3].count, 1);
  EXPECT_EQ(r.history[4].count, 0);
  // The hand-off happens when main releases, after its millisecond of I/O.
  EXPECT_GE(r.history[3].time, kMillisecond);
  for (size_t i = 1; i < r.history.size(); ++i) EXPECT_LE(r.history[i - 1].time, r.history[i].time);
}

TEST(TraceResources, RLockCountsItsRecursionLevel) {
  int32_t lock = -1;
  Program main;
  // The program refers to the lock by id: the first primitive made is 0. Changes at one instant
  // would leave only the last (the state from then on): each takes a little CPU.
  for (int i = 0; i < 3; ++i) main.acquire(0).cpu(100);
  for (int i = 0; i < 3; ++i) main.release(0).cpu(100);
  Trace t = runTraced(std::move(main), [](Simulation& s) { return s.createLock(true); }, &lock, ResourceKind::RLock);
  std::vector<int64_t> counts;
  for (const ResourceState& s : t.resources[0].history) counts.push_back(s.count);
  EXPECT_EQ(counts, (std::vector<int64_t>{0, 1, 2, 3, 2, 1, 0}));
}

TEST(TraceResources, ATimedOutWaiterLeavesTheWaiters) {
  int32_t lock = -1;
  Program main;
  main.acquire(0)
      .spawn(0, "impatient", Program().acquire(0, kMillisecond))
      .io(5 * kMillisecond)
      .release(0)
      .join(0);
  Trace t = runTraced(std::move(main), [](Simulation& s) { return s.createLock(); }, &lock, ResourceKind::Lock);
  const Resource& r = t.resources[0];
  const int32_t impatient = laneOfThread(t, "impatient");
  ASSERT_GE(r.history.size(), 4u);
  EXPECT_EQ(r.history[2].waiters, std::vector<int32_t>{impatient});
  EXPECT_TRUE(r.history[3].waiters.empty());
  EXPECT_EQ(r.history[3].owner, laneOfThread(t, "MainThread"));  // still main's
  EXPECT_GE(r.history[3].time, kMillisecond);
  EXPECT_LT(r.history[3].time, 5 * kMillisecond);
}

TEST(TraceResources, QueueShowsItsItemsInOrderAndWhoWaitsToGet) {
  Simulation sim(machine());
  int32_t q = sim.createQueue();
  sim.tracePrimitive(q, sim.addResource(ResourceKind::MpQueue, "q", 0, 1, 0), 0);
  sim.setItemRepr([](int64_t item) { return "item" + std::to_string(item); });
  Program main;
  main.spawn(0, "consumer", Program().get(q).cpu(100).get(q))
      .io(kMillisecond)
      .put(q, 1)
      .cpu(100)
      .put(q, 2)
      .cpu(100)
      .put(q, 3)
      .join(0);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  const Trace& t = sim.trace();
  const Resource& r = t.resources[0];
  const int32_t consumer = laneOfThread(t, "consumer");
  // The consumer waits in get(); put(1) hands it item 1; later puts queue up until it gets 2.
  ASSERT_GE(r.history.size(), 3u);
  EXPECT_EQ(r.history[1].waiters, std::vector<int32_t>{consumer});
  EXPECT_EQ(r.history[1].count, 0);
  const ResourceState& last = r.history.back();
  EXPECT_EQ(last.count, 1);
  EXPECT_EQ(last.items, std::vector<std::string>{"item3"});
  bool sawTwo = false;
  for (const ResourceState& s : r.history) {
    if (s.items == std::vector<std::string>{"item2", "item3"}) sawTwo = true;
    EXPECT_EQ(s.count, static_cast<int64_t>(s.items.size()));
  }
  EXPECT_TRUE(sawTwo);
}

TEST(TraceResources, QueueShowsAtMostTheItemLimitButCountsAll) {
  int32_t q = -1;
  Program main;
  for (int i = 0; i < 12; ++i) main.put(0, i).cpu(100);
  Trace t = runTraced(std::move(main), [](Simulation& s) { return s.createQueue(); }, &q, ResourceKind::MpQueue);
  const ResourceState& last = t.resources[0].history.back();
  EXPECT_EQ(last.count, 12);
  ASSERT_EQ(last.items.size(), kMaxResourceItems);
  EXPECT_EQ(last.items.front(), "0");
}

TEST(TraceResources, SemaphoreRecordsItsValueAndWaiters) {
  int32_t sem = -1;
  Program main;
  main.semAcquire(0)
      .spawn(0, "second", Program().semAcquire(0).semRelease(0))
      .io(kMillisecond)
      .semRelease(0)
      .join(0);
  Trace t = runTraced(std::move(main), [](Simulation& s) { return s.createSemaphore(1); }, &sem,
                      ResourceKind::Semaphore);
  const Resource& r = t.resources[0];
  ASSERT_GE(r.history.size(), 3u);
  EXPECT_EQ(r.history[0].count, 1);
  EXPECT_EQ(r.history[1].count, 0);
  EXPECT_EQ(r.history[2].waiters, std::vector<int32_t>{laneOfThread(t, "second")});
  EXPECT_EQ(r.history.back().count, 1);
  EXPECT_TRUE(r.history.back().waiters.empty());
}

TEST(TraceResources, OnlyTheFirstWaitersAreNamedButAllAreCounted) {
  int32_t lock = -1;
  const int n = static_cast<int>(kMaxResourceWaiters) + 4;
  Program main;
  main.acquire(0);
  for (int i = 0; i < n; ++i) main.spawn(i, "w" + std::to_string(i), Program().acquire(0).release(0)).io(kMillisecond);
  main.release(0);
  for (int i = 0; i < n; ++i) main.join(i);
  Trace t = runTraced(std::move(main), [](Simulation& s) { return s.createLock(); }, &lock, ResourceKind::Lock);
  const Resource& r = t.resources[0];
  const ResourceState* most = &r.history[0];
  for (const ResourceState& s : r.history) {
    EXPECT_LE(s.waiters.size(), kMaxResourceWaiters);
    EXPECT_EQ(static_cast<size_t>(s.waiting), std::max(s.waiters.size(), static_cast<size_t>(s.waiting)));
    if (s.waiting > most->waiting) most = &s;
  }
  EXPECT_EQ(most->waiting, n);
  ASSERT_EQ(most->waiters.size(), kMaxResourceWaiters);
  EXPECT_EQ(most->waiters.front(), laneOfThread(t, "w0"));
}

TEST(TraceResources, HistoryStopsAtTheLimitButKeepsCounting) {
  int32_t lock = -1;
  const int64_t rounds = static_cast<int64_t>(kMaxResourceHistory);  // 2 changes each
  Program main;
  main.repeat(rounds, Program().acquire(0).cpu(100).release(0).cpu(100));
  Trace t = runTraced(std::move(main), [](Simulation& s) { return s.createLock(); }, &lock, ResourceKind::Lock);
  const Resource& r = t.resources[0];
  EXPECT_EQ(r.history.size(), kMaxResourceHistory);
  EXPECT_EQ(r.changes, 1 + 2 * rounds);
  ASSERT_GE(r.truncatedAt, 0);
  EXPECT_GT(r.truncatedAt, r.history.back().time);
}

TEST(TraceResources, RecordingChangesNothingElseInTheTrace) {
  auto program = [] {
    Program main;
    main.acquire(0)
        .spawn(0, "a", Program().acquire(0).cpu(2 * kMillisecond).release(0).put(1, 7))
        .spawn(1, "b", Program().get(1).acquire(0, kMillisecond))
        .cpu(3 * kMillisecond)
        .release(0)
        .join(0)
        .join(1);
    return main;
  };
  auto run = [&](bool traced) {
    Simulation sim(machine());
    int32_t lock = sim.createLock();
    int32_t q = sim.createQueue();
    if (traced) {
      sim.tracePrimitive(lock, sim.addResource(ResourceKind::Lock, "lock", 0, 1, 0), 0);
      sim.tracePrimitive(q, sim.addResource(ResourceKind::MpQueue, "q", 0, 2, 0), 0);
    }
    sim.startMainProcess("MainProcess", makeProgramBody(program()));
    sim.run();
    return sim.trace();
  };
  Trace traced = run(true);
  Trace plain = run(false);
  EXPECT_EQ(traced.resources.size(), 2u);
  EXPECT_GT(traced.resources[0].history.size(), 3u);
  traced.resources.clear();
  EXPECT_EQ(traceToJson(traced), traceToJson(plain));
}

TEST(TraceResources, ResourcesPastTheLimitAreOnlyCounted) {
  Simulation sim(machine());
  for (size_t i = 0; i < kMaxResources + 3; ++i) sim.addResource(ResourceKind::Lock, "l", 0, -1, 0);
  EXPECT_EQ(sim.trace().resources.size(), kMaxResources);
  EXPECT_EQ(sim.trace().resourcesUnrecorded, 3);
}

TEST(TraceResources, ARepeatedNameGetsANumber) {
  Simulation sim(machine());
  sim.addResource(ResourceKind::Lock, "lock", 0, -1, 0);
  sim.addResource(ResourceKind::Lock, "q", 0, -1, 0);
  sim.addResource(ResourceKind::Lock, "lock", 0, -1, 0);
  sim.addResource(ResourceKind::Lock, "lock", 0, -1, 0);
  const auto& rs = sim.trace().resources;
  EXPECT_EQ(rs[0].name, "lock");
  EXPECT_EQ(rs[1].name, "q");
  EXPECT_EQ(rs[2].name, "lock #2");
  EXPECT_EQ(rs[3].name, "lock #3");
}

TEST(TraceResources, ObservedStatesStaySortedAndTheLaterOfTwoAtOneInstantWins) {
  Simulation sim(machine());
  int32_t r = sim.addResource(ResourceKind::AsyncLock, "l", 0, -1, 0);
  auto state = [](Nanos t, int64_t count) {
    ResourceState s;
    s.time = t;
    s.count = count;
    return s;
  };
  sim.recordResource(r, state(10, 1));
  sim.recordResource(r, state(30, 2));
  sim.recordResource(r, state(20, 3));  // a runner that was behind
  sim.recordResource(r, state(30, 4));  // the same instant as the last: replaces it
  sim.recordResource(r, state(40, 4));  // no change: not a new state
  const Resource& res = sim.trace().resources[0];
  ASSERT_EQ(res.history.size(), 3u);
  EXPECT_EQ(res.history[0].time, 10);
  EXPECT_EQ(res.history[1].time, 20);
  EXPECT_EQ(res.history[2].time, 30);
  EXPECT_EQ(res.history[2].count, 4);
  EXPECT_EQ(res.changes, 4);
}

TEST(TraceResources, JsonListsEachResourceWithItsHistory) {
  int32_t q = -1;
  Program main;
  main.put(0, 5);
  Trace t = runTraced(std::move(main), [](Simulation& s) { return s.createQueue(4); }, &q, ResourceKind::MpQueue);
  std::string json = traceToJson(t);
  EXPECT_NE(json.find("\n\"resources\":[\n{\"id\":0,\"kind\":\"multiprocessing.Queue\",\"name\":\"res\",\"process\":0,"
                      "\"line\":3,\"created_ns\":0,\"capacity\":0,\"changes\":2,\"truncated_at_ns\":-1,\"history\":[\n"
                      "[0,-1,0,[],[],[],0,0],\n["),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(",1,[],[],[\"5\"],0,0]\n]}\n],\n\"resources_unrecorded\":0,\n\"strings\":"), std::string::npos) << json;
}

TEST(TraceResources, KindNamesRoundTrip) {
  for (int i = 0; i < static_cast<int>(ResourceKind::Count); ++i) {
    auto k = static_cast<ResourceKind>(i);
    EXPECT_EQ(resourceKindFromName(resourceKindName(k)), k);
  }
  EXPECT_EQ(resourceKindFromName("threading.Condition"), ResourceKind::Count);
  EXPECT_TRUE(resourceIsQueue(ResourceKind::AsyncQueue));
  EXPECT_FALSE(resourceIsQueue(ResourceKind::RLock));
}
