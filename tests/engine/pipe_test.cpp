// Pipes, select/poll, and the costs of waking up in a program with several processes: the idle
// core's exit latency, the cache refill after another process ran, a child's exit.
#include <gtest/gtest.h>

#include "sim_test_util.h"

using namespace interleave;
using namespace interleave::testing;

namespace {
// Records the result of the last request and the time, at this point of a program.
struct Probe {
  std::vector<int64_t> results;
  std::vector<Nanos> times;
  std::function<void(ThreadContext&)> record() {
    return [this](ThreadContext& ctx) {
      results.push_back(ctx.result());
      times.push_back(ctx.now());
    };
  }
};

int labelled(const Trace& t, const std::string& label) {
  int n = 0;
  for (const Lane& lane : t.lanes) {
    if (lane.kind != LaneKind::Thread) continue;
    for (const Segment& s : lane.segments) {
      if (s.label >= 0 && t.strings[static_cast<size_t>(s.label)] == label) ++n;
    }
  }
  return n;
}
}  // namespace

TEST(Pipe, AReaderBlocksUntilAWriteAndGetsTheMessagesInOrder) {
  int32_t pipe = -1;
  Probe probe;
  Program writer;
  writer.io(10 * kMillisecond).pipeWrite(0, 7, 16).pipeWrite(0, 8, 16);
  Program main;
  main.spawnProcess(0, "writer", writer).pipeRead(0).call(probe.record()).pipeRead(0).call(probe.record()).joinProcess(0);
  Trace t = runMain(machine("cores=2"), main, [&](Simulation& sim) { pipe = sim.createPipe(); });
  ASSERT_EQ(pipe, 0);
  ASSERT_EQ(probe.results.size(), 2u);
  EXPECT_EQ(probe.results[0], 7);
  EXPECT_EQ(probe.results[1], 8);
  EXPECT_GE(probe.times[0], 10 * kMillisecond);
}

TEST(Pipe, AWriterBlocksWhileThePipeIsFullUntilTheReaderMakesRoom) {
  Probe probe;
  Program reader;
  reader.io(5 * kMillisecond).pipeRead(0).pipeRead(0);
  Program main;
  main.spawnProcess(0, "reader", reader)
      .pipeWrite(0, 1, 40 * 1024)
      .pipeWrite(0, 2, 40 * 1024)  // 80 KiB do not fit in 64 KiB: waits for the first read
      .call(probe.record())
      .joinProcess(0);
  runMain(machine("cores=2"), main, [](Simulation& sim) { sim.createPipe(); });
  ASSERT_EQ(probe.times.size(), 1u);
  EXPECT_GE(probe.times[0], 5 * kMillisecond);
}

TEST(Pipe, AMessageLargerThanThePipeGoesIntoAnEmptyPipeWhole) {
  Probe probe;
  Program main;
  main.pipeWrite(0, 1, 1024 * 1024).call(probe.record()).pipeRead(0).call(probe.record());
  runMain(machine("cores=2"), main, [](Simulation& sim) { sim.createPipe(); });
  ASSERT_EQ(probe.results.size(), 2u);
  EXPECT_EQ(probe.results[1], 1);
  EXPECT_LT(probe.times[0], kMillisecond);
}

TEST(WaitReady, ReturnsWhichPipesHoldAMessage) {
  Probe probe;
  Program main;
  main.pipeWrite(1, 5, 16).waitReady({0, 1}).call(probe.record());
  runMain(machine("cores=2"), main, [](Simulation& sim) {
    sim.createPipe();
    sim.createPipe();
  });
  ASSERT_EQ(probe.results.size(), 1u);
  EXPECT_EQ(probe.results[0], 0b10);
}

TEST(WaitReady, WakesWhenAWatchedProcessEnds) {
  Probe probe;
  Program main;
  main.spawnProcess(0, "child", Program().io(20 * kMillisecond)).waitReady({0}, {0}).call(probe.record());
  runMain(machine("cores=2"), main, [](Simulation& sim) { sim.createPipe(); });
  ASSERT_EQ(probe.results.size(), 1u);
  EXPECT_EQ(probe.results[0], 0b10);  // the sentinel, not the pipe
  EXPECT_GE(probe.times[0], 20 * kMillisecond);
}

TEST(WaitReady, GivesNothingWhenItsTimeoutPasses) {
  Probe probe;
  Program main;
  main.waitReady({0}, {}, 5 * kMillisecond).call(probe.record());
  MachineConfig c = machine("cores=2");
  runMain(c, main, [](Simulation& sim) { sim.createPipe(); });
  ASSERT_EQ(probe.results.size(), 1u);
  EXPECT_EQ(probe.results[0], 0);
  EXPECT_GE(probe.times[0], 5 * kMillisecond);
  // The timeout, then the idle core's exit latency (it idled 5 ms: the most).
  EXPECT_LE(probe.times[0], 5 * kMillisecond + c.timerSlack + c.idleWakeupMax + 2 * c.contextSwitch);
}

// A thread of the main process blocks on a read; another thread computes `delay` and writes:
// the reader's core has idled about that long. `processes`: the program starts a second
// process first.
Nanos readerWakeUp(Nanos delay, bool processes = true) {
  Probe probe;
  Program writer;
  writer.cpu(delay).call(probe.record()).pipeWrite(0, 1, 16);
  Program main;
  if (processes) main.spawnProcess(0, "other", Program()).joinProcess(0);
  main.spawn(1, "writer", writer).pipeRead(0).call(probe.record()).join(1);
  runMain(machine("cores=2 process_refill=0us"), main, [](Simulation& sim) { sim.createPipe(); });
  return probe.times.at(1) - probe.times.at(0);
}

TEST(IdleExit, AThreadWokenOntoALongIdleCoreStartsLaterButAtMostTheMaximum) {
  MachineConfig c = machine("cores=2");
  Nanos shortIdle = readerWakeUp(5 * kMicrosecond);
  Nanos longIdle = readerWakeUp(10 * kMillisecond);
  EXPECT_LT(shortIdle, longIdle);
  EXPECT_GE(longIdle, c.idleWakeupMax + c.contextSwitch);
  EXPECT_LE(longIdle, c.idleWakeupMax + c.contextSwitch + 2 * kMicrosecond);
}

TEST(IdleExit, AOneProcessProgramPaysTheSameLatency) {
  // Threads of one process wake onto idle cores the same way (lock_wake_cost.py): no special case.
  EXPECT_EQ(readerWakeUp(10 * kMillisecond, false), readerWakeUp(10 * kMillisecond, true));
  MachineConfig c = machine("cores=2");
  Nanos shortIdle = readerWakeUp(0, false);
  EXPECT_GE(shortIdle, c.idleWakeupFixed + c.contextSwitch);
}

TEST(CacheRefill, AThreadResumingAfterAnotherProcessRanReloadsUpToTheMaximum) {
  // The main thread computes 1 ms, then waits while the child computes: it pays a refill
  // (half its last burst, at most crossProcessRefill) when it resumes.
  Program child;
  child.cpu(2 * kMillisecond);
  Program main;
  main.cpu(kMillisecond).spawnProcess(0, "child", child).joinProcess(0).cpu(10 * kMicrosecond);
  MachineConfig c = machine("cores=1");
  Trace t = runMain(c, main);
  EXPECT_GE(labelled(t, "cache refill: another process ran meanwhile"), 1);
  MachineConfig off = machine("cores=1 process_refill=0us");
  Trace u = runMain(off, main);
  EXPECT_EQ(labelled(u, "cache refill: another process ran meanwhile"), 0);
  EXPECT_EQ(t.metrics.makespan - u.metrics.makespan, c.crossProcessRefill);
}

TEST(CacheRefill, AProgramOfOneProcessNeverPaysIt) {
  // Two threads hand a semaphore back and forth: wake-ups cost the context switch only.
  Program ping;
  ping.repeat(20, Program().cpu(50 * kMicrosecond).semRelease(1).semAcquire(0));
  Program main;
  main.spawn(0, "ping", ping).repeat(20, Program().semAcquire(1).cpu(50 * kMicrosecond).semRelease(0)).join(0);
  Trace t = runMain(machine("cores=2"), main, [](Simulation& sim) {
    sim.createSemaphore(0);
    sim.createSemaphore(0);
  });
  EXPECT_EQ(labelled(t, "cache refill: another process ran meanwhile"), 0);
}

TEST(ProcessExit, AChildsEndTakesProcessExitBeforeJoinReturns) {
  Probe probe;
  Program main;
  main.spawnProcess(0, "child", Program().io(kMillisecond).call(probe.record())).joinProcess(0).call(probe.record());
  MachineConfig c = machine("cores=2 process_refill=0us");
  runMain(c, main);
  ASSERT_EQ(probe.times.size(), 2u);
  EXPECT_GE(probe.times[1] - probe.times[0], c.processExit);
}

TEST(Pipe, AReaderSeesEndOfFileOnceEveryWriteEndIsClosed) {
  Probe probe;
  Program writer;  // process 1: its write end closes when it ends
  writer.io(5 * kMillisecond).pipeWrite(0, 7, 16);
  Program main;
  main.spawnProcess(0, "writer", writer)
      .pipeCloseWriter(0)  // the parent's own write end
      .pipeRead(0).call(probe.record())
      .pipeRead(0).call(probe.record())
      .pipeRead(0).call(probe.record())  // at end-of-file a read returns at once
      .joinProcess(0);
  runMain(machine("cores=2"), main, [](Simulation& sim) {
    sim.createPipe(0);
    sim.addPipeWriter(0, 1);
  });
  ASSERT_EQ(probe.results.size(), 3u);
  EXPECT_EQ(probe.results[0], 7);
  EXPECT_EQ(probe.results[1], kPipeEndOfFile);
  EXPECT_EQ(probe.results[2], kPipeEndOfFile);
  EXPECT_GE(probe.times[1], 5 * kMillisecond);
  EXPECT_EQ(probe.times[2], probe.times[1]);
}

TEST(Pipe, SelectReportsAPipeReadyAtEndOfFile) {
  Probe probe;
  Program writer;
  writer.io(2 * kMillisecond);
  Program main;
  main.spawnProcess(0, "writer", writer).pipeCloseWriter(0).waitReady({0}).call(probe.record()).joinProcess(0);
  runMain(machine("cores=2"), main, [](Simulation& sim) {
    sim.createPipe(0);
    sim.addPipeWriter(0, 1);
  });
  ASSERT_EQ(probe.results.size(), 1u);
  EXPECT_EQ(probe.results[0], 1);
  EXPECT_GE(probe.times[0], 2 * kMillisecond);
}
