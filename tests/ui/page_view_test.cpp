// The page's views headless (ImGui without a window or GPU): the default program runs in slices
// while frames are drawn, a click on a segment selects its thread and line, a setting change
// re-runs, a syntax error keeps the last chart and reports its line, and the status JSON the
// page's script reads stays valid.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "headless_imgui.h"
#include "imgui.h"
#include "json_read.h"
#include "view.h"

namespace interleave::ui {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class PageViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    createHeadlessContext(1400, 900);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  void frame() {
    tick(view_, 4);
    ImGui::NewFrame();
    drawPage(view_);
    ImGui::Render();
  }
  void runToEnd() {
    for (int i = 0; i < 20000 && (view_.runner.running() || view_.runDueMs >= 0); ++i) {
      clock_ += 1;
      frame();
    }
    frame();
    frame();
  }
  JsonValue status() {
    JsonValue v;
    std::string err;
    EXPECT_TRUE(parseJson(statusJson(view_), &v, &err)) << err;
    return v;
  }

  double clock_ = 0;
  PageView view_{[this] { return clock_ += 0.01; }};
};

TEST_F(PageViewTest, RunsTheDefaultProgramAndSelectsFromAClick) {
  setCode(view_, readFile(INTERLEAVE_DEFAULT_SCENARIO));
  runToEnd();
  ASSERT_TRUE(view_.result);
  EXPECT_TRUE(view_.ready);
  JsonValue s = status();
  EXPECT_TRUE(s.find("completed")->boolean);
  EXPECT_GT(s.find("makespanNs")->number, 0);
  EXPECT_EQ(s.find("error"), nullptr);
  EXPECT_NE(s.find("widgets")->find("cores"), nullptr);

  // Click the middle of the first thread lane's widest running segment.
  const GanttState& g = view_.gantt;
  int best = -1;
  for (size_t i = 0; i < g.drawList.items.size(); ++i) {
    const DrawItem& it = g.drawList.items[i];
    const Lane& lane = g.trace->lanes[static_cast<size_t>(it.lane)];
    if (lane.kind != LaneKind::Thread || it.folded() || it.state != State::RunningPython) continue;
    if (best < 0 || it.x1 - it.x0 > g.drawList.items[static_cast<size_t>(best)].x1 - g.drawList.items[static_cast<size_t>(best)].x0)
      best = static_cast<int>(i);
  }
  ASSERT_GE(best, 0);
  const DrawItem it = g.drawList.items[static_cast<size_t>(best)];
  const Row& row = g.layout.rows[static_cast<size_t>(g.layout.rowOfLane(it.lane))];
  ImVec2 p(std::floor(g.timeAreaX + (it.x0 + it.x1) / 2), std::floor(g.lanesY + row.y + row.height / 2 - g.scrollY));
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(p.x, p.y);
  frame();
  frame();
  EXPECT_EQ(view_.gantt.hoveredItem >= 0, true);
  io.AddMouseButtonEvent(0, true);
  frame();
  io.AddMouseButtonEvent(0, false);
  frame();
  const Segment& seg = g.trace->lanes[static_cast<size_t>(it.lane)].segments[static_cast<size_t>(it.first)];
  EXPECT_EQ(view_.gantt.highlight.thread, seg.thread);
  EXPECT_EQ(view_.gantt.highlight.line, seg.line);
  EXPECT_GT(seg.line, 0);
  EXPECT_EQ(status().find("selectedLine")->number, seg.line);

  // The editor's cursor on a line highlights that line's segments only.
  selectLine(view_, 20);
  frame();
  EXPECT_EQ(view_.gantt.highlight.thread, -1);
  EXPECT_EQ(view_.gantt.highlight.line, 20);

  // A setting change re-runs on the new machine.
  const double makespan = status().find("makespanNs")->number;
  setSettingAndRun(view_, "gil", "off");
  clock_ += 1000;
  runToEnd();
  s = status();
  EXPECT_FALSE(s.find("runGil")->boolean);
  EXPECT_LT(s.find("makespanNs")->number, makespan);  // the two CPU-bound threads overlap
  // The chart showed the whole run, so it shows the whole (shorter) new one.
  EXPECT_LT(view_.gantt.view.t1, makespan * 0.8);

  // The page state carries all of it.
  PageState st;
  std::string err;
  ASSERT_TRUE(st.fromJson(stateJson(view_), &err)) << err;
  EXPECT_EQ(st.settingsString(), "gil=off");
  EXPECT_GT(st.viewEnd, st.viewStart);
}

TEST_F(PageViewTest, SyntaxErrorKeepsTheChartAndFixingRecovers) {
  const std::string good = "import time\ntime.sleep(0.01)\nprint('done')\n";
  setCode(view_, good);
  runToEnd();
  const size_t lanes = view_.gantt.trace->lanes.size();
  setCode(view_, "import time\ntime.sleep(0.01\nprint('done')\n");
  runToEnd();
  JsonValue s = status();
  ASSERT_NE(s.find("error"), nullptr);
  EXPECT_EQ(s.find("error")->find("line")->number, 2);
  EXPECT_EQ(s.find("tab")->string, "errors");
  EXPECT_EQ(view_.gantt.trace->lanes.size(), lanes);  // the last chart stays
  setCode(view_, good);
  runToEnd();
  s = status();
  EXPECT_EQ(s.find("error"), nullptr);
  EXPECT_EQ(s.find("stdout")->string, "done\n");
}

TEST_F(PageViewTest, PlaybackAndStepMoveTheCursor) {
  setCode(view_, "import time\ntime.sleep(0.01)\nprint('done')\n");
  runToEnd();
  view_.playing = true;
  view_.gantt.cursor = 0;
  view_.state.playbackSpeed = 1;
  for (int i = 0; i < 10; ++i) {
    clock_ += 16;
    frame();
  }
  EXPECT_GT(view_.gantt.cursor, 0);
  view_.playing = false;
  view_.state.tab = "cursor";
  view_.selectTab = true;
  frame();
  frame();
  EXPECT_EQ(status().find("tab")->string, "cursor");
}

TEST_F(PageViewTest, TheCursorPanelShowsLockOwnersAndQueueContents) {
  setCode(view_, R"PY(import threading, queue, time
lock = threading.Lock()
jobs = queue.Queue()
def worker():
    with lock:
        jobs.put("job-1")
        time.sleep(0.01)
t = threading.Thread(target=worker, name="worker")
t.start()
time.sleep(0.005)
print("look now")
t.join()
)PY");
  runToEnd();
  ASSERT_TRUE(view_.result);
  Nanos now = -1;
  for (const OutputLine& l : view_.result->outcome.trace.output) {
    if (l.text == "look now") now = l.time;
  }
  ASSERT_GT(now, 0);
  view_.gantt.cursor = static_cast<double>(now);
  view_.state.tab = "cursor";
  view_.selectTab = true;
  for (float width : {1400.0f, 600.0f}) {  // beside the lanes, then under them
    ImGui::GetIO().DisplaySize = ImVec2(width, 900);
    frame();
    frame();
    JsonValue s = status();
    ASSERT_NE(s.find("widgets")->find("locksTable"), nullptr) << width;
    ASSERT_NE(s.find("widgets")->find("queuesTable"), nullptr) << width;
    const JsonValue* rows = s.find("cursorResources");
    ASSERT_NE(rows, nullptr);
    ASSERT_EQ(rows->array.size(), 2u);
    EXPECT_EQ(rows->array[0].find("table")->string, "locks");
    EXPECT_EQ(rows->array[0].find("name")->string, "lock");
    EXPECT_EQ(rows->array[0].find("state")->string, "held by worker");
    EXPECT_EQ(rows->array[1].find("table")->string, "queues");
    EXPECT_EQ(rows->array[1].find("name")->string, "jobs");
    EXPECT_EQ(rows->array[1].find("items")->string, "'job-1'");
  }
  // Before the objects exist the tables are not there.
  view_.gantt.cursor = 0;
  frame();
  EXPECT_EQ(status().find("cursorResources"), nullptr);
  EXPECT_EQ(status().find("widgets")->find("locksTable"), nullptr);
}

}  // namespace
}  // namespace interleave::ui
