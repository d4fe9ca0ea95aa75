// Compare mode and gallery examples in the page's views, headless (ImGui without a window): pin a
// run, change the program, see both stacked with the makespan difference; swap a pinned run into
// the editor; unpin; open a gallery example with four variants and get four runs on one axis.
#include <gtest/gtest.h>

#include "headless_imgui.h"
#include "imgui.h"
#include "json_read.h"
#include "view.h"

namespace interleave::ui {
namespace {

std::string sleeper(const char* seconds) {
  return std::string(
             "import threading, time\n"
             "def work():\n"
             "    time.sleep(") +
         seconds +
         ")\n"
         "ts = [threading.Thread(target=work) for _ in range(2)]\n"
         "for t in ts: t.start()\n"
         "for t in ts: t.join()\n"
         "print('done')\n";
}

class CompareViewTest : public ::testing::Test {
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
    for (int i = 0; i < 50000 && anyRunPending(view_); ++i) {
      clock_ += 1;
      frame();
    }
    ASSERT_FALSE(anyRunPending(view_));
    frame();
    frame();
  }
  JsonValue status() {
    JsonValue v;
    std::string err;
    EXPECT_TRUE(parseJson(statusJson(view_), &v, &err)) << err;
    return v;
  }
  const JsonValue& compare(const JsonValue& s) { return *s.find("compare"); }
  ImVec4 widget(const std::string& name) {
    for (const auto& [n, r] : view_.widgets.items)
      if (n == name) return r;
    ADD_FAILURE() << "no widget " << name;
    return ImVec4(0, 0, 0, 0);
  }
  bool hasWidget(const std::string& name) {
    for (const auto& item : view_.widgets.items)
      if (item.first == name) return true;
    return false;
  }

  double clock_ = 0;
  PageView view_{[this] { return clock_ += 0.01; }};
};

TEST_F(CompareViewTest, PinnedAndCurrentRunsStackOnOneTimeAxisWithTheDifference) {
  setCode(view_, sleeper("0.1"));
  runToEnd();
  EXPECT_FALSE(compare(status()).find("active")->boolean);
  ASSERT_TRUE(pinCurrentRun(view_));
  setCode(view_, sleeper("0.2"));
  runToEnd();

  JsonValue s = status();
  const JsonValue& c = compare(s);
  EXPECT_TRUE(c.find("active")->boolean);
  ASSERT_EQ(c.find("runs")->array.size(), 2u);
  const JsonValue& pinned = c.find("runs")->array[0];
  const JsonValue& current = c.find("runs")->array[1];
  EXPECT_EQ(pinned.find("label")->string, "pinned 1");
  EXPECT_FALSE(pinned.find("live")->boolean);
  EXPECT_TRUE(current.find("live")->boolean);
  EXPECT_NEAR(pinned.find("makespanNs")->number, 100e6, 1e6);
  EXPECT_NEAR(current.find("makespanNs")->number, 200e6, 1e6);
  EXPECT_EQ(current.find("percentVsFirst")->number, 100);
  EXPECT_EQ(c.find("headline")->string.substr(0, 19), "current 200 ms vs p");
  EXPECT_NE(c.find("headline")->string.find(": +100 %"), std::string::npos) << c.find("headline")->string;

  // Both bands are on screen, one above the other, with their time areas lined up and the same
  // visible range (fitted to the longer run).
  const ImVec4 top = widget("band0"), bottom = widget("band1");
  EXPECT_GT(top.w, 40);
  EXPECT_GE(bottom.y, top.y + top.w);
  const GanttState& pg = view_.compare.pinned[0]->gantt;
  EXPECT_EQ(pg.timeAreaX, view_.gantt.timeAreaX);
  EXPECT_EQ(pg.view.t0, view_.gantt.view.t0);
  EXPECT_EQ(pg.view.t1, view_.gantt.view.t1);
  EXPECT_GE(view_.gantt.view.t1, 200e6);
  EXPECT_TRUE(hasWidget("edit0"));
  EXPECT_TRUE(hasWidget("closeCompare"));
}

TEST_F(CompareViewTest, ZoomingOneBandZoomsEveryBand) {
  setCode(view_, sleeper("0.1"));
  runToEnd();
  pinCurrentRun(view_);
  setCode(view_, sleeper("0.3"));
  runToEnd();
  const double span0 = view_.gantt.view.t1 - view_.gantt.view.t0;
  const GanttState& pg = view_.compare.pinned[0]->gantt;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(pg.timeAreaX + 200, pg.lanesY + 10);  // over the pinned band's lanes
  frame();
  io.AddMouseWheelEvent(0, 2);
  frame();
  frame();
  const double span1 = view_.gantt.view.t1 - view_.gantt.view.t0;
  EXPECT_LT(span1, span0 * 0.8);
  EXPECT_EQ(pg.view.t0, view_.gantt.view.t0);
  EXPECT_EQ(pg.view.t1, view_.gantt.view.t1);
}

TEST_F(CompareViewTest, EditSwapsThePinnedRunIntoTheEditor) {
  setCode(view_, sleeper("0.1"));
  runToEnd();
  pinCurrentRun(view_);
  setCode(view_, sleeper("0.2"));
  runToEnd();
  const int64_t serial = view_.codeSerial;
  editPinnedRun(view_, 0);
  EXPECT_EQ(view_.codeSerial, serial + 1);  // the editor loads the new program
  EXPECT_EQ(view_.state.code, sleeper("0.1"));
  runToEnd();
  JsonValue s = status();
  const auto& runs = compare(s).find("runs")->array;
  ASSERT_EQ(runs.size(), 2u);
  // The bands keep their places: the 0.1 s run on top (now current), the 0.2 s run below.
  EXPECT_TRUE(runs[0].find("live")->boolean);
  EXPECT_NEAR(runs[0].find("makespanNs")->number, 100e6, 1e6);
  EXPECT_FALSE(runs[1].find("live")->boolean);
  EXPECT_NEAR(runs[1].find("makespanNs")->number, 200e6, 1e6);
  EXPECT_EQ(view_.compare.pinned[0]->code, sleeper("0.2"));
}

TEST_F(CompareViewTest, UnpinningTheLastRunLeavesCompareMode) {
  setCode(view_, sleeper("0.1"));
  runToEnd();
  pinCurrentRun(view_);
  pinCurrentRun(view_);
  EXPECT_EQ(view_.compare.pinned.size(), 2u);
  unpinRun(view_, 0);
  frame();
  EXPECT_TRUE(compare(status()).find("active")->boolean);
  unpinRun(view_, 0);
  frame();
  frame();
  EXPECT_FALSE(compare(status()).find("active")->boolean);
  EXPECT_FALSE(hasWidget("band0"));
  EXPECT_TRUE(hasWidget("timeArea"));  // the single chart is back, with its own axis and end
  EXPECT_TRUE(view_.gantt.showAxis);
  EXPECT_EQ(view_.gantt.endOverride, 0);
}

TEST_F(CompareViewTest, PinIsRefusedWithoutARunOrWhenTheStackIsFull) {
  EXPECT_FALSE(pinCurrentRun(view_));
  setCode(view_, sleeper("0.1"));
  runToEnd();
  for (size_t i = 1; i < kMaxCompareRuns; ++i) EXPECT_TRUE(pinCurrentRun(view_));
  EXPECT_FALSE(pinCurrentRun(view_));
  EXPECT_EQ(view_.compare.pinned.size() + 1, kMaxCompareRuns);
}

TEST_F(CompareViewTest, AFourModelGalleryExampleOpensAsFourStackedRuns) {
  ASSERT_TRUE(openGalleryExample(view_, "io_four_models"));
  EXPECT_EQ(view_.codeSerial, 1);
  EXPECT_NE(view_.state.code.find("MODEL = \"asyncio\""), std::string::npos);
  runToEnd();
  JsonValue s = status();
  const JsonValue& c = compare(s);
  EXPECT_EQ(c.find("gallery")->string, "io_four_models");
  EXPECT_EQ(c.find("pending")->number, 0);
  const auto& runs = c.find("runs")->array;
  ASSERT_EQ(runs.size(), 4u);
  const char* labels[] = {"sequential", "threads", "processes", "asyncio"};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(runs[i].find("label")->string, labels[i]);
    EXPECT_TRUE(runs[i].find("completed")->boolean) << labels[i];
    EXPECT_TRUE(hasWidget("band" + std::to_string(i)));
  }
  EXPECT_TRUE(runs[3].find("live")->boolean);
  EXPECT_NEAR(runs[0].find("makespanNs")->number, 1.6e9, 0.02e9);
  EXPECT_NEAR(runs[1].find("makespanNs")->number, 0.2e9, 0.01e9);
  EXPECT_EQ(c.find("headline")->string, "asyncio 200 ms vs sequential 1.60 s: -87 %");
  // Editing the current program marks it as edited.
  setCode(view_, view_.state.code + "\n");
  runToEnd();
  EXPECT_EQ(compare(status()).find("runs")->array[3].find("label")->string, "asyncio (edited)");
}

TEST_F(CompareViewTest, ASettingsVariantRunsTheSameCodeWithOtherSettings) {
  ASSERT_TRUE(openGalleryExample(view_, "free_threaded"));
  runToEnd();
  const JsonValue s = status();
  const auto& runs = compare(s).find("runs")->array;
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].find("label")->string, "gil=on");
  EXPECT_EQ(runs[0].find("settings")->string, "gil=on");
  EXPECT_TRUE(runs[1].find("live")->boolean);
  EXPECT_EQ(runs[1].find("settings")->string, "gil=off");
  EXPECT_LT(runs[1].find("percentVsFirst")->number, -60);
  EXPECT_FALSE(s.find("runGil")->boolean);
}

TEST_F(CompareViewTest, AnExampleWithoutVariantsOpensAlone) {
  setCode(view_, sleeper("0.1"));
  runToEnd();
  pinCurrentRun(view_);
  ASSERT_TRUE(openGalleryExample(view_, "deadlock"));
  runToEnd();
  JsonValue s = status();
  EXPECT_FALSE(compare(s).find("active")->boolean);  // the old compare is closed
  EXPECT_EQ(compare(s).find("gallery")->string, "deadlock");
  ASSERT_NE(s.find("error"), nullptr);
  EXPECT_NE(s.find("error")->find("message")->string.find("deadlock"), std::string::npos);
  EXPECT_FALSE(openGalleryExample(view_, "no_such_example"));
  EXPECT_EQ(compare(status()).find("gallery")->string, "deadlock");
}

}  // namespace
}  // namespace interleave::ui
