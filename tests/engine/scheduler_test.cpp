#include <gtest/gtest.h>

#include "run_limits.h"
#include "sim_test_util.h"

using namespace interleave;
using namespace interleave::testing;

TEST(Scheduler, ThreadsBeyondTheCoresAreTimeSlicedRoundRobin) {
  Program main;
  for (int i = 0; i < 4; ++i) main.spawn(i, "n" + std::to_string(i), Program().native(30 * kMillisecond));
  for (int i = 0; i < 4; ++i) main.join(i);
  Trace t = runMain(machine("cores=1"), std::move(main));
  // One core does all 120 ms of work, plus a context switch per slice.
  EXPECT_GE(t.metrics.makespan, 120 * kMillisecond);
  EXPECT_LE(t.metrics.makespan, 121 * kMillisecond);
  // While others were runnable, no thread ran longer than one time slice at a stretch.
  const Lane& core = t.lanes[0];
  int slices = 0;
  for (const Segment& s : core.segments) {
    if (s.state != State::RunningNative) continue;
    EXPECT_LE(s.end - s.start, t.config.timeSlice + t.config.contextSwitch);
    ++slices;
  }
  EXPECT_GE(slices, 120 / 3);
  for (int i = 0; i < 4; ++i) {
    EXPECT_GT(timeIn(laneOf(t, "n" + std::to_string(i)), State::Runnable), 50 * kMillisecond);
  }
}

TEST(Scheduler, AThreadAloneKeepsItsCoreAcrossSlices) {
  Trace t = runMain(machine("cores=1"), Program().native(20 * kMillisecond));
  EXPECT_LE(t.metrics.contextSwitches, 2);
  EXPECT_NEAR(static_cast<double>(t.metrics.makespan), 20.0 * kMillisecond, 10 * kMicrosecond);
}

TEST(Scheduler, ContextSwitchesCostTheirTimeOnTheCore) {
  Trace t = runMain(machine("cores=1 context_switch=10us"),
                    Program().spawn(0, "x", Program().repeat(10, Program().io(kMillisecond))).join(0));
  int switches = 0;
  for (const Segment& s : t.lanes[0].segments) {
    if (s.state == State::ContextSwitch) {
      EXPECT_EQ(s.end - s.start, 10 * kMicrosecond);
      ++switches;
    }
  }
  EXPECT_EQ(switches, t.metrics.contextSwitches);
  EXPECT_GE(switches, 10);
}

TEST(Scheduler, MemoryCountsInterpreterAndThreadStacks) {
  Program main;
  for (int i = 0; i < 10; ++i) main.spawn(i, "t" + std::to_string(i), Program().io(10 * kMillisecond));
  for (int i = 0; i < 10; ++i) main.join(i);
  Trace t = runMain(machine(), std::move(main));
  MachineConfig c;
  EXPECT_EQ(t.metrics.peakMemoryBytes, c.processBaseBytes + 11 * c.threadStackBytes);
  ASSERT_FALSE(t.counters.empty());
  EXPECT_EQ(t.counters[0].points.back().value, 0);  // everything released at the end
}

TEST(Scheduler, RunningInSlicesGivesTheSameTraceAsOneRun) {
  auto build = [](Simulation& sim) {
    Program main = Program()
                       .spawn(0, "cpu", Program().cpu(50 * kMillisecond))
                       .spawn(1, "io", Program().repeat(10, Program().io(kMillisecond)))
                       .join(0)
                       .join(1);
    sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  };
  Simulation whole(machine());
  build(whole);
  whole.run();
  Simulation sliced(machine());
  build(sliced);
  int slices = 0;
  RunProgress last;
  while (!(last = sliced.runFor(25)).finished) {
    ++slices;
    ASSERT_LT(slices, 100000);
  }
  EXPECT_GT(slices, 5);
  EXPECT_EQ(whole.trace().hash(), sliced.trace().hash());
  Simulation byTime(machine());
  build(byTime);
  RunProgress p = byTime.runUntil(10 * kMillisecond);
  EXPECT_FALSE(p.finished);
  EXPECT_LE(p.now, 10 * kMillisecond);
  byTime.run();
  EXPECT_EQ(whole.trace().hash(), byTime.trace().hash());
}

TEST(Limits, AnEndlessLoopStopsAtTheVirtualTimeLimitWithAMessage) {
  Trace t = runMain(machine(), Program().cpu(limits::kMaxVirtualTime + kSecond));
  EXPECT_FALSE(t.completed);
  EXPECT_NE(t.stopReason.find("kMaxVirtualTime"), std::string::npos) << t.stopReason;
}

TEST(Limits, TooManyThreadsStopTheRunWithAMessage) {
  Trace t = runMain(machine(), Program().repeat(limits::kMaxThreads + 10,
                                                Program().spawn(0, "", Program().io(kSecond))));
  EXPECT_FALSE(t.completed);
  EXPECT_NE(t.stopReason.find("kMaxThreads"), std::string::npos) << t.stopReason;
}

TEST(Limits, HugeOutputStopsTheRunWithAMessage) {
  std::string line(1000, 'x');
  Trace t = runMain(machine(), Program().repeat(10000, Program().print(line)));
  EXPECT_FALSE(t.completed);
  EXPECT_NE(t.stopReason.find("kMaxOutputBytes"), std::string::npos) << t.stopReason;
}

TEST(Limits, CancelStopsARunAndKeepsTheTraceSoFar) {
  Simulation sim(machine());
  sim.startMainProcess("MainProcess", makeProgramBody(Program().cpu(10 * kSecond)));
  sim.runUntil(kSecond);
  sim.cancel("cancelled by the user");
  EXPECT_TRUE(sim.finished());
  EXPECT_EQ(sim.trace().stopReason, "cancelled by the user");
  EXPECT_GT(sim.trace().lanes.size(), 1u);
}
