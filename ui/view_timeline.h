// The Gantt chart widget (Dear ImGui). Geometry comes from timeline_layout.h and the queries
// from trace_query.h; this file only draws them and turns input into view changes:
//   wheel over the chart: zoom at the cursor; wheel over the lane names (or shift+wheel):
//   scroll lanes; drag: pan (and scroll); double-click: fit; click a group header: fold it;
//   click a segment: select it (the page highlights its thread and line); right-drag or
//   shift+drag: select a range and measure it; click or drag on the time axis: move the time
//   cursor; keys W/S or Up/Down zoom, A/D or Left/Right pan (Perfetto/Tracy style), F fits;
//   two-finger pinch (fed in by the page as zoomRequest) zooms.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "timeline_layout.h"
#include "trace.h"
#include "trace_query.h"

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

  // Highlight (thread and/or source line), time cursor, measured range.
  Highlight highlight;
  double cursor = -1;                  // ns, < 0 none
  double selStart = 0, selEnd = 0;     // ns; selEnd > selStart: a range is selected
  bool keyboard = true;                // W/A/S/D and arrows act on the chart
  const std::vector<std::string>* sourceLines = nullptr;  // the program, for tooltips

  // Requests from outside (the page: pinch zoom, output click), consumed by the next frame.
  double zoomRequest = 1;        // factor, > 1 zooms in
  float zoomAnchorX = -1;        // screen x to keep fixed; < 0: the middle
  double centerRequest = -1;     // ns to bring to the middle of the view

  // Events of the last frame, for the page.
  bool clicked = false;      // a segment was clicked (released without dragging)
  int32_t clickedLane = -1;  // trace lane of the clicked item
  int32_t clickedFirst = -1, clickedCount = 0;
  bool clickedEmpty = false;  // a click on no segment (clears the selection)
  bool viewChanged = false;   // zoom, pan, fit, fold, selection or cursor changed

  bool selecting = false, scrubbing = false;  // the drag in progress measures / moves the cursor
  float timeAreaX = 0;  // screen x of the time area's left edge (time t is at timeAreaX + toX(t))
  float lanesY = 0;     // screen y of the first row (row r is at lanesY + r.y - scrollY)

  // Compare mode stacks several charts on one time axis: they fit, zoom and clamp to a common
  // end, and their lane-name columns get one width so their time areas line up.
  Nanos endOverride = 0;      // > 0: use instead of the trace's end
  float nameWidthMin = 0;     // the name column is at least this wide (pixels)
  float nameWidthNeeded = 0;  // out: the width this chart's names wanted in the last frame
  float axisHeight = 0;       // out: height of the time axis in the last frame (pixels)
  bool showAxis = true;       // false: no time axis (a band under another chart's axis)
  bool compact = false;       // tighter rows (several charts on one screen)
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
