#include "compare_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace interleave::ui {

std::vector<Band> layoutBands(const std::vector<float>& content, float available, float headerHeight,
                              float minChart, float gap) {
  const size_t n = content.size();
  std::vector<Band> bands(n);
  if (n == 0) return bands;
  std::vector<float> want(n);
  float total = 0;
  for (size_t i = 0; i < n; ++i) {
    want[i] = std::max(0.0f, std::ceil(content[i]));
    total += want[i];
  }
  const float budget = std::max(0.0f, available - static_cast<float>(n) * headerHeight -
                                          static_cast<float>(n - 1) * gap);
  std::vector<float> height = want;
  if (total > budget) {
    // Water level L with sum(min(want, L)) == budget: walk the wants in ascending order; every
    // band below the level keeps its want, the others share the rest equally.
    std::vector<float> sorted = want;
    std::sort(sorted.begin(), sorted.end());
    float remaining = budget;
    float level = 0;
    size_t left = n;
    for (float w : sorted) {
      const float share = remaining / static_cast<float>(left);
      if (w <= share) {
        remaining -= w;
        --left;
        continue;
      }
      level = share;
      break;
    }
    level = std::max(std::floor(level), minChart);
    for (size_t i = 0; i < n; ++i) height[i] = std::min(want[i], level);
  }
  float y = 0;
  for (size_t i = 0; i < n; ++i) {
    bands[i].y = y;
    bands[i].headerHeight = headerHeight;
    bands[i].chartHeight = height[i];
    y += headerHeight + height[i] + gap;
  }
  return bands;
}

Nanos commonEnd(const std::vector<Nanos>& ends) {
  Nanos end = 1;
  for (Nanos e : ends) end = std::max(end, e);
  return end;
}

int64_t percentChange(Nanos current, Nanos base) {
  if (base <= 0) return 0;
  // Integer rounding, half away from zero: (200 * diff + sign * base) / (2 * base).
  const __int128 diff = static_cast<__int128>(current) - base;
  const __int128 num = 200 * diff + (diff >= 0 ? base : -base);
  return static_cast<int64_t>(num / (2 * static_cast<__int128>(base)));
}

std::string formatPercentChange(Nanos current, Nanos base) {
  const int64_t p = percentChange(current, base);
  return (p > 0 ? "+" : "") + std::to_string(p) + " %";
}

std::string formatSpeedRatio(Nanos current, Nanos base) {
  if (current <= 0 || base <= 0) return "";
  const double r = static_cast<double>(base) / static_cast<double>(current);
  if (std::fabs(r - 1.0) < 0.005) return "same";
  const double x = r >= 1 ? r : 1 / r;
  char buf[48];
  std::snprintf(buf, sizeof buf, x >= 100 ? "%.0f\xC3\x97 %s" : x >= 10 ? "%.1f\xC3\x97 %s" : "%.2f\xC3\x97 %s", x,
                r >= 1 ? "faster" : "slower");
  return buf;
}

std::string makespanHeadline(const std::string& currentLabel, Nanos current, const std::string& baseLabel,
                             Nanos base) {
  return currentLabel + " " + formatHuman(static_cast<double>(current)) + " vs " + baseLabel + " " +
         formatHuman(static_cast<double>(base)) + ": " + formatPercentChange(current, base);
}

int pinnedIndexOfBand(int band, int livePos) {
  if (band == livePos) return -1;
  return band < livePos ? band : band - 1;
}

int bandOfPinned(int pinned, int livePos) { return pinned < livePos ? pinned : pinned + 1; }

}  // namespace interleave::ui
