// The chart's geometry, without drawing (Tracy's split: this file has no ImGui include, so it
// is unit-tested natively and reused by any renderer):
//   - lane layout: rows grouped by process (cores first, then per process its GIL lane and its
//     thread / event-loop / task lanes), each group collapsible;
//   - the visible time range and its mapping to pixels, zoom about a point, pan, fit;
//   - the draw list: per lane, the segments overlapping the visible range (found by binary
//     search), with runs of spans narrower than a few pixels merged into counted "folded" items,
//     so a frame costs O(visible pixels x log segments) however many segments the trace has;
//   - hit-testing (x, y) -> row and draw item;
//   - the time axis: tick step 1/2/5 x 10^k with a unit that adapts from ns to s.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "chart_model.h"
#include "trace.h"

namespace interleave::ui {

// ---- lane layout ------------------------------------------------------------------------------

// Groups as in chart_model.h (laneGroups): kCoresGroup, then process ids.

enum class RowKind : uint8_t { GroupHeader, Lane };

struct Row {
  RowKind kind = RowKind::Lane;
  int32_t group = kCoresGroup;  // kCoresGroup or a process id
  int32_t lane = -1;            // index into Trace::lanes (Lane rows), -1 for headers
  float y = 0;                  // top, pixels from the top of the chart
  float height = 0;
  bool collapsed = false;  // GroupHeader rows: is the group folded away
  int32_t laneCount = 0;   // GroupHeader rows: lanes in the group
  std::string label;
};

struct LayoutOptions {
  float laneHeight = 22;
  float headerHeight = 22;
  float gap = 2;                         // between rows
  std::vector<int32_t> collapsedGroups;  // group ids (kCoresGroup or process ids) shown folded
};

struct LaneLayout {
  std::vector<Row> rows;
  float height = 0;  // total

  // Index of the row at y (pixels from the top), or -1 (above, below, or in a gap).
  int rowAt(float y) const;
  // Index of the row showing trace lane `lane`, or -1 (collapsed or absent).
  int rowOfLane(int32_t lane) const;
};

LaneLayout layoutLanes(const Trace& trace, const LayoutOptions& options);

// ---- the visible time range -------------------------------------------------------------------

struct TimeView {
  double t0 = 0;    // ns at x = 0
  double t1 = 1;    // ns at x = width
  float width = 1;  // pixels

  double nsPerPixel() const { return (t1 - t0) / (width > 0 ? width : 1); }
  float toX(double t) const { return static_cast<float>((t - t0) / nsPerPixel()); }
  double toTime(float x) const { return t0 + x * nsPerPixel(); }
};

constexpr double kMinSpanNs = 20;  // deepest zoom: 20 ns across the chart

// traceEnd(trace): chart_model.h.
// The whole trace, with a small margin on the right.
TimeView fitView(const Trace& trace, float width);
// [0, end] with the same margin (compare mode fits several traces to their common end).
TimeView fitViewToEnd(Nanos end, float width);
// Zoom by `factor` (>1 zooms in) keeping the time under pixel x fixed. The span is clamped to
// [kMinSpanNs, maxSpan].
TimeView zoomAt(const TimeView& view, float x, double factor, double maxSpan);
// Pan by dx pixels (positive dx moves the content right, i.e. shows earlier times).
TimeView panBy(const TimeView& view, float dx);
// Keep the view within [-10% of span, end + 10% of span] so the chart cannot be lost.
TimeView clampView(const TimeView& view, Nanos end);

// ---- the draw list ----------------------------------------------------------------------------

struct DrawItem {
  float x0 = 0, x1 = 0;                // pixels, clipped to [0, width]
  int32_t lane = -1;                   // index into Trace::lanes
  int32_t first = -1;                  // first segment (index into the lane's segments)
  int32_t count = 0;                   // segments covered; 1 is a real segment, > 1 a folded run
  State state = State::RunningPython;  // the segment's state; for a fold dominantState()
  Nanos start = 0, end = 0;            // time covered (first start .. last end), not clipped
  bool folded() const { return count > 1; }
};

struct DrawList {
  std::vector<DrawItem> items;  // grouped by lane, in the order lanes were asked for, by time
  // For each trace lane: [begin, end) into items (empty if the lane was not asked for).
  std::vector<std::pair<int32_t, int32_t>> laneItems;
  int64_t visibleSegments = 0;  // segments overlapping the view
  int64_t foldedItems = 0;      // items with count > 1
};

// Fills `out` for the given lanes (trace lane indices; all lanes if `lanes` is empty). Spans
// narrower than minWidthPx are merged with their narrow neighbours into a fold while the gaps
// between them are narrower than minWidthPx too; a lone narrow span stays a real item
// (chart_model.h: foldRunEnd, the same folding as the SVG export).
void buildDrawList(const Trace& trace, const TimeView& view, const std::vector<int32_t>& lanes,
                   float minWidthPx, DrawList* out);

// ---- instant markers -------------------------------------------------------------------------

struct InstantMark {
  float x = 0;        // pixels
  int32_t lane = -1;  // index into Trace::lanes
  InstantKind kind = InstantKind::Mark;
  int32_t first = -1;  // first instant (index into Trace::instants)
  int32_t count = 0;   // instants of this kind on this lane merged into this mark
};

// Markers for the instants of `kinds` on the lanes with laneVisible[lane] != 0, inside the view.
// Instants of one kind on one lane closer than minSpacingPx to the previous mark are merged into
// it (counted). Instants are found by binary search on time.
void buildInstantMarks(const Trace& trace, const TimeView& view,
                       const std::vector<char>& laneVisible, const std::vector<InstantKind>& kinds,
                       float minSpacingPx, std::vector<InstantMark>* out);

// ---- hit-testing ------------------------------------------------------------------------------

struct Hit {
  int row = -1;   // index into LaneLayout::rows
  int item = -1;  // index into DrawList::items, or -1 if nothing under the point
};

// (x, y) in chart pixels (x from the left edge of the time area, y from the chart's top).
// Items narrower than `slopPx` are hit within slopPx/2 of their centre, so thin spans can be
// hovered.
Hit hitTest(const LaneLayout& layout, const DrawList& list, float x, float y, float slopPx = 3);

// ---- time axis --------------------------------------------------------------------------------

struct Tick {
  double time = 0;  // ns
  float x = 0;      // pixels
  bool major = false;
  std::string label;  // major ticks only, e.g. "12.5 ms"
};

struct TimeAxis {
  double step = 1;       // ns between major ticks (1, 2 or 5 x 10^k)
  double minorStep = 1;  // ns between minor ticks
  Nanos unit = 1;        // ns, 1000, 1e6 or 1e9
  const char* unitName = "ns";
  std::vector<Tick> ticks;  // majors and minors, by time
};

// Chooses the smallest 1/2/5 step whose major ticks are at least minLabelSpacingPx apart.
TimeAxis computeTimeAxis(const TimeView& view, float minLabelSpacingPx);

// The unit in which a span of `ns` reads best: "ns" below 1 us, "µs" below 1 ms, "ms" below 1 s,
// else "s" (UTF-8 micro sign).
Nanos unitFor(double ns, const char** name);
// A time for axis labels: value in `unit`, with as many decimals as `step` needs.
std::string formatAxisTime(double ns, double step, Nanos unit, const char* unitName);
// A duration or instant for people: 3 significant digits, e.g. "1.25 ms", "312 µs", "17 ns";
// trailing zeros are dropped only when the value is exact ("5 ms", "2.5 s", but "1.00 s" for
// 1000.11 ms).
std::string formatHuman(double ns);

// ---- per-trace summary ------------------------------------------------------------------------

struct TraceSummary {
  Nanos end = 1;
  int64_t segments = 0;
  bool statePresent[static_cast<int>(State::Count)] = {};
  bool instantPresent[static_cast<int>(InstantKind::Count)] = {};
};
TraceSummary summarize(const Trace& trace);

// Name of the thread with id `thread` ("" if unknown).
const std::string& threadName(const Trace& trace, int32_t thread);

}  // namespace interleave::ui
