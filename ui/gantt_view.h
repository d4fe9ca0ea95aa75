// The Gantt chart widget (Dear ImGui). Geometry comes from timeline_layout.h; this file only
// draws it and turns mouse input into view changes:
//   wheel over the chart: zoom at the cursor; wheel over the lane names (or shift+wheel):
//   scroll lanes; drag: pan (and scroll); double-click: fit; click a group header: fold it.
#pragma once
#include <cstdint>
#include <vector>

#include "timeline_layout.h"
#include "trace.h"

namespace interleave::ui {

struct GanttState {
  // View.
  TimeView view;
  bool fitPending = true;  // fit on the next frame (new trace, "Fit" button, double-click)
  float scrollY = 0;       // pixels the lanes are scrolled up
  LayoutOptions layoutOptions;
  float scale = 1;  // UI scale (device pixel ratio): sizes below are multiplied by it

  // Per trace (set by setTrace).
  const Trace* trace = nullptr;
  TraceSummary summary;

  // Per frame (kept for hit-testing and for the page's status).
  LaneLayout layout;
  DrawList drawList;
  std::vector<InstantMark> instantMarks;
  int hoveredItem = -1;
  int hoveredRow = -1;
  int64_t framesDrawn = 0;
  float timeAreaX = 0;  // screen x of the time area's left edge (time t is at timeAreaX + toX(t))
  float lanesY = 0;     // screen y of the first row (row r is at lanesY + r.y - scrollY)
};

// Call whenever the trace changes (new run). Keeps the view if keepView and the trace is
// comparable, else fits it on the next frame.
void setTrace(GanttState& state, const Trace* trace, bool keepView = false);

// The chart, filling `height` pixels (0: all remaining space) of the current window.
void drawGantt(GanttState& state, float height = 0);

// One line of colour swatches with state titles, for the states present in the trace.
void drawLegend(const GanttState& state);

// Makespan, speedup, GIL hand-offs and per-core utilisation from trace.metrics.
void drawMetrics(const Trace& trace);

}  // namespace interleave::ui
