#include <gtest/gtest.h>

#include "sim_test_util.h"

using namespace interleave;
using namespace interleave::testing;

namespace {
Program fourProcesses(Nanos work) {
  Program main;
  for (int i = 0; i < 4; ++i) main.spawnProcess(i, "worker-" + std::to_string(i), Program().cpu(work));
  for (int i = 0; i < 4; ++i) main.joinProcess(i);
  return main;
}
}  // namespace

TEST(Process, FourCpuBoundProcessesOnTwoCoresTakeTwiceTheWorkPlusStartCosts) {
  MachineConfig c = machine("cores=2");
  Trace t = runMain(c, fourProcesses(100 * kMillisecond));
  // 4 x (start-up + work) of CPU on 2 cores.
  double expected = 2.0 * (100 * kMillisecond + c.forkStart);
  EXPECT_NEAR(static_cast<double>(t.metrics.makespan), expected, 0.01 * expected);
  EXPECT_EQ(t.metrics.gilHandoffs, 0);  // every process has its own GIL
}

TEST(Process, StartMethodSetsTheStartUpCost) {
  MachineConfig spawn = machine("cores=2 start_method=spawn");
  Trace t = runMain(spawn, fourProcesses(100 * kMillisecond));
  double expected = 2.0 * (100 * kMillisecond + spawn.spawnStart);
  EXPECT_NEAR(static_cast<double>(t.metrics.makespan), expected, 0.01 * expected);
  MachineConfig fs = machine("cores=2 start_method=forkserver");
  Trace u = runMain(fs, fourProcesses(100 * kMillisecond));
  double expectedFs = 2.0 * (100 * kMillisecond + fs.forkserverStart);
  EXPECT_NEAR(static_cast<double>(u.metrics.makespan), expectedFs, 0.01 * expectedFs);
}

TEST(Process, EachProcessHasItsOwnGilLaneAndInterpreterMemory) {
  MachineConfig c = machine("cores=4");
  Trace t = runMain(c, fourProcesses(10 * kMillisecond));
  ASSERT_EQ(t.processes.size(), 5u);
  int gilLanes = 0;
  for (const Lane& l : t.lanes) gilLanes += l.kind == LaneKind::Gil;
  EXPECT_EQ(gilLanes, 5);
  EXPECT_EQ(t.metrics.peakMemoryBytes, 5 * (c.processBaseBytes + c.threadStackBytes));
  for (size_t i = 1; i < t.processes.size(); ++i) EXPECT_EQ(t.processes[i].parent, 0);
}

TEST(Process, FourCpuBoundProcessesOnFourCoresRunInParallel) {
  MachineConfig c = machine("cores=4");
  Trace t = runMain(c, fourProcesses(100 * kMillisecond));
  double expected = 100 * kMillisecond + c.forkStart;
  EXPECT_NEAR(static_cast<double>(t.metrics.makespan), expected, 0.01 * expected);
}

TEST(Process, JoinReturnsOnlyAfterTheChildEnds) {
  Trace t = runMain(machine(), Program()
                                   .spawnProcess(0, "child", Program().io(30 * kMillisecond).print("child done"))
                                   .joinProcess(0)
                                   .print("parent joined"));
  EXPECT_LE(outputTime(t, "child done"), outputTime(t, "parent joined"));
  EXPECT_TRUE(t.completed);
}
