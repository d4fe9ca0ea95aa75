// The Export menu headless (ImGui without a window): it is disabled until there is a chart, and
// choosing a format records it for the page's script (PageView::exportRequest; ui/app_exports.cpp
// hands it on). The files themselves are checked by tests/engine/trace_svg_test,
// tests/cli/cli_test.py and tests/browser/export.test.mjs.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "headless_imgui.h"
#include "imgui.h"
#include "view.h"

namespace interleave::ui {
namespace {

class ExportMenuTest : public ::testing::Test {
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
    for (int i = 0; i < 20000 && (view_.runner.running() || view_.runDueMs >= 0); ++i) frame();
    frame();
    frame();
  }
  // Centre of a widget the page reported, or (-1, -1).
  ImVec2 widget(const std::string& name) const {
    for (const auto& [n, r] : view_.widgets.items)
      if (n == name) return ImVec2(r.x + r.z / 2, r.y + r.w / 2);
    return ImVec2(-1, -1);
  }
  void click(ImVec2 p) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(p.x, p.y);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    frame();
  }

  double clock_ = 0;
  PageView view_{[this] { return clock_ += 0.01; }};
};

TEST_F(ExportMenuTest, IsDisabledUntilThereIsAChart) {
  frame();
  const ImVec2 button = widget("export");
  ASSERT_GE(button.x, 0);
  click(button);
  EXPECT_LT(widget("export:svg").x, 0) << "no menu without a chart";
  EXPECT_TRUE(view_.exportRequest.empty());
}

TEST_F(ExportMenuTest, ChoosingAFormatRecordsItForThePage) {
  std::ifstream in(INTERLEAVE_DEFAULT_SCENARIO);
  std::stringstream code;
  code << in.rdbuf();
  setCode(view_, code.str());
  runToEnd();
  ASSERT_TRUE(view_.gantt.trace);
  for (const char* format : {"svg", "png", "chrome"}) {
    click(widget("export"));
    const ImVec2 item = widget(std::string("export:") + format);
    ASSERT_GE(item.x, 0) << format << ": the menu is open";
    view_.exportRequest.clear();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(item.x, item.y);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    EXPECT_EQ(view_.exportRequest, format);
    frame();
    EXPECT_LT(widget(std::string("export:") + format).x, 0) << "the menu closes";
    view_.exportRequest.clear();
  }
}

}  // namespace
}  // namespace interleave::ui
