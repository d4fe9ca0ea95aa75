// The page: GLFW (Emscripten's JS implementation) + WebGL2 + Dear ImGui, one main loop, and the
// bridge to the page's script (web/src/page.js, which owns the CodeMirror editor).
//
// Each frame: run the simulation for a few milliseconds (ui/page_run.h: long runs go in slices,
// so the page keeps drawing), draw the views (ui/view.h), and tell the script what changed
// (window.interleavePage.update(statusJson)), only when it changed. Between frames the script
// runs more slices (interleave_background_slice), so a long run uses the idle time too.
//
// HiDPI: the canvas back buffer is kept at CSS size x devicePixelRatio and ImGui works in those
// physical pixels (fonts rasterised at 15 px x ratio, style sizes scaled), so text is crisp.
//
// Exported to JavaScript (Module.ccall):
//   interleave_set_code(code)       new program text (the editor debounces typing)
//   interleave_set_state(json)      restore the page state (ui/page_state.h), 1 on success
//   interleave_get_state()          the page state as JSON
//   interleave_select_line(line)    the editor's cursor line: highlight its segments
//   interleave_cancel()             stop the run in progress
//   interleave_background_slice(ms) run the simulation between frames
//   interleave_gallery_list()       the gallery's examples as JSON (gallery/gallery.h)
//   interleave_gallery_open(slug)   open one (compare mode if it has variants), 1 on success
//   interleave_load_synthetic(n)    benchmarks: show a synthetic trace of n segments
//   interleave_frame_stats()        benchmarks: JSON of the last frames' CPU times
// More exports, one file per feature: app_embed.cpp (embed.html and its host page).
//   interleave_export(...), interleave_request_png()  the Export menu's files (app_exports.cpp)
#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "app.h"
#include "app_exports.h"
#include "gallery.h"
#include "trace_query.h"
#include "ui_font.h"
#include "view.h"

namespace {

using namespace interleave;
using namespace interleave::ui;

constexpr float kFontCssPx = 15.0f;
// Host time per frame given to the simulation: the rest of a 16.7 ms frame draws.
constexpr double kRunBudgetMs = 8.0;

double nowMs() { return emscripten_get_now(); }

struct App {
  GLFWwindow* window = nullptr;
  float dpr = 0;  // the scale the fonts and style were built for
  PageView view{nowMs};
  std::string lastStatus;
  std::string stateBuffer;  // keeps interleave_get_state's result alive
  // Synthetic trace for benchmarks (owned here; the chart points at it).
  std::unique_ptr<RunReport> synthetic;
  // CPU time of recent frames (ms): tick, draw, render.
  std::vector<float> frameMs;
  // Touch: two fingers pinch-zoom the chart.
  int touches = 0;
  double pinchDistance = 0;
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

// Touch, handled here (Emscripten 3.1.6's GLFW does not read touch events; its listeners are
// removed in main): one finger is a mouse with the left button down (drag pans, tap clicks),
// two fingers pinch-zoom the chart about their midpoint.
EM_BOOL onTouch(int type, const EmscriptenTouchEvent* ev, void*) {
  App& app = *g_app;
  ImGuiIO& io = ImGui::GetIO();
  int active = 0;
  double xs[2] = {0, 0}, ys[2] = {0, 0};
  for (int i = 0; i < ev->numTouches; ++i) {
    const EmscriptenTouchPoint& t = ev->touches[i];
    if ((type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) && t.isChanged)
      continue;
    if (active < 2) {
      xs[active] = t.targetX * app.dpr;
      ys[active] = t.targetY * app.dpr;
    }
    ++active;
  }
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  if (active == 1) {
    io.AddMousePosEvent(static_cast<float>(xs[0]), static_cast<float>(ys[0]));
    if (app.touches == 0) io.AddMouseButtonEvent(0, true);
  } else if (app.touches == 1) {
    io.AddMouseButtonEvent(0, false);  // lifted, or a second finger: no more dragging
  }
  if (active == 2) {
    const double d = std::hypot(xs[1] - xs[0], ys[1] - ys[0]);
    if (app.touches == 2 && app.pinchDistance > 1 && d > 1) {
      app.view.gantt.zoomRequest *= d / app.pinchDistance;
      app.view.gantt.zoomAnchorX = static_cast<float>((xs[0] + xs[1]) * 0.5);
    }
    app.pinchDistance = d;
  }
  app.touches = active;
  return EM_TRUE;  // no emulated mouse events, no page scroll
}

void publishStatus(App& app) {
  std::string s = statusJson(app.view);
  if (s == app.lastStatus) return;
  app.lastStatus = s;
  EM_ASM({ if (window.interleavePage) window.interleavePage.update(UTF8ToString($0)); }, s.c_str());
}

void applyScale(App& app, float dpr) {
  app.dpr = dpr;
  app.view.scale = dpr;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // static data
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190,
                                   0x2194, 0x25B2, 0x25BE, 0};
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
  style.TabRounding = 3;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 1;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
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

void frame() {
  App& app = *g_app;
  const double t0 = nowMs();
  syncCanvasSize(app);
  glfwPollEvents();
  tick(app.view, kRunBudgetMs);
  const double t1 = nowMs();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  exportsBeforeFrame();  // after the backend's mouse position, so it wins
  ImGui::NewFrame();
  drawPage(app.view);
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(app.window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  exportsAfterRender();
  publishStatus(app);
  // While a run is in progress, the page's script also runs slices between frames
  // (interleave_background_slice), so a run is not limited to a few ms per frame.
  if (anyRunPending(app.view)) EM_ASM({ if (window.interleavePage) window.interleavePage.kick(); });
  const double t2 = nowMs();
  // Keep the last 600 frames: [simulation, drawing] pairs.
  if (app.frameMs.size() >= 1200) app.frameMs.erase(app.frameMs.begin(), app.frameMs.begin() + 600);
  app.frameMs.push_back(static_cast<float>(t1 - t0));
  app.frameMs.push_back(static_cast<float>(t2 - t1));
}

}  // namespace

PageView* interleave::ui::appView() { return g_app ? &g_app->view : nullptr; }

extern "C" {

EMSCRIPTEN_KEEPALIVE int interleave_set_code(const char* code) {
  if (!g_app) return 0;
  setCode(g_app->view, code ? code : "");
  return 1;
}

EMSCRIPTEN_KEEPALIVE int interleave_set_state(const char* json) {
  if (!g_app) return 0;
  std::string error;
  if (!applyState(g_app->view, json ? json : "", &error)) {
    EM_ASM({ console.warn(UTF8ToString($0)); }, error.c_str());
    return 0;
  }
  return 1;
}

EMSCRIPTEN_KEEPALIVE const char* interleave_get_state() {
  if (!g_app) return "";
  g_app->stateBuffer = stateJson(g_app->view);
  return g_app->stateBuffer.c_str();
}

// A slice of the run in progress between frames (web/src/page.js schedules it with a
// MessageChannel, which the browser interleaves with rendering and input). 1: still running.
EMSCRIPTEN_KEEPALIVE int interleave_background_slice(double budgetMs) {
  if (!g_app) return 0;
  return backgroundSlice(g_app->view, budgetMs) ? 1 : 0;  // the current run, else pinned runs
}

EMSCRIPTEN_KEEPALIVE const char* interleave_gallery_list() {
  static const std::string list = gallery::listJson();
  return list.c_str();
}

EMSCRIPTEN_KEEPALIVE int interleave_gallery_open(const char* slug) {
  if (!g_app) return 0;
  return openGalleryExample(g_app->view, slug ? slug : "") ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int interleave_select_line(int line) {
  if (!g_app) return 0;
  selectLine(g_app->view, line);
  return 1;
}

EMSCRIPTEN_KEEPALIVE int interleave_cancel() {
  if (!g_app) return 0;
  cancelRun(g_app->view);
  return 1;
}

// Benchmarks: replace the chart's trace by a synthetic one of `segments` segments (8 lanes).
EMSCRIPTEN_KEEPALIVE int interleave_load_synthetic(double segments) {
  if (!g_app) return 0;
  App& app = *g_app;
  const double t0 = nowMs();
  auto r = std::make_unique<RunReport>();
  r->outcome.trace = makeSyntheticTrace(static_cast<int64_t>(segments), 8);
  r->outcome.ran = true;
  app.synthetic = std::move(r);
  setTrace(app.view.gantt, &app.synthetic->outcome.trace, false);
  app.frameMs.clear();
  return static_cast<int>(nowMs() - t0);
}

EMSCRIPTEN_KEEPALIVE const char* interleave_frame_stats() {
  static std::string out;
  out = "{\"sim\":[";
  for (size_t i = 0; i + 1 < g_app->frameMs.size(); i += 2)
    out += (i ? "," : "") + std::to_string(g_app->frameMs[i]);
  out += "],\"draw\":[";
  for (size_t i = 1; i < g_app->frameMs.size(); i += 2)
    out += (i > 1 ? "," : "") + std::to_string(g_app->frameMs[i]);
  out += "]}";
  return out.c_str();
}

}  // extern "C"

int main() {
  static App app;
  g_app = &app;
  exportsInit(&app.view);
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

  // Emscripten's GLFW listens for keys on window and cancels Backspace and Tab: typing in the
  // editor would reach the chart and lose those keys. Re-register its listeners behind a
  // filter (web/src/page.js: interleaveKeyTarget) so keys typed in the editor stay there.
  // clang-format off
  // (All the JavaScript inside one call's parentheses: EM_ASM is a macro, top-level commas
  // would split its argument.)
  EM_ASM({
    (function (filter, down, press, canvas) {
      window.removeEventListener('keydown', down, true);
      window.removeEventListener('keypress', press, true);
      window.addEventListener('keydown', function (e) { if (filter(e)) down(e); }, true);
      window.addEventListener('keypress', function (e) { if (filter(e)) press(e); }, true);
      canvas.removeEventListener('touchmove', GLFW.onMousemove, true);
      canvas.removeEventListener('touchstart', GLFW.onMouseButtonDown, true);
      canvas.removeEventListener('touchcancel', GLFW.onMouseButtonUp, true);
      canvas.removeEventListener('touchend', GLFW.onMouseButtonUp, true);
    })(window.interleaveKeyTarget || (function () { return true; }), GLFW.onKeydown,
       GLFW.onKeyPress, Module['canvas']);
  });
  // clang-format on

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no storage: works in a sandboxed iframe
  io.LogFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(app.window, true);
  emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
  emscripten_set_wheel_callback("#canvas", nullptr, false, onWheel);
  emscripten_set_touchstart_callback("#canvas", nullptr, false, onTouch);
  emscripten_set_touchmove_callback("#canvas", nullptr, false, onTouch);
  emscripten_set_touchend_callback("#canvas", nullptr, false, onTouch);
  emscripten_set_touchcancel_callback("#canvas", nullptr, false, onTouch);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  syncCanvasSize(app);

  // The page's script holds the program (the editor) and any saved state: ask for it.
  EM_ASM({ if (window.interleavePage) window.interleavePage.wasmReady(); });
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
