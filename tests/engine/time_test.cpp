#include "virtual_time.h"

#include <gtest/gtest.h>

#include "machine_config.h"

using namespace interleave;

TEST(Time, FormatsDurationsInTheLargestFittingUnit) {
  EXPECT_EQ(formatDuration(5 * kMillisecond), "5ms");
  EXPECT_EQ(formatDuration(1250 * kMillisecond), "1.25s");
  EXPECT_EQ(formatDuration(250 * kMicrosecond), "250us");
  EXPECT_EQ(formatDuration(17), "17ns");
  EXPECT_EQ(formatDuration(0), "0ns");
}

TEST(Time, FormatFixedRoundsHalfAwayFromZeroWithoutFloatingPoint) {
  EXPECT_EQ(formatFixed(1234567, kMillisecond, 2), "1.23");
  EXPECT_EQ(formatFixed(1235000, kMillisecond, 2), "1.24");
  EXPECT_EQ(formatFixed(999999999, kSecond, 2), "1.00");
  EXPECT_EQ(formatFixed(-1500, kMicrosecond, 0), "-2");
}

TEST(Time, ParsesDurationsWithUnits) {
  Nanos d = 0;
  ASSERT_TRUE(parseDuration("5ms", &d));
  EXPECT_EQ(d, 5 * kMillisecond);
  ASSERT_TRUE(parseDuration("0.001s", &d));
  EXPECT_EQ(d, kMillisecond);
  ASSERT_TRUE(parseDuration("100us", &d));
  EXPECT_EQ(d, 100 * kMicrosecond);
  ASSERT_TRUE(parseDuration("2", &d));
  EXPECT_EQ(d, 2 * kSecond);
  EXPECT_FALSE(parseDuration("", &d));
  EXPECT_FALSE(parseDuration("ms", &d));
  EXPECT_FALSE(parseDuration("5 ms", &d));
  EXPECT_FALSE(parseDuration("-5ms", &d));
}

TEST(MachineSettings, ApplyKnownKeysAndRejectBadOnesWithAMessage) {
  MachineConfig c;
  EXPECT_EQ(applySettings(c, "cores=2 gil=off switch_interval=1ms start_method=spawn seed=9"), "");
  EXPECT_EQ(c.cores, 2);
  EXPECT_FALSE(c.gil);
  EXPECT_EQ(c.switchInterval, kMillisecond);
  EXPECT_EQ(c.startMethod, StartMethod::Spawn);
  EXPECT_EQ(c.seed, 9u);
  EXPECT_NE(applySettings(c, "cores=0"), "");
  EXPECT_NE(applySettings(c, "colors=2"), "");
  EXPECT_NE(applySettings(c, "gil"), "");
  EXPECT_NE(applySettings(c, "switch_interval=fast"), "");
}
