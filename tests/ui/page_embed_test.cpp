// The page as embed.html trims it (PageChrome, docs/embed.md), headless: without bottom panels
// the chart takes their height; only the chosen tabs are drawn, in the chosen order; the
// settings row can be hidden, or shown read-only (a click changes nothing). And what a share link
// carries of the view (range, cursor, selection, folds) comes back through the page state.
#include <gtest/gtest.h>

#include <algorithm>

#include "headless_imgui.h"
#include "imgui.h"
#include "json_read.h"
#include "view.h"

namespace interleave::ui {
namespace {

const char* kProgram =
    "import threading, time\n"
    "def work():\n"
    "    total = 0\n"
    "    for i in range(20000):\n"
    "        total += i\n"
    "    time.sleep(0.002)\n"
    "ts = [threading.Thread(target=work) for _ in range(2)]\n"
    "for t in ts: t.start()\n"
    "for t in ts: t.join()\n";

class PageEmbedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    newContext();
    setCode(view_, kProgram);
    runToEnd();
  }
  // A fresh ImGui context: no tab bar remembers the tabs of earlier frames (as on page load).
  void newContext() {
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    createHeadlessContext(1200, 700);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  void frame() {
    clock_ += 1;
    tick(view_, 4);
    ImGui::NewFrame();
    drawPage(view_);
    ImGui::Render();
  }
  void runToEnd() {
    for (int i = 0; i < 20000 && (view_.runner.running() || view_.runDueMs >= 0); ++i) frame();
    frame();
    frame();
  }
  const ImVec4* widget(const std::string& name) const {
    for (const auto& [n, r] : view_.widgets.items)
      if (n == name) return &r;
    return nullptr;
  }
  // A click in the middle of the widget's left square (a checkbox's box; x, y, width, height).
  void click(const ImVec4& r) {
    ImGuiIO& io = ImGui::GetIO();
    const float side = std::min(r.z, r.w);
    io.AddMousePosEvent(r.x + side / 2, r.y + r.w / 2);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
  }

  double clock_ = 0;
  PageView view_{[this] { return clock_ += 0.01; }};
};

TEST_F(PageEmbedTest, WithoutPanelsTheChartTakesTheirHeight) {
  ASSERT_NE(widget("chart"), nullptr);
  const float withPanels = widget("chart")->w;
  EXPECT_NE(widget("tab:output"), nullptr);
  view_.chrome.tabs.clear();
  frame();
  ASSERT_NE(widget("chart"), nullptr);
  EXPECT_EQ(widget("tab:output"), nullptr);
  EXPECT_GT(widget("chart")->w, withPanels + 150);  // the panels had a third of the height
}

TEST_F(PageEmbedTest, OnlyTheChosenTabsAreDrawnInTheChosenOrder) {
  view_.chrome.tabs = {"metrics", "output", "no-such-tab"};
  newContext();  // the embed sets its tabs before its first frame
  frame();
  frame();
  ASSERT_NE(widget("tab:metrics"), nullptr);
  ASSERT_NE(widget("tab:output"), nullptr);
  EXPECT_EQ(widget("tab:errors"), nullptr);
  EXPECT_EQ(widget("tab:cursor"), nullptr);
  EXPECT_LT(widget("tab:metrics")->x, widget("tab:output")->x);
}

TEST_F(PageEmbedTest, SettingsCanBeHiddenOrShownReadOnly) {
  ASSERT_NE(widget("gil"), nullptr);
  view_.chrome.settings = false;
  frame();
  EXPECT_EQ(widget("gil"), nullptr);
  EXPECT_EQ(widget("cores"), nullptr);

  view_.chrome.settings = true;
  view_.chrome.readOnly = true;
  frame();
  ASSERT_NE(widget("gil"), nullptr);
  const ImVec4 gil = *widget("gil");
  click(gil);
  EXPECT_EQ(view_.state.setting("gil"), nullptr) << "a read-only page ignores the click";

  view_.chrome.readOnly = false;
  frame();
  click(*widget("gil"));
  ASSERT_NE(view_.state.setting("gil"), nullptr) << "the same click on an editable page";
  EXPECT_EQ(*view_.state.setting("gil"), "off");
}

TEST_F(PageEmbedTest, PanelsListsNameWhatIsShown) {
  PageChrome c = PageChrome::fromPanels("legend,cursor,bogus,output,", true);
  EXPECT_FALSE(c.settings);
  EXPECT_FALSE(c.summary);
  EXPECT_TRUE(c.legend);
  EXPECT_TRUE(c.readOnly);
  EXPECT_EQ(c.tabs, (std::vector<std::string>{"cursor", "output"}));
  c = PageChrome::fromPanels("", false);
  EXPECT_FALSE(c.settings || c.summary || c.legend);
  EXPECT_TRUE(c.tabs.empty());
  c = PageChrome::fromPanels("settings,summary", false);
  EXPECT_TRUE(c.settings && c.summary && !c.legend);

  // Without the settings, summary and legend rows the chart starts higher up.
  const float top = widget("chart")->y;
  view_.chrome = PageChrome::fromPanels("output", false);
  frame();
  EXPECT_LT(widget("chart")->y, top - 60);
}

TEST_F(PageEmbedTest, RerunRunsTheSameProgramAgain) {
  const int64_t before = view_.runsFinished;
  const Nanos makespan = view_.result->outcome.trace.metrics.makespan;
  rerun(view_);
  EXPECT_TRUE(view_.runner.running());
  runToEnd();
  EXPECT_EQ(view_.runsFinished, before + 1);
  EXPECT_EQ(view_.result->outcome.trace.metrics.makespan, makespan);  // deterministic
}

TEST_F(PageEmbedTest, TheViewOfALinkComesBackThroughThePageState) {
  const double end = static_cast<double>(view_.result->outcome.trace.metrics.makespan);
  view_.gantt.view.t0 = end * 0.2;
  view_.gantt.view.t1 = end * 0.6;
  view_.gantt.fitPending = false;
  view_.gantt.selStart = end * 0.3;
  view_.gantt.selEnd = end * 0.4;
  view_.gantt.cursor = end * 0.35;
  view_.gantt.highlight.thread = 1;
  view_.gantt.layoutOptions.collapsedGroups = {-1};
  frame();
  const std::string json = stateJson(view_);

  // A fresh page opening the link: the same program, view, range, cursor, selection and folds.
  PageView other{[this] { return clock_ += 0.01; }};
  std::string err;
  ASSERT_TRUE(applyState(other, json, &err)) << err;
  for (int i = 0; i < 20000 && other.runner.running(); ++i) tick(other, 4);
  ASSERT_TRUE(other.result);
  EXPECT_EQ(other.state.code, kProgram);
  EXPECT_DOUBLE_EQ(other.gantt.view.t0, end * 0.2);
  EXPECT_DOUBLE_EQ(other.gantt.view.t1, end * 0.6);
  EXPECT_FALSE(other.gantt.fitPending);
  EXPECT_DOUBLE_EQ(other.gantt.selStart, end * 0.3);
  EXPECT_DOUBLE_EQ(other.gantt.selEnd, end * 0.4);
  EXPECT_DOUBLE_EQ(other.gantt.cursor, end * 0.35);
  EXPECT_EQ(other.gantt.highlight.thread, 1);
  EXPECT_EQ(other.gantt.layoutOptions.collapsedGroups, std::vector<int32_t>{-1});
  EXPECT_EQ(stateJson(other), json);
}

}  // namespace
}  // namespace interleave::ui
