// Compare mode's geometry and arithmetic, without ImGui (unit-tested natively): how the pinned
// runs and the current run are stacked (bands of the chart area, one per run), the time range
// they share, and the makespan differences the page prints ("current 1.02 s vs pinned 2.01 s:
// -49 %").
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "timeline_layout.h"

namespace interleave::ui {

// Most runs stacked at once: the current one and the pinned ones (a gallery example brings up
// to gallery::kMaxVariants; more than this would leave each chart a few pixels high).
constexpr size_t kMaxCompareRuns = 6;

struct Band {
  float y = 0;            // top of the band (its header line), pixels from the top of the area
  float headerHeight = 0;
  float chartHeight = 0;  // below the header
  float height() const { return headerHeight + chartHeight; }
};

// Stacks `content.size()` bands in `available` pixels. Band i wants headerHeight + content[i]
// (its chart's axis and lanes). If everything fits, each band gets what it wants (the rest of
// the area stays empty below); otherwise the space is shared by water-filling: small charts
// keep their full height, the larger ones get an equal share of what is left (and scroll),
// never less than minChart. Heights are whole pixels; bands follow each other with `gap`.
std::vector<Band> layoutBands(const std::vector<float>& content, float available, float headerHeight,
                              float minChart, float gap);

// The end every run is fitted to (the latest of their ends), at least 1 ns.
Nanos commonEnd(const std::vector<Nanos>& ends);

// The change from `base` to `current` in whole per cent, rounded half away from zero:
// -49 for 2.01 s -> 1.02 s. 0 if base is 0.
int64_t percentChange(Nanos current, Nanos base);
// "-49 %", "+12 %", "0 %" (ASCII signs: the page's font has no U+2212).
std::string formatPercentChange(Nanos current, Nanos base);
// "1.97× faster", "1.30× slower", "same" (UTF-8 ×; 3 significant digits; within 0.5 %: "same").
std::string formatSpeedRatio(Nanos current, Nanos base);
// "current 1.02 s vs pinned 2.01 s: -49 %" (labels as given).
std::string makespanHeadline(const std::string& currentLabel, Nanos current, const std::string& baseLabel,
                             Nanos base);

// Band order <-> runs: the bands show the pinned runs in order with the current (live) run at
// position livePos. -1 for the live band, else the index into the pinned runs.
int pinnedIndexOfBand(int band, int livePos);
int bandOfPinned(int pinned, int livePos);

}  // namespace interleave::ui
