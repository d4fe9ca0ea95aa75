#include <gtest/gtest.h>

#include "sim_test_util.h"

using namespace interleave;
using namespace interleave::testing;

namespace {
struct Log {
  std::vector<std::string> entries;
  std::function<void(ThreadContext&)> add(std::string what) {
    return [this, what](ThreadContext&) { entries.push_back(what); };
  }
};
}  // namespace

TEST(Lock, WaitersAreHandedTheLockInArrivalOrder) {
  Log log;
  Simulation sim(machine());
  int32_t lock = sim.createLock();
  Program main;
  main.acquire(lock);
  for (int i = 0; i < 3; ++i) {
    std::string name = "w" + std::to_string(i);
    // Staggered arrivals: w0 blocks first, then w1, then w2.
    main.spawn(i, name, Program().acquire(lock).call(log.add(name)).release(lock)).io(kMillisecond);
  }
  main.release(lock);
  for (int i = 0; i < 3; ++i) main.join(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  EXPECT_TRUE(sim.trace().completed) << sim.trace().stopReason;
  EXPECT_EQ(log.entries, (std::vector<std::string>{"w0", "w1", "w2"}));
}

TEST(Lock, ReleaseHandsOffEvenIfTheReleaserWantsItBackAtOnce) {
  // FIFO hand-off: the releaser cannot barge back in front of a blocked waiter.
  Log log;
  Simulation sim(machine());
  int32_t lock = sim.createLock();
  Program main;
  main.acquire(lock)
      .spawn(0, "waiter", Program().acquire(lock).call(log.add("waiter")).release(lock))
      .io(kMillisecond)
      .release(lock)
      .acquire(lock)
      .call(log.add("main again"))
      .release(lock)
      .join(0);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  EXPECT_EQ(log.entries, (std::vector<std::string>{"waiter", "main again"}));
}

TEST(Lock, AcquireWithTimeoutGivesUp) {
  Log log;
  Simulation sim(machine());
  int32_t lock = sim.createLock();
  Program main;
  main.acquire(lock)
      .spawn(0, "impatient", Program().acquire(lock, 2 * kMillisecond).call([&](ThreadContext& c) {
        log.entries.push_back(c.result() == 1 ? "got it" : "timed out");
      }))
      .io(10 * kMillisecond)
      .release(lock)
      .join(0);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  EXPECT_EQ(log.entries, (std::vector<std::string>{"timed out"}));
  EXPECT_TRUE(sim.trace().completed);
}

TEST(Semaphore, ARunningThreadCanBargeAheadOfANotifiedWaiter) {
  // threading.Semaphore is a Condition: release() notifies, the waiter must re-take the GIL
  // and re-check; the releaser, still running, takes the value back first.
  Log log;
  Simulation sim(machine());
  int32_t sem = sim.createSemaphore(1);
  Program main;
  main.semAcquire(sem)
      .spawn(0, "waiter", Program().semAcquire(sem).call(log.add("waiter")).semRelease(sem))
      .io(kMillisecond)
      .semRelease(sem)
      .semAcquire(sem)  // no blocking call in between: barges
      .call(log.add("main barged"))
      .io(kMillisecond)
      .semRelease(sem)
      .join(0);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  EXPECT_TRUE(sim.trace().completed) << sim.trace().stopReason;
  EXPECT_EQ(log.entries, (std::vector<std::string>{"main barged", "waiter"}));
}

TEST(Semaphore, LimitsConcurrencyToItsValue) {
  Simulation sim(machine("cores=8"));
  int32_t sem = sim.createSemaphore(2);
  Program main;
  for (int i = 0; i < 6; ++i) main.spawn(i, "f" + std::to_string(i), Program().semAcquire(sem).io(10 * kMillisecond).semRelease(sem));
  for (int i = 0; i < 6; ++i) main.join(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  // Six 10 ms requests, two at a time: three rounds.
  EXPECT_NEAR(static_cast<double>(sim.trace().metrics.makespan), 30.0 * kMillisecond, 1.0 * kMillisecond);
}

TEST(Event, SetWakesEveryWaiterInTheOrderTheyWaited) {
  Log log;
  Simulation sim(machine("cores=8"));
  int32_t ev = sim.createEvent();
  Program main;
  for (int i = 0; i < 3; ++i) {
    std::string n = "w" + std::to_string(i);
    main.spawn(i, n, Program().eventWait(ev).call(log.add(n))).io(kMillisecond);
  }
  main.eventSet(ev);
  for (int i = 0; i < 3; ++i) main.join(i);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  EXPECT_EQ(log.entries, (std::vector<std::string>{"w0", "w1", "w2"}));
}

TEST(Queue, ItemsComeOutFirstInFirstOutAndABoundedPutBlocks) {
  std::vector<int64_t> got;
  Clock clock;
  Simulation sim(machine());
  int32_t q = sim.createQueue(2);
  Program producer;
  for (int i = 0; i < 5; ++i) producer.put(q, i * 10);
  producer.call(clock.stamp());
  Program consumer;
  consumer.io(10 * kMillisecond);
  for (int i = 0; i < 5; ++i) consumer.get(q).call([&](ThreadContext& c) { got.push_back(c.result()); });
  Program main = Program().spawn(0, "producer", std::move(producer)).spawn(1, "consumer", std::move(consumer)).join(0).join(1);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  EXPECT_EQ(got, (std::vector<int64_t>{0, 10, 20, 30, 40}));
  // The producer could only finish after the consumer made room (maxsize 2).
  ASSERT_EQ(clock.stamps.size(), 1u);
  EXPECT_GE(clock.stamps[0], 10 * kMillisecond);
}

TEST(Join, WaitsForTheThreadToFinish) {
  Trace t = runMain(machine(), Program()
                                   .spawn(0, "slow", Program().io(20 * kMillisecond).print("slow done"))
                                   .join(0)
                                   .print("joined"));
  EXPECT_LE(outputTime(t, "slow done"), outputTime(t, "joined"));
  EXPECT_GE(outputTime(t, "joined"), 20 * kMillisecond);
}

TEST(Deadlock, TwoLocksTakenInOppositeOrderAreReportedWithTheThreads) {
  Simulation sim(machine());
  int32_t a = sim.createLock(), b = sim.createLock();
  Program main = Program()
                     .spawn(0, "left", Program().acquire(a).io(kMillisecond).acquire(b))
                     .spawn(1, "right", Program().acquire(b).io(kMillisecond).acquire(a))
                     .join(0)
                     .join(1);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  const Trace& t = sim.trace();
  EXPECT_FALSE(t.completed);
  EXPECT_NE(t.stopReason.find("deadlock"), std::string::npos);
  EXPECT_NE(t.stopReason.find("left"), std::string::npos);
  EXPECT_NE(t.stopReason.find("right"), std::string::npos);
  EXPECT_NE(t.stopReason.find("Lock.acquire()"), std::string::npos);
}
