#include <gtest/gtest.h>

#include "scenarios.h"
#include "sim_test_util.h"

using namespace interleave;
using namespace interleave::testing;

TEST(Determinism, EveryBuiltinScenarioGivesTheSameTraceTwice) {
  for (const BuiltinScenario& s : builtinScenarios()) {
    Trace a, b;
    std::string err;
    ASSERT_TRUE(runBuiltin(s.name, "", &a, &err)) << err;
    ASSERT_TRUE(runBuiltin(s.name, "", &b, &err)) << err;
    EXPECT_EQ(a.hash(), b.hash()) << s.name;
    EXPECT_TRUE(a.completed) << s.name << ": " << a.stopReason;
    EXPECT_GT(a.metrics.makespan, 0) << s.name;
  }
}

TEST(Determinism, SettingsChangeTheTrace) {
  Trace a, b;
  std::string err;
  ASSERT_TRUE(runBuiltin("convoy", "", &a, &err));
  ASSERT_TRUE(runBuiltin("convoy", "switch_interval=1ms", &b, &err));
  EXPECT_NE(a.hash(), b.hash());
}

TEST(FreeThreading, ThreadsSharingAHeapTouchItInVirtualTimeOrder) {
  // Two threads on two cores with the GIL off, each appending to a shared log at its own
  // pace: the log must be ordered by virtual time, and the two must interleave.
  std::vector<std::pair<Nanos, char>> log;
  auto worker = [&](char who, Nanos step) {
    return Program().repeat(200, Program().cpu(step).call([&log, who](ThreadContext& c) {
      log.push_back({c.now(), who});
    }));
  };
  Trace t = runMain(machine("cores=2 gil=off"), Program()
                                                   .spawn(0, "a", worker('a', 700))
                                                   .spawn(1, "b", worker('b', 1100))
                                                   .join(0)
                                                   .join(1));
  ASSERT_EQ(log.size(), 400u);
  int switches = 0;
  for (size_t i = 1; i < log.size(); ++i) {
    EXPECT_LE(log[i - 1].first, log[i].first) << "entry " << i;
    switches += log[i].second != log[i - 1].second;
  }
  EXPECT_GT(switches, 100);
}

TEST(FreeThreading, UnsynchronisedReadModifyWriteLosesUpdatesWithTheGilOff) {
  // counter = counter + 1 with work between the read and the write, on two cores.
  auto race = [](const std::string& settings) {
    int64_t counter = 0;
    int64_t seenA = 0, seenB = 0;  // each thread's local copy of the value it read
    auto worker = [&](int64_t& mine) {
      return Program().repeat(500, Program()
                                       .call([&](ThreadContext&) { mine = counter; })
                                       .cpu(300)
                                       .call([&](ThreadContext&) { counter = mine + 1; }));
    };
    runMain(machine(settings), Program().spawn(0, "a", worker(seenA)).spawn(1, "b", worker(seenB)).join(0).join(1));
    return counter;
  };
  EXPECT_LT(race("cores=2 gil=off"), 1000);
  // With the GIL the two run one at a time and switch only every 5 ms: a handful of losses
  // at most, never the wholesale loss of the free-threaded run.
  EXPECT_GT(race("cores=2 gil=on"), 990);
}
