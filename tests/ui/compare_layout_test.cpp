// Compare mode's geometry and arithmetic (ui/compare_layout.h), without ImGui.
#include <gtest/gtest.h>

#include <cmath>

#include "compare_layout.h"

namespace interleave::ui {
namespace {

float totalHeight(const std::vector<Band>& bands, float gap) {
  float h = 0;
  for (const Band& b : bands) h += b.height();
  return h + gap * static_cast<float>(bands.empty() ? 0 : bands.size() - 1);
}

TEST(CompareBands, EveryBandGetsWhatItWantsWhenAllFit) {
  const auto bands = layoutBands({100, 40, 60}, 1000, 20, 50, 4);
  ASSERT_EQ(bands.size(), 3u);
  EXPECT_EQ(bands[0].chartHeight, 100);
  EXPECT_EQ(bands[1].chartHeight, 40);  // smaller than minChart, but it is all it needs
  EXPECT_EQ(bands[2].chartHeight, 60);
  EXPECT_EQ(bands[0].y, 0);
  EXPECT_EQ(bands[1].y, 20 + 100 + 4);
  EXPECT_EQ(bands[2].y, bands[1].y + 20 + 40 + 4);
}

TEST(CompareBands, SmallChartsKeepTheirHeightAndLargeOnesShareTheRest) {
  // 400 px, 3 headers of 20 and 2 gaps of 4: 332 px for charts. The 60 px chart keeps its 60;
  // the two large ones share 272 equally (136 each) and scroll.
  const auto bands = layoutBands({500, 60, 300}, 400, 20, 50, 4);
  EXPECT_EQ(bands[1].chartHeight, 60);
  EXPECT_EQ(bands[0].chartHeight, 136);
  EXPECT_EQ(bands[2].chartHeight, 136);
  EXPECT_LE(totalHeight(bands, 4), 400);
}

TEST(CompareBands, NeverSmallerThanTheMinimumEvenIfTheyOverflow) {
  const auto bands = layoutBands({500, 500, 500, 500}, 200, 20, 50, 4);
  for (const Band& b : bands) EXPECT_EQ(b.chartHeight, 50);
  // Bands follow each other without overlapping.
  for (size_t i = 1; i < bands.size(); ++i) EXPECT_GE(bands[i].y, bands[i - 1].y + bands[i - 1].height());
}

TEST(CompareBands, HeightsAreWholePixels) {
  const auto bands = layoutBands({333.3f, 333.3f, 333.3f}, 500, 21, 40, 3);
  for (const Band& b : bands) EXPECT_EQ(b.chartHeight, std::floor(b.chartHeight));
  EXPECT_LE(totalHeight(bands, 3), 500);
  EXPECT_TRUE(layoutBands({}, 500, 20, 40, 4).empty());
}

TEST(CompareArithmetic, CommonEndIsTheLatestRunsEnd) {
  EXPECT_EQ(commonEnd({2 * kSecond, 5 * kSecond, kSecond}), 5 * kSecond);
  EXPECT_EQ(commonEnd({}), 1);
}

TEST(CompareArithmetic, PercentChangeRoundsHalfAwayFromZero) {
  EXPECT_EQ(percentChange(1020 * kMillisecond, 2010 * kMillisecond), -49);  // -49.25 %
  EXPECT_EQ(percentChange(3 * kSecond, 2 * kSecond), 50);
  EXPECT_EQ(percentChange(1005, 1000), 1);    // +0.5 % rounds up
  EXPECT_EQ(percentChange(995, 1000), -1);    // -0.5 % rounds down
  EXPECT_EQ(percentChange(1000, 1000), 0);
  EXPECT_EQ(percentChange(1000, 0), 0);
  EXPECT_EQ(formatPercentChange(3, 2), "+50 %");
  EXPECT_EQ(formatPercentChange(1, 2), "-50 %");
  EXPECT_EQ(formatPercentChange(2, 2), "0 %");
}

TEST(CompareArithmetic, SpeedRatioSaysFasterOrSlower) {
  EXPECT_EQ(formatSpeedRatio(200 * kMillisecond, 1600 * kMillisecond), "8.00\xC3\x97 faster");
  EXPECT_EQ(formatSpeedRatio(1300, 1000), "1.30\xC3\x97 slower");
  EXPECT_EQ(formatSpeedRatio(1001, 1000), "same");
  EXPECT_EQ(formatSpeedRatio(1, 250), "250\xC3\x97 faster");
  EXPECT_EQ(formatSpeedRatio(0, 1000), "");
}

TEST(CompareArithmetic, HeadlineReadsCurrentVersusPinned) {
  EXPECT_EQ(makespanHeadline("current", 1020 * kMillisecond, "pinned 1", 2010 * kMillisecond),
            "current 1.02 s vs pinned 1 2.01 s: -49 %");
}

TEST(CompareBandOrder, TheLiveBandSitsAtItsPositionAmongThePinnedRuns) {
  // Pinned runs p0 p1 p2 with the live run at band 2: bands p0 p1 live p2.
  EXPECT_EQ(pinnedIndexOfBand(0, 2), 0);
  EXPECT_EQ(pinnedIndexOfBand(1, 2), 1);
  EXPECT_EQ(pinnedIndexOfBand(2, 2), -1);
  EXPECT_EQ(pinnedIndexOfBand(3, 2), 2);
  for (int k = 0; k < 3; ++k) EXPECT_EQ(pinnedIndexOfBand(bandOfPinned(k, 2), 2), k);
}

}  // namespace
}  // namespace interleave::ui
