// The page: GLFW (Emscripten's JS implementation) + WebGL2 + Dear ImGui, one main loop.
// It runs the default built-in scenario at start-up and draws its Gantt chart; a combo box picks
// another built-in scenario, and the cores / GIL controls re-run it at once.
//
// HiDPI: the canvas back buffer is kept at CSS size x devicePixelRatio and ImGui works in those
// physical pixels (fonts rasterised at 15 px x ratio, style sizes scaled), so text is crisp.
//
// For tests and the page's script: window.interleaveReady becomes true after the first frame
// that drew a chart, and window.interleaveStatus carries a few numbers (scenario, makespanNs,
// lanes, segments, readyMs, ...). interleave_run(scenario, settings) re-runs from JS.
#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "gantt_view.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "scenarios.h"
#include "ui_font.h"

namespace {

using namespace interleave;

constexpr float kFontCssPx = 15.0f;

struct App {
  GLFWwindow* window = nullptr;
  float dpr = 0;  // the scale the fonts and style were built for
  std::string scenario = kDefaultScenario;
  std::string settings;  // what the last successful run was given on top of the defaults
  int cores = 4;
  bool gil = true;
  Trace trace;
  bool haveTrace = false;
  std::string error;
  double runMs = 0;
  ui::GanttState gantt;
  bool ready = false;
  bool statusDirty = true;
};

App* g_app = nullptr;

// Mouse wheel, on the canvas. ImGui's GLFW backend listens on the document, where Chromium
// makes wheel listeners passive and logs an error for each preventDefault; a listener on the
// canvas may prevent the page from scrolling. Same step as the backend: 100 px = one notch.
EM_BOOL onWheel(int, const EmscriptenWheelEvent* ev, void*) {
  float m = ev->deltaMode == DOM_DELTA_PIXEL  ? 1.0f / 100.0f
            : ev->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f
                                              : 80.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-ev->deltaX) * m,
                                    static_cast<float>(-ev->deltaY) * m);
  return EM_TRUE;
}

bool runScenario(App& app, const std::string& name, const std::string& settings) {
  Trace trace;
  std::string error;
  const double t0 = emscripten_get_now();
  const bool ok = runBuiltin(name, settings, &trace, &error);
  app.runMs = emscripten_get_now() - t0;
  app.statusDirty = true;
  if (!ok) {
    app.error = "Cannot run " + name + ": " + (error.empty() ? "unknown error" : error);
    return false;
  }
  const bool sameScenario = app.haveTrace && name == app.scenario;
  app.error.clear();
  app.scenario = name;
  app.settings = settings;
  app.trace = std::move(trace);
  app.haveTrace = true;
  app.cores = app.trace.config.cores;
  app.gil = app.trace.config.gil;
  // Same scenario with other settings: fit again only if the run got longer than the view.
  ui::setTrace(app.gantt, &app.trace, sameScenario);
  if (sameScenario && app.gantt.view.t1 < static_cast<double>(ui::traceEnd(app.trace)))
    app.gantt.fitPending = true;
  return true;
}

std::string currentSettings(const App& app) {
  return "cores=" + std::to_string(app.cores) + " gil=" + (app.gil ? "on" : "off");
}

void publishStatus(App& app) {
  int64_t segments = 0;
  for (const Lane& l : app.trace.lanes) segments += static_cast<int64_t>(l.segments.size());
  // clang-format off
  EM_ASM({
    var s = window.interleaveStatus || {};
    s.scenario = UTF8ToString($0);
    s.settings = UTF8ToString($1);
    s.error = UTF8ToString($2);
    s.makespanNs = $3;
    s.lanes = $4;
    s.segments = $5;
    s.runMs = $6;
    s.cores = $7;
    s.gil = !!$8;
    s.completed = !!$9;
    s.framesDrawn = $10;
    window.interleaveStatus = s;
    if ($11 && !window.interleaveReady) {
      s.readyMs = performance.now();
      window.interleaveReady = true;
      window.dispatchEvent(new Event('interleave-ready'));
    }
  }, app.scenario.c_str(), app.settings.c_str(), app.error.c_str(),
     static_cast<double>(app.trace.metrics.makespan), static_cast<int>(app.trace.lanes.size()),
     static_cast<double>(segments), app.runMs, app.trace.config.cores, app.trace.config.gil ? 1 : 0,
     app.trace.completed ? 1 : 0, static_cast<double>(app.gantt.framesDrawn), app.ready ? 1 : 0);
  // clang-format on
  app.statusDirty = false;
}

void publishScenarioList() {
  EM_ASM({ (window.interleaveStatus = window.interleaveStatus || {}).scenarios = []; });
  for (const BuiltinScenario& sc : builtinScenarios())
    EM_ASM({ window.interleaveStatus.scenarios.push(UTF8ToString($0)); }, sc.name.c_str());
}

void applyScale(App& app, float dpr) {
  app.dpr = dpr;
  app.gantt.scale = dpr;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // static data
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190,
                                   0x2193, 0x25B2, 0x25BE, 0};
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kInterleaveUiFont),
                                 static_cast<int>(kInterleaveUiFontSize),
                                 std::round(kFontCssPx * dpr), &cfg, ranges);
  io.Fonts->Build();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();

  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(10, 8);
  style.FramePadding = ImVec2(6, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.WindowBorderSize = 0;
  style.FrameBorderSize = 1;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  style.ScaleAllSizes(dpr);
  ImGui::GetStyle() = style;
}

// Keeps the canvas back buffer at CSS size x devicePixelRatio.
void syncCanvasSize(App& app) {
  double cssW = 0, cssH = 0;
  emscripten_get_element_css_size("#canvas", &cssW, &cssH);
  double dpr = emscripten_get_device_pixel_ratio();
  if (!(dpr > 0)) dpr = 1;
  const int w = std::max(1, static_cast<int>(std::lround(cssW * dpr)));
  const int h = std::max(1, static_cast<int>(std::lround(cssH * dpr)));
  int curW = 0, curH = 0;
  glfwGetWindowSize(app.window, &curW, &curH);
  if (w != curW || h != curH) {
    // Browser.setCanvasSize resizes the back buffer and tells GLFW (its resize listener); unlike
    // glfwSetWindowSize it never asks for fullscreen when the size happens to equal the screen's.
    EM_ASM({ Browser.setCanvasSize($0, $1); }, w, h);
  }
  if (static_cast<float>(dpr) != app.dpr) applyScale(app, static_cast<float>(dpr));
}

void drawControls(App& app) {
  const float em = ImGui::GetFontSize();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Interleave");
  ImGui::SameLine(0, em * 1.5f);

  const auto& scenarios = builtinScenarios();
  const BuiltinScenario* current = findScenario(app.scenario);
  ImGui::SetNextItemWidth(em * 12);
  if (ImGui::BeginCombo("##scenario", app.scenario.c_str())) {
    for (const BuiltinScenario& sc : scenarios) {
      bool selected = sc.name == app.scenario;
      if (ImGui::Selectable(sc.name.c_str(), selected) && !selected)
        runScenario(app, sc.name, "");  // the scenario's own defaults
      if (ImGui::IsItemHovered() && !sc.title.empty()) ImGui::SetTooltip("%s", sc.title.c_str());
      if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("scenario");

  ImGui::SameLine(0, em * 1.5f);
  ImGui::SetNextItemWidth(em * 8);
  int cores = app.cores;
  if (ImGui::SliderInt("cores", &cores, 1, 16) && cores != app.cores) {
    app.cores = cores;
    runScenario(app, app.scenario, currentSettings(app));
  }
  ImGui::SameLine(0, em * 1.5f);
  bool gil = app.gil;
  if (ImGui::Checkbox("GIL", &gil)) {
    app.gil = gil;
    runScenario(app, app.scenario, currentSettings(app));
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Off models the free-threaded build (Python 3.13t): threads run in parallel.");
  ImGui::SameLine(0, em * 1.5f);
  if (ImGui::Button("Fit")) app.gantt.fitPending = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the whole run (or double-click the chart).");
  const char* title = current ? current->title.c_str() : "";
  ImGui::SameLine(0, em * 1.5f);
  if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(title).x) ImGui::NewLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", title);
}

void drawUi(App& app) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("Interleave", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse);
  drawControls(app);
  if (!app.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", app.error.c_str());
  if (app.haveTrace) {
    if (!app.trace.stopReason.empty())
      ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.0f, 1), "Stopped: %s", app.trace.stopReason.c_str());
    ui::drawMetrics(app.trace);
    ui::drawLegend(app.gantt);
    ImGui::Spacing();
    ui::drawGantt(app.gantt);
  }
  ImGui::End();
}

void frame() {
  App& app = *g_app;
  syncCanvasSize(app);
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  drawUi(app);
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(app.window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (!app.ready && app.haveTrace && app.gantt.framesDrawn > 0) {
    app.ready = true;
    app.statusDirty = true;
  }
  if (app.statusDirty) publishStatus(app);
}

}  // namespace

// Re-runs from JavaScript (tests, later the page's own script): returns 1 on success.
extern "C" EMSCRIPTEN_KEEPALIVE int interleave_run(const char* scenario, const char* settings) {
  if (!g_app) return 0;
  return runScenario(*g_app, scenario ? scenario : "", settings ? settings : "") ? 1 : 0;
}

int main() {
  static App app;
  g_app = &app;
  if (!glfwInit()) {
    std::fprintf(stderr, "glfwInit failed\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  double cssW = 0, cssH = 0;
  emscripten_get_element_css_size("#canvas", &cssW, &cssH);
  double dpr = emscripten_get_device_pixel_ratio();
  app.window = glfwCreateWindow(std::max(1, static_cast<int>(std::lround(cssW * dpr))),
                                std::max(1, static_cast<int>(std::lround(cssH * dpr))),
                                "Interleave", nullptr, nullptr);
  if (!app.window) {
    std::fprintf(stderr, "Could not create a WebGL2 context\n");
    EM_ASM({ window.interleaveError = "Could not create a WebGL2 context"; });
    return 1;
  }
  glfwMakeContextCurrent(app.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no storage: works in a sandboxed iframe
  io.LogFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(app.window, true);
  emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
  emscripten_set_wheel_callback("#canvas", nullptr, false, onWheel);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  syncCanvasSize(app);

  publishScenarioList();
  if (!runScenario(app, kDefaultScenario, "")) {
    std::fprintf(stderr, "%s\n", app.error.c_str());
    // Fall back to the first built-in scenario so the page still shows something.
    if (!builtinScenarios().empty()) runScenario(app, builtinScenarios().front().name, "");
  }
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
