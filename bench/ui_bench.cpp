// The chart's preprocessing (Tracy's first phase), natively: lane layout, the draw list (binary
// search for the visible range, sub-pixel spans folded) and instant marks, for a trace of
// 1,000,000 segments, as one frame of the page does it. Goal: < 4 ms per frame.
#include <benchmark/benchmark.h>

#include "timeline_layout.h"
#include "trace_query.h"

namespace {

using namespace interleave;
using namespace interleave::ui;

const Trace& bigTrace() {
  static const Trace t = makeSyntheticTrace(1000000, 8);
  return t;
}

// One frame's preprocessing at a given zoom (fraction of the whole run visible), panning by
// 1/100 of the view per iteration as a drag does.
void BM_ChartFrame(benchmark::State& state) {
  const Trace& t = bigTrace();
  const double fraction = 1.0 / static_cast<double>(state.range(0));
  const float width = 1600;
  TimeView view = fitView(t, width);
  const double span = (view.t1 - view.t0) * fraction;
  view.t0 = (view.t1 - view.t0) * 0.3;
  view.t1 = view.t0 + span;
  LayoutOptions options;
  DrawList list;
  std::vector<InstantMark> marks;
  std::vector<char> visible(t.lanes.size(), 1);
  int64_t items = 0, seen = 0;
  const double end = static_cast<double>(traceEnd(t));
  for (auto _ : state) {
    view = panBy(view, -width / 100);
    if (view.t1 > end) {  // wrap around: always a view full of segments
      view.t1 -= view.t0;
      view.t0 = 0;
    }
    LaneLayout layout = layoutLanes(t, options);
    buildDrawList(t, view, {}, 3, &list);
    buildInstantMarks(t, view, visible, {InstantKind::GilHandoff, InstantKind::DropRequest}, 4, &marks);
    Hit hit = hitTest(layout, list, width / 2, layout.rows[1].y + 2);
    benchmark::DoNotOptimize(hit);
    items += static_cast<int64_t>(list.items.size());
    seen += list.visibleSegments;
  }
  state.counters["items/frame"] = static_cast<double>(items) / static_cast<double>(state.iterations());
  state.counters["visible segments/frame"] = static_cast<double>(seen) / static_cast<double>(state.iterations());
}
// Whole run visible, 1/10, 1/1000, 1/100000 of it.
BENCHMARK(BM_ChartFrame)->Arg(1)->Arg(10)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_SyntheticTrace(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(makeSyntheticTrace(1000000, 8));
}
BENCHMARK(BM_SyntheticTrace)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
