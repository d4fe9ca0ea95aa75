// The chart geometry (ui/timeline_layout.h): lane grouping, culling and folding, hit-testing,
// zoom/pan, the time axis. No ImGui, no GPU: plain data in, plain data out.
#include "timeline_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "palette.h"

namespace interleave::ui {
namespace {

Lane makeLane(int32_t id, LaneKind kind, int32_t process, std::string name) {
  Lane l;
  l.id = id;
  l.kind = kind;
  l.process = kind == LaneKind::Core ? -1 : process;
  l.name = std::move(name);
  return l;
}

void addSegment(Lane& lane, Nanos start, Nanos end, State state = State::RunningPython,
                int32_t thread = 0) {
  Segment s;
  s.start = start;
  s.end = end;
  s.state = state;
  s.thread = thread;
  lane.segments.push_back(s);
}

// Lanes deliberately out of order: the layout must group them.
Trace scrambledTrace() {
  Trace t;
  t.lanes.push_back(makeLane(0, LaneKind::Thread, 0, "MainThread"));
  t.lanes.push_back(makeLane(1, LaneKind::Core, -1, "core 0"));
  t.lanes.push_back(makeLane(2, LaneKind::Gil, 1, "GIL (worker)"));
  t.lanes.push_back(makeLane(3, LaneKind::Thread, 1, "worker main"));
  t.lanes.push_back(makeLane(4, LaneKind::Gil, 0, "GIL (main)"));
  t.lanes.push_back(makeLane(5, LaneKind::Core, -1, "core 1"));
  t.lanes.push_back(makeLane(6, LaneKind::Thread, 0, "Thread-1"));
  ProcessInfo p0;
  p0.id = 0;
  p0.name = "main";
  p0.osPid = 1000;
  ProcessInfo p1;
  p1.id = 1;
  p1.name = "worker";
  p1.osPid = 1001;
  t.processes = {p0, p1};
  for (Lane& l : t.lanes) addSegment(l, 0, 1000);
  return t;
}

std::vector<int32_t> laneOrder(const LaneLayout& layout) {
  std::vector<int32_t> order;
  for (const Row& r : layout.rows)
    order.push_back(r.kind == RowKind::GroupHeader ? -100 - r.group : r.lane);
  return order;
}

TEST(LaneLayoutTest, CoresFirstThenEachProcessWithItsGilLaneFirst) {
  Trace t = scrambledTrace();
  LaneLayout layout = layoutLanes(t, LayoutOptions{});
  // Headers are -100 - group: cores (-1) -> -99, process 0 -> -100, process 1 -> -101.
  std::vector<int32_t> expected = {-99, 1, 5, -100, 4, 0, 6, -101, 2, 3};
  EXPECT_EQ(laneOrder(layout), expected);
  EXPECT_EQ(layout.rows[0].label, "Cores");
  EXPECT_EQ(layout.rows[0].laneCount, 2);
  EXPECT_EQ(layout.rows[3].label, "main (pid 1000)");
  EXPECT_EQ(layout.rows[7].label, "worker (pid 1001)");
}

TEST(LaneLayoutTest, RowsStackWithoutOverlap) {
  Trace t = scrambledTrace();
  LayoutOptions opt;
  opt.laneHeight = 20;
  opt.headerHeight = 16;
  opt.gap = 2;
  LaneLayout layout = layoutLanes(t, opt);
  float y = 0;
  for (const Row& r : layout.rows) {
    EXPECT_FLOAT_EQ(r.y, y);
    EXPECT_FLOAT_EQ(r.height, r.kind == RowKind::GroupHeader ? 16.0f : 20.0f);
    y += r.height + 2;
  }
  EXPECT_FLOAT_EQ(layout.height, y);
}

TEST(LaneLayoutTest, CollapsedGroupKeepsOnlyItsHeader) {
  Trace t = scrambledTrace();
  LayoutOptions opt;
  opt.collapsedGroups = {0};
  LaneLayout layout = layoutLanes(t, opt);
  std::vector<int32_t> expected = {-99, 1, 5, -100, -101, 2, 3};
  EXPECT_EQ(laneOrder(layout), expected);
  EXPECT_TRUE(layout.rows[3].collapsed);
  EXPECT_EQ(layout.rows[3].laneCount, 3);
  EXPECT_EQ(layout.rowOfLane(0), -1);
  EXPECT_EQ(layout.rowOfLane(2), 5);
}

TEST(LaneLayoutTest, LaneOfAnUnlistedProcessIsStillShown) {
  Trace t = scrambledTrace();
  t.lanes.push_back(makeLane(7, LaneKind::Thread, 9, "orphan"));
  LaneLayout layout = layoutLanes(t, LayoutOptions{});
  ASSERT_GE(layout.rowOfLane(7), 0);
  EXPECT_EQ(layout.rows.back().lane, 7);
  EXPECT_EQ(layout.rows[layout.rows.size() - 2].label, "Process 9");
}

TEST(LaneLayoutTest, RowAtFindsRowsAndGaps) {
  Trace t = scrambledTrace();
  LayoutOptions opt;
  opt.laneHeight = 20;
  opt.headerHeight = 20;
  opt.gap = 4;
  LaneLayout layout = layoutLanes(t, opt);
  EXPECT_EQ(layout.rowAt(-1), -1);
  EXPECT_EQ(layout.rowAt(0), 0);
  EXPECT_EQ(layout.rowAt(19.9f), 0);
  EXPECT_EQ(layout.rowAt(21), -1);  // in the gap
  EXPECT_EQ(layout.rowAt(24), 1);
  EXPECT_EQ(layout.rowAt(layout.height + 5), -1);
  for (size_t i = 0; i < layout.rows.size(); ++i)
    EXPECT_EQ(layout.rowAt(layout.rows[i].y + 1), static_cast<int>(i));
}

TEST(LaneLayoutTest, EmptyTraceHasNoRows) {
  Trace t;
  LaneLayout layout = layoutLanes(t, LayoutOptions{});
  EXPECT_TRUE(layout.rows.empty());
  EXPECT_EQ(layout.height, 0);
  EXPECT_EQ(layout.rowAt(0), -1);
}

// ---- culling and folding ----------------------------------------------------------------------

Trace oneLane(const std::vector<std::pair<Nanos, Nanos>>& spans,
              State state = State::RunningPython) {
  Trace t;
  t.lanes.push_back(makeLane(0, LaneKind::Thread, 0, "t"));
  for (auto [a, b] : spans) addSegment(t.lanes[0], a, b, state);
  return t;
}

TimeView view(double t0, double t1, float width) {
  TimeView v;
  v.t0 = t0;
  v.t1 = t1;
  v.width = width;
  return v;
}

TEST(DrawListTest, FirstSegmentEndingAfterIsABinarySearch) {
  Trace t = oneLane({{0, 10}, {10, 20}, {30, 40}});
  const Lane& l = t.lanes[0];
  EXPECT_EQ(firstSegmentEndingAfter(l, -5), 0u);
  EXPECT_EQ(firstSegmentEndingAfter(l, 9), 0u);
  EXPECT_EQ(firstSegmentEndingAfter(l, 10), 1u);  // [0,10) ends at 10: not visible from 10 on
  EXPECT_EQ(firstSegmentEndingAfter(l, 25), 2u);
  EXPECT_EQ(firstSegmentEndingAfter(l, 40), 3u);
}

TEST(DrawListTest, WideSegmentsAreCulledAndMapped) {
  Trace t = oneLane({{0, 100}, {100, 300}, {500, 600}, {900, 1000}});
  DrawList list;
  buildDrawList(t, view(200, 700, 500), {}, 3, &list);  // 1 ns per pixel
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].first, 1);
  EXPECT_EQ(list.items[0].count, 1);
  EXPECT_FLOAT_EQ(list.items[0].x0, 0);  // clipped at the left edge
  EXPECT_FLOAT_EQ(list.items[0].x1, 100);
  EXPECT_EQ(list.items[1].first, 2);
  EXPECT_FLOAT_EQ(list.items[1].x0, 300);
  EXPECT_FLOAT_EQ(list.items[1].x1, 400);
  EXPECT_EQ(list.visibleSegments, 2);
  EXPECT_EQ(list.foldedItems, 0);
  EXPECT_EQ(list.laneItems[0], std::make_pair(0, 2));
}

TEST(DrawListTest, ManyTinySpansFoldIntoOneCountedItem) {
  // 1000 spans of 10 ns every 20 ns; 200 ns per pixel, so each is 0.05 px wide.
  std::vector<std::pair<Nanos, Nanos>> spans;
  for (int i = 0; i < 1000; ++i) spans.push_back({i * 20, i * 20 + 10});
  Trace t = oneLane(spans);
  DrawList list;
  buildDrawList(t, view(0, 20000, 100), {}, 3, &list);
  ASSERT_EQ(list.items.size(), 1u);
  EXPECT_EQ(list.items[0].count, 1000);
  EXPECT_EQ(list.items[0].start, 0);
  EXPECT_EQ(list.items[0].end, 19990);
  EXPECT_TRUE(list.items[0].folded());
  EXPECT_EQ(list.foldedItems, 1);
  EXPECT_EQ(list.visibleSegments, 1000);
}

TEST(DrawListTest, ALoneNarrowSpanStaysARealItem) {
  Trace t = oneLane({{0, 1000}, {1000, 1001}, {1001, 2000}});
  DrawList list;
  buildDrawList(t, view(0, 2000, 200), {}, 3, &list);  // 10 ns per px, 1 ns span = 0.1 px
  ASSERT_EQ(list.items.size(), 3u);
  EXPECT_EQ(list.items[1].count, 1);
  EXPECT_FALSE(list.items[1].folded());
}

TEST(DrawListTest, FoldStopsAtAWideGapAndAtAWideSpan) {
  // 10 ns per px, minimum 3 px = 30 ns.
  Trace t = oneLane({{0, 5},
                     {10, 15},
                     {20, 25},  // fold A
                     {200, 205},
                     {210, 215},  // fold B (gap 175 ns before it)
                     {220, 400},  // wide
                     {400, 402},
                     {404, 406}});  // fold C
  DrawList list;
  buildDrawList(t, view(0, 1000, 100), {}, 3, &list);
  ASSERT_EQ(list.items.size(), 4u);
  EXPECT_EQ(list.items[0].count, 3);
  EXPECT_EQ(list.items[1].first, 3);
  EXPECT_EQ(list.items[1].count, 2);
  EXPECT_EQ(list.items[2].first, 5);
  EXPECT_EQ(list.items[2].count, 1);
  EXPECT_EQ(list.items[3].first, 6);
  EXPECT_EQ(list.items[3].count, 2);
}

TEST(DrawListTest, FoldTakesTheStateCoveringMostTime) {
  Trace t;
  t.lanes.push_back(makeLane(0, LaneKind::Thread, 0, "t"));
  for (int i = 0; i < 30; ++i) {
    addSegment(t.lanes[0], i * 10, i * 10 + 2, State::RunningPython);
    addSegment(t.lanes[0], i * 10 + 2, i * 10 + 10, State::WaitingGil);
  }
  DrawList list;
  buildDrawList(t, view(0, 300, 10), {}, 3, &list);
  ASSERT_EQ(list.items.size(), 1u);
  EXPECT_EQ(list.items[0].count, 60);
  EXPECT_EQ(list.items[0].state, State::WaitingGil);
}

TEST(DrawListTest, OnlyTheAskedLanesAreBuilt) {
  Trace t = scrambledTrace();
  DrawList list;
  buildDrawList(t, view(0, 1000, 100), {3, 1}, 3, &list);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].lane, 3);
  EXPECT_EQ(list.items[1].lane, 1);
  EXPECT_EQ(list.laneItems[0], std::make_pair(0, 0));
  EXPECT_EQ(list.laneItems[3], std::make_pair(0, 1));
  EXPECT_EQ(list.laneItems[1], std::make_pair(1, 2));
}

// Deterministic pseudo-random lane: every segment overlapping the view is covered by exactly one
// item, items are in time order, and the item count is bounded by the width, not the trace.
uint64_t lcg(uint64_t& x) {
  x = x * 6364136223846793005ULL + 1442695040888963407ULL;
  return x >> 33;
}

TEST(DrawListTest, ItemsPartitionTheVisibleSegmentsAndStayFew) {
  Trace t;
  t.lanes.push_back(makeLane(0, LaneKind::Thread, 0, "t"));
  uint64_t seed = 42;
  Nanos now = 0;
  for (int i = 0; i < 200000; ++i) {
    now += static_cast<Nanos>(lcg(seed) % 50);  // gap
    Nanos len = 1 + static_cast<Nanos>(lcg(seed) % (i % 1000 == 0 ? 200000 : 100));
    addSegment(t.lanes[0], now, now + len, static_cast<State>(lcg(seed) % 6));
    now += len;
  }
  const std::vector<Segment>& segs = t.lanes[0].segments;
  for (auto [t0, t1, width] :
       std::vector<std::tuple<double, double, float>>{{0, static_cast<double>(now), 1000},
                                                      {now * 0.3, now * 0.31, 800},
                                                      {1e5, 1.2e5, 640},
                                                      {now * 0.9, now * 1.2, 1200},
                                                      {-500, 2000, 300}}) {
    DrawList list;
    TimeView v = view(t0, t1, width);
    buildDrawList(t, v, {}, 3, &list);
    int64_t expectedVisible = 0;
    size_t firstVisible = segs.size();
    for (size_t i = 0; i < segs.size(); ++i)
      if (segs[i].end > static_cast<Nanos>(std::floor(t0)) &&
          segs[i].start < static_cast<Nanos>(std::ceil(t1))) {
        if (firstVisible == segs.size()) firstVisible = i;
        ++expectedVisible;
      }
    ASSERT_FALSE(list.items.empty());
    EXPECT_EQ(static_cast<size_t>(list.items[0].first), firstVisible);
    // Contiguous partition starting at the first visible segment.
    int64_t next = list.items[0].first, covered = 0;
    for (const DrawItem& it : list.items) {
      EXPECT_EQ(it.first, next);
      EXPECT_GE(it.count, 1);
      EXPECT_EQ(it.start, segs[it.first].start);
      EXPECT_EQ(it.end, segs[it.first + it.count - 1].end);
      EXPECT_LE(it.x0, it.x1);
      EXPECT_GE(it.x0, 0);
      EXPECT_LE(it.x1, width);
      next = it.first + it.count;
      covered += it.count;
    }
    // Folds may run past the right edge by the segments they absorbed there; never fewer.
    EXPECT_GE(covered, expectedVisible);
    EXPECT_EQ(list.visibleSegments, covered);
    // Bounded by the pixels: each item plus what follows it spans at least ~minimum width.
    EXPECT_LE(list.items.size(), static_cast<size_t>(2 * width / 3 + 4)) << t0 << ".." << t1;
  }
}

TEST(DrawListTest, AMillionSegmentsFitInAFewHundredItems) {
  Trace t;
  t.lanes.push_back(makeLane(0, LaneKind::Core, -1, "core 0"));
  t.lanes[0].segments.reserve(1000000);
  for (Nanos i = 0; i < 1000000; ++i) addSegment(t.lanes[0], i * 100, i * 100 + 60);
  DrawList list;
  buildDrawList(t, fitView(t, 1000), {}, 3, &list);
  EXPECT_LE(list.items.size(), 700u);
  int64_t total = 0;
  for (const DrawItem& it : list.items) total += it.count;
  EXPECT_EQ(total, 1000000);
}

// ---- instant markers -------------------------------------------------------------------------

TEST(InstantMarksTest, CulledFilteredAndMergedPerLaneAndKind) {
  Trace t = scrambledTrace();
  auto add = [&](Nanos time, int32_t lane, InstantKind kind) {
    Instant in;
    in.time = time;
    in.lane = lane;
    in.kind = kind;
    t.instants.push_back(in);
  };
  add(5, 4, InstantKind::GilHandoff);  // before the view
  add(100, 4, InstantKind::GilHandoff);
  add(101, 4, InstantKind::GilHandoff);   // 0.1 px later: merged
  add(101, 0, InstantKind::DropRequest);  // other lane and kind: its own mark
  add(150, 4, InstantKind::Output);       // kind not asked for
  add(300, 2, InstantKind::GilHandoff);   // lane not visible
  add(400, 4, InstantKind::GilHandoff);
  add(2000, 4, InstantKind::GilHandoff);  // after the view
  std::vector<char> visible(t.lanes.size(), 1);
  visible[2] = 0;
  std::vector<InstantMark> marks;
  buildInstantMarks(t, view(50, 1050, 100), visible,
                    {InstantKind::GilHandoff, InstantKind::DropRequest}, 3, &marks);
  ASSERT_EQ(marks.size(), 3u);
  EXPECT_EQ(marks[0].lane, 4);
  EXPECT_EQ(marks[0].count, 2);
  EXPECT_EQ(marks[0].first, 1);
  EXPECT_FLOAT_EQ(marks[0].x, 5);
  EXPECT_EQ(marks[1].kind, InstantKind::DropRequest);
  EXPECT_EQ(marks[1].count, 1);
  EXPECT_EQ(marks[2].first, 6);
  EXPECT_FLOAT_EQ(marks[2].x, 35);
}

// ---- hit-testing ------------------------------------------------------------------------------

TEST(HitTestTest, FindsTheItemUnderThePoint) {
  Trace t = scrambledTrace();
  addSegment(t.lanes[0], 1000, 1001, State::WaitingGil);  // 0.1 px wide at 10 ns/px
  addSegment(t.lanes[0], 1500, 2000, State::BlockedIo);
  LayoutOptions opt;
  opt.laneHeight = 20;
  opt.headerHeight = 20;
  opt.gap = 0;
  LaneLayout layout = layoutLanes(t, opt);
  DrawList list;
  buildDrawList(t, view(0, 2000, 200), {}, 3, &list);
  int row = layout.rowOfLane(0);
  ASSERT_GE(row, 0);
  float y = layout.rows[row].y + 10;

  Hit hit = hitTest(layout, list, 50, y);
  EXPECT_EQ(hit.row, row);
  ASSERT_GE(hit.item, 0);
  EXPECT_EQ(list.items[hit.item].lane, 0);
  EXPECT_EQ(list.items[hit.item].first, 0);

  hit = hitTest(layout, list, 100.5f, y, 3);  // the thin span, within the slop
  ASSERT_GE(hit.item, 0);
  EXPECT_EQ(list.items[hit.item].state, State::WaitingGil);

  hit = hitTest(layout, list, 130, y);  // the gap
  EXPECT_EQ(hit.item, -1);
  EXPECT_EQ(hit.row, row);

  hit = hitTest(layout, list, 175, y);
  ASSERT_GE(hit.item, 0);
  EXPECT_EQ(list.items[hit.item].state, State::BlockedIo);

  hit = hitTest(layout, list, 50, layout.rows[0].y + 5);  // a group header
  EXPECT_EQ(hit.row, 0);
  EXPECT_EQ(hit.item, -1);

  hit = hitTest(layout, list, 50, layout.height + 100);
  EXPECT_EQ(hit.row, -1);
}

// ---- zoom, pan, fit ---------------------------------------------------------------------------

TEST(TimeViewTest, ZoomKeepsTheTimeUnderTheCursor) {
  TimeView v = view(0, 1000000, 1000);
  double before = v.toTime(250);
  TimeView z = zoomAt(v, 250, 4, 1e9);
  EXPECT_NEAR(z.toTime(250), before, 1e-6);
  EXPECT_NEAR(z.t1 - z.t0, 250000, 1e-6);
  TimeView out = zoomAt(z, 250, 0.25, 1e9);
  EXPECT_NEAR(out.t0, 0, 1e-6);
  EXPECT_NEAR(out.t1, 1000000, 1e-6);
}

TEST(TimeViewTest, ZoomIsClamped) {
  TimeView v = view(0, 1000, 100);
  TimeView in = zoomAt(v, 50, 1e6, 1e9);
  EXPECT_NEAR(in.t1 - in.t0, kMinSpanNs, 1e-9);
  TimeView out = zoomAt(v, 50, 1e-6, 5000);
  EXPECT_NEAR(out.t1 - out.t0, 5000, 1e-9);
  EXPECT_EQ(zoomAt(v, 50, 0, 1e9).t0, v.t0);  // a zero factor changes nothing
}

TEST(TimeViewTest, PanMovesByPixels) {
  TimeView v = view(1000, 2000, 100);  // 10 ns/px
  TimeView p = panBy(v, 10);
  EXPECT_DOUBLE_EQ(p.t0, 900);
  EXPECT_DOUBLE_EQ(p.t1, 1900);
}

TEST(TimeViewTest, FitShowsTheWholeTraceAndClampKeepsItInReach) {
  Trace t = oneLane({{0, 5000}, {6000, 10000}});
  TimeView f = fitView(t, 500);
  EXPECT_EQ(f.t0, 0);
  EXPECT_GE(f.t1, 10000);
  EXPECT_LE(f.t1, 10500);
  EXPECT_EQ(traceEnd(t), 10000);
  TimeView far = view(1e9, 1e9 + 1000, 100);
  TimeView c = clampView(far, 10000);
  EXPECT_LE(c.t1, 10000 + 500 + 1e-6);
  EXPECT_NEAR(c.t1 - c.t0, 1000, 1e-6);
  TimeView before = view(-1e6, -1e6 + 1000, 100);
  c = clampView(before, 10000);
  EXPECT_GE(c.t0, -500 - 1e-6);
}

TEST(TimeViewTest, EmptyTraceStillHasAView) {
  Trace t;
  TimeView f = fitView(t, 300);
  EXPECT_GT(f.t1 - f.t0, 0);
  EXPECT_EQ(traceEnd(t), 1);
}

// ---- time axis --------------------------------------------------------------------------------

TEST(TimeAxisTest, StepIsOneTwoOrFiveTimesAPowerOfTen) {
  for (double span : {80.0, 1e3, 3.3e4, 7.7e5, 1e6, 2.5e7, 3e8, 1.2e9, 4.4e10}) {
    TimeAxis a = computeTimeAxis(view(0, span, 1000), 90);
    double mant = a.step / std::pow(10.0, std::floor(std::log10(a.step) + 1e-9));
    EXPECT_TRUE(std::fabs(mant - 1) < 1e-9 || std::fabs(mant - 2) < 1e-9 ||
                std::fabs(mant - 5) < 1e-9)
        << "span " << span << " step " << a.step;
    EXPECT_GE(a.step / (span / 1000), 90 - 1e-6);        // labels at least 90 px apart
    EXPECT_LT(a.step / (span / 1000), 90 * 2.5 + 1e-6);  // and not much further
    double prev = -1e300;
    int majors = 0;
    for (const Tick& t : a.ticks) {
      EXPECT_GT(t.time, prev);
      prev = t.time;
      EXPECT_GE(t.x, -0.01f);
      EXPECT_LE(t.x, 1000.01f);
      if (t.major) {
        ++majors;
        EXPECT_FALSE(t.label.empty());
      }
    }
    EXPECT_GE(majors, 4);
  }
}

TEST(TimeAxisTest, UnitsAdaptFromNanosecondsToSeconds) {
  TimeAxis ms = computeTimeAxis(view(0, 300e6, 600), 100);  // 300 ms over 600 px: 50 ms steps
  EXPECT_DOUBLE_EQ(ms.step, 50e6);
  EXPECT_STREQ(ms.unitName, "ms");
  ASSERT_FALSE(ms.ticks.empty());
  EXPECT_EQ(ms.ticks[0].label, "0 ms");
  std::vector<std::string> labels;
  for (const Tick& t : ms.ticks)
    if (t.major) labels.push_back(t.label);
  EXPECT_EQ(labels[1], "50 ms");

  TimeAxis us = computeTimeAxis(view(0, 800e3, 800), 100);
  EXPECT_STREQ(us.unitName, "\xC2\xB5s");
  EXPECT_EQ(us.ticks[0].label, "0 \xC2\xB5s");

  TimeAxis ns = computeTimeAxis(view(0, 500, 500), 100);
  EXPECT_STREQ(ns.unitName, "ns");
  EXPECT_DOUBLE_EQ(ns.step, 100);

  TimeAxis s = computeTimeAxis(view(0, 3e9, 600), 100);
  EXPECT_STREQ(s.unitName, "s");
  EXPECT_EQ(s.ticks[1 * 5].label, "0.5 s");
}

TEST(TimeAxisTest, DeepZoomKeepsDistinctLabels) {
  // 1.2 s into the run, 2 us across the view: labels must still differ from each other.
  TimeAxis a = computeTimeAxis(view(1.2e9, 1.2e9 + 2000, 1000), 100);
  std::set<std::string> labels;
  for (const Tick& t : a.ticks)
    if (t.major) {
      EXPECT_TRUE(labels.insert(t.label).second) << t.label;
    }
  EXPECT_GE(labels.size(), 4u);
}

TEST(TimeAxisTest, FormatHumanReadsWell) {
  EXPECT_EQ(formatHuman(5e6), "5 ms");
  EXPECT_EQ(formatHuman(1.25e6), "1.25 ms");
  EXPECT_EQ(formatHuman(312e3), "312 \xC2\xB5s");
  EXPECT_EQ(formatHuman(17), "17 ns");
  EXPECT_EQ(formatHuman(2.5e9), "2.5 s");
  EXPECT_EQ(formatHuman(0), "0 ns");
  EXPECT_EQ(formatHuman(310e6), "310 ms");
  EXPECT_EQ(formatHuman(1000.11e6), "1.00 s");  // not exact: keep the digits
  EXPECT_EQ(formatHuman(5.11e6), "5.11 ms");
}

// ---- palette and summary ----------------------------------------------------------------------

TEST(PaletteTest, EveryStateHasItsOwnColourAndReadableText) {
  std::set<uint32_t> colours;
  for (int i = 0; i < static_cast<int>(State::Count); ++i)
    EXPECT_TRUE(colours.insert(stateColor(static_cast<State>(i))).second) << "state " << i;
  EXPECT_EQ(textColorOn(stateColor(State::BlockedSync)), 0x000000u);  // yellow: black text
  EXPECT_EQ(textColorOn(stateColor(State::GilHeld)), 0xFFFFFFu);      // blue: white text
  EXPECT_EQ(shade(0x808080, 0.5f), 0x404040u);
  EXPECT_EQ(tint(0x000000, 1.0f), 0xFFFFFFu);
}

TEST(SummaryTest, CountsSegmentsAndStates) {
  Trace t = oneLane({{0, 10}, {20, 30}}, State::BlockedIo);
  t.threads.push_back(ThreadInfo{0, 0, 0, "MainThread", 0, 30});
  TraceSummary s = summarize(t);
  EXPECT_EQ(s.segments, 2);
  EXPECT_EQ(s.end, 30);
  EXPECT_TRUE(s.statePresent[static_cast<int>(State::BlockedIo)]);
  EXPECT_FALSE(s.statePresent[static_cast<int>(State::RunningPython)]);
  EXPECT_FALSE(s.instantPresent[static_cast<int>(InstantKind::GilHandoff)]);
  t.instants.push_back(Instant{5, 0, InstantKind::GilHandoff, -1});
  EXPECT_TRUE(summarize(t).instantPresent[static_cast<int>(InstantKind::GilHandoff)]);
  EXPECT_EQ(threadName(t, 0), "MainThread");
  EXPECT_EQ(threadName(t, 7), "");
}

}  // namespace
}  // namespace interleave::ui
