// The ImGui chart widget, headless (no window, no GPU: ImGui's examples/example_null approach):
// it draws, the mouse hovers / zooms / pans / folds a group, and ImGui's asserts stay quiet.
#include "view_timeline.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "headless_imgui.h"
#include "imgui.h"

namespace interleave::ui {
namespace {

Trace demoTrace() {
  Trace t;
  auto lane = [&](int32_t id, LaneKind kind, int32_t process, const char* name) {
    Lane l;
    l.id = id;
    l.kind = kind;
    l.process = process;
    l.name = name;
    t.lanes.push_back(l);
    return &t.lanes.back();
  };
  lane(0, LaneKind::Core, -1, "core 0");
  lane(1, LaneKind::Gil, 0, "GIL");
  lane(2, LaneKind::Thread, 0, "MainThread");
  lane(3, LaneKind::Thread, 0, "Thread-1");
  t.threads = {ThreadInfo{0, 0, 2, "MainThread", 0, 0}, ThreadInfo{1, 0, 3, "Thread-1", 0, 0}};
  ProcessInfo p;
  p.name = "main";
  p.osPid = 4242;
  p.gilLane = 1;
  t.processes = {p};
  t.strings = {"cpu(0.05)"};
  // Two threads alternating the GIL every 5 ms for 100 ms, plus many tiny spans at the end.
  for (int i = 0; i < 20; ++i) {
    Nanos a = i * 5 * kMillisecond, b = a + 5 * kMillisecond;
    int32_t who = i % 2;
    Segment run{a, b, State::RunningPython, who, 0, 3};
    Segment wait{a, b, State::WaitingGil, 1 - who, -1, -1};
    Segment held{a, b, State::GilHeld, who, -1, -1};
    t.lanes[0].segments.push_back(run);
    t.lanes[1].segments.push_back(held);
    t.lanes[2 + who].segments.push_back(run);
    t.lanes[3 - who].segments.push_back(wait);
  }
  for (int i = 0; i < 5000; ++i) {
    Nanos a = 100 * kMillisecond + i * 2000;
    t.lanes[2].segments.push_back(Segment{a, a + 1000, State::BlockedIo, 0, -1, -1});
  }
  t.metrics.makespan = 110 * kMillisecond;
  t.metrics.coreUtilisationPermille = {910};
  t.metrics.coreBusy = {100 * kMillisecond};
  t.metrics.gilHandoffs = 19;
  t.metrics.speedupPermille = 1000;
  t.completed = true;
  return t;
}

class GanttViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    createHeadlessContext(1200, 700);
    trace_ = demoTrace();
    setTrace(state_, &trace_);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // One frame: the chart fills a window at the origin. Returns the vertices drawn.
  int frame() {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("chart", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    drawMetrics(trace_);
    drawLegend(state_);
    chartOrigin_ = ImGui::GetCursorScreenPos();
    drawGantt(state_);
    ImGui::End();
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
  }

  // Screen position of the middle of trace lane `lane` at time t (as of the last frame).
  ImVec2 pointAt(int32_t lane, double t) {
    const Row& row = state_.layout.rows[state_.layout.rowOfLane(lane)];
    return ImVec2(state_.timeAreaX + state_.view.toX(t),
                  state_.lanesY + row.y + row.height / 2 - state_.scrollY);
  }

  Trace trace_;
  GanttState state_;
  ImVec2 chartOrigin_;
};

TEST_F(GanttViewTest, DrawsAndFitsTheWholeTrace) {
  EXPECT_GT(frame(), 1000);
  EXPECT_EQ(state_.framesDrawn, 1);
  EXPECT_FALSE(state_.fitPending);
  EXPECT_EQ(state_.view.t0, 0);
  EXPECT_GE(state_.view.t1, 110e6);
  EXPECT_EQ(state_.layout.rows.size(), 6u);  // Cores header, core 0, process header, 3 lanes
  EXPECT_FALSE(state_.drawList.items.empty());
  EXPECT_GT(state_.drawList.foldedItems, 0);  // the 5000 tiny I/O spans
  EXPECT_TRUE(state_.summary.statePresent[static_cast<int>(State::GilHeld)]);
}

TEST_F(GanttViewTest, HoverWheelDragAndHeaderClick) {
  frame();
  ImGuiIO& io = ImGui::GetIO();

  // Hover the middle of MainThread's first 5 ms: a real segment, so a tooltip.
  ImVec2 p = pointAt(2, 2.5e6);
  p = ImVec2(std::floor(p.x), std::floor(p.y));  // ImGui floors mouse positions
  io.AddMousePosEvent(p.x, p.y);
  frame();
  frame();
  ASSERT_GE(state_.hoveredItem, 0);
  EXPECT_EQ(state_.drawList.items[state_.hoveredItem].lane, 2);
  EXPECT_EQ(state_.drawList.items[state_.hoveredItem].state, State::RunningPython);

  // Wheel up zooms in around the cursor.
  double span = state_.view.t1 - state_.view.t0;
  double under = state_.view.toTime(p.x - state_.timeAreaX);
  io.AddMouseWheelEvent(0, 2);
  frame();
  EXPECT_LT(state_.view.t1 - state_.view.t0, span * 0.7);
  EXPECT_NEAR(state_.view.toTime(p.x - state_.timeAreaX), under, span * 1e-6);

  // Dragging right pans to earlier times.
  double t0 = state_.view.t0;
  io.AddMouseButtonEvent(0, true);
  frame();
  for (int i = 1; i <= 5; ++i) {
    io.AddMousePosEvent(p.x + 20 * i, p.y);
    frame();
  }
  io.AddMouseButtonEvent(0, false);
  frame();
  EXPECT_LT(state_.view.t0, t0);

  // A click on the process header folds the process's lanes away.
  const Row& header = state_.layout.rows[2];
  ASSERT_EQ(header.kind, RowKind::GroupHeader);
  ImVec2 h(chartOrigin_.x + 20, state_.lanesY + header.y + header.height / 2 - state_.scrollY);
  io.AddMousePosEvent(h.x, h.y);
  frame();
  io.AddMouseButtonEvent(0, true);
  frame();
  io.AddMouseButtonEvent(0, false);
  frame();
  frame();
  EXPECT_EQ(state_.layout.rows.size(), 3u);
  EXPECT_TRUE(state_.layout.rows[2].collapsed);

  // Fit brings the whole run back.
  state_.fitPending = true;
  frame();
  EXPECT_EQ(state_.view.t0, 0);
}

TEST_F(GanttViewTest, DeepZoomAndTinyWindowsDoNotBreak) {
  frame();
  state_.view.t0 = 100e6;
  state_.view.t1 = 100e6 + 30;  // 30 ns across
  EXPECT_GT(frame(), 0);
  ImGui::GetIO().DisplaySize = ImVec2(90, 70);
  frame();
  ImGui::GetIO().DisplaySize = ImVec2(3000, 2000);
  state_.scale = 2;
  EXPECT_GT(frame(), 0);
  Trace empty;
  setTrace(state_, &empty);
  EXPECT_GE(frame(), 0);
}


TEST_F(GanttViewTest, ClickSelectsRightDragMeasuresAxisMovesTheCursorKeysZoom) {
  frame();
  ImGuiIO& io = ImGui::GetIO();
  // A click (press and release without moving) on Thread-1's first waiting span.
  ImVec2 p = pointAt(3, 2.5e6);
  p = ImVec2(std::floor(p.x), std::floor(p.y));
  io.AddMousePosEvent(p.x, p.y);
  frame();
  io.AddMouseButtonEvent(0, true);
  frame();
  io.AddMouseButtonEvent(0, false);
  frame();
  ASSERT_TRUE(state_.clicked);
  EXPECT_EQ(state_.clickedLane, 3);
  EXPECT_EQ(state_.clickedCount, 1);
  EXPECT_EQ(trace_.lanes[3].segments[state_.clickedFirst].state, State::WaitingGil);
  frame();
  EXPECT_FALSE(state_.clicked);  // an event of one frame

  // Highlighting a thread draws (and does not disturb the layout).
  state_.highlight.thread = 1;
  EXPECT_GT(frame(), 0);

  // Right-drag from 10 ms to 30 ms selects that range.
  ImVec2 a = pointAt(2, 10e6), b = pointAt(2, 30e6);
  io.AddMousePosEvent(a.x, a.y);
  frame();
  io.AddMouseButtonEvent(1, true);
  frame();
  for (int i = 1; i <= 4; ++i) {
    io.AddMousePosEvent(a.x + (b.x - a.x) * i / 4, a.y);
    frame();
  }
  io.AddMouseButtonEvent(1, false);
  frame();
  EXPECT_NEAR(state_.selStart, 10e6, 0.5e6);
  EXPECT_NEAR(state_.selEnd, 30e6, 0.5e6);
  EXPECT_FALSE(state_.clicked);

  // A press on the time axis puts the time cursor there.
  const float axisY = state_.lanesY - 5;
  io.AddMousePosEvent(std::floor(pointAt(2, 50e6).x), axisY);
  frame();
  io.AddMouseButtonEvent(0, true);
  frame();
  io.AddMouseButtonEvent(0, false);
  frame();
  EXPECT_NEAR(state_.cursor, 50e6, 0.5e6);

  // W held for a few frames zooms in; D pans to later times.
  const double span = state_.view.t1 - state_.view.t0;
  io.AddKeyEvent(ImGuiKey_W, true);
  for (int i = 0; i < 10; ++i) frame();
  io.AddKeyEvent(ImGuiKey_W, false);
  frame();
  EXPECT_LT(state_.view.t1 - state_.view.t0, span * 0.8);
  const double t0 = state_.view.t0;
  io.AddKeyEvent(ImGuiKey_D, true);
  for (int i = 0; i < 5; ++i) frame();
  io.AddKeyEvent(ImGuiKey_D, false);
  frame();
  EXPECT_GT(state_.view.t0, t0);

  // A pinch (the page's zoom request) zooms about its anchor.
  const double before = state_.view.t1 - state_.view.t0;
  state_.zoomRequest = 2;
  frame();
  EXPECT_NEAR(state_.view.t1 - state_.view.t0, before / 2, before * 0.01);
}

}  // namespace
}  // namespace interleave::ui
