// The page's exports (PRODUCT.md section 4), the wasm side of web/src/export.js:
//   - SVG and Chrome trace JSON are text the engine writes (engine/trace_writers.h); the script
//     asks for it with interleave_export() and downloads it;
//   - a PNG is a copy of the chart's rectangle of the WebGL canvas, taken by the script right
//     after a frame rendered it (the drawing buffer is only valid until the frame is shown, and
//     the page does not pay for preserveDrawingBuffer on every frame), on a frame drawn with the
//     mouse moved away (no hover line, no tooltip) and the Export menu closed. Canvas pixels are
//     device pixels, so the PNG has the screen's pixel density.
//
// Exported to JavaScript (Module.ccall):
//   interleave_export(format, startNs, endNs, width, title)  "svg" | "chrome" | "json": the file's
//       text ("" without a chart or for an unknown format). SVG: the range [startNs, endNs]
//       clamped to the trace (an empty range: the whole trace), `width` CSS pixels, `title`.
//   interleave_request_png()  asks for a PNG: two frames later the script's capturePng(x, y, w, h)
//       is called with the chart's canvas rectangle; 0 if no chart is shown.
#include "app_exports.h"

#include <emscripten.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "trace_writers.h"

namespace interleave::ui {
namespace {

PageView* g_view = nullptr;
// Frames until the PNG capture: the frame after the request closes the menu and moves the mouse
// away; the one after that is drawn clean and copied.
int g_pngFrames = 0;
constexpr int kPngDelayFrames = 2;
std::string g_exportText;  // keeps interleave_export's result alive for the script

}  // namespace

void exportsInit(PageView* view) { g_view = view; }

void exportsBeforeFrame() {
  if (g_pngFrames > 0) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

void exportsAfterRender() {
  if (!g_view) return;
  if (!g_view->exportRequest.empty()) {
    const std::string format = std::move(g_view->exportRequest);
    g_view->exportRequest.clear();
    if (format == "png") {
      g_pngFrames = kPngDelayFrames;
    } else {
      EM_ASM({ if (window.interleaveExport) window.interleaveExport.requested(UTF8ToString($0)); },
             format.c_str());
    }
    return;
  }
  if (g_pngFrames > 0 && --g_pngFrames == 0) {
    for (const auto& [name, r] : g_view->widgets.items) {
      if (name != "chart") continue;
      EM_ASM({ if (window.interleaveExport) window.interleaveExport.capturePng($0, $1, $2, $3); },
             static_cast<int>(std::lround(r.x)), static_cast<int>(std::lround(r.y)),
             static_cast<int>(std::lround(r.z)), static_cast<int>(std::lround(r.w)));
      return;
    }
    EM_ASM({ if (window.interleaveExport) window.interleaveExport.failed('png', 'no chart to capture'); });
  }
}

}  // namespace interleave::ui

using namespace interleave;
using namespace interleave::ui;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* interleave_export(const char* format, double startNs, double endNs,
                                                   int width, const char* title) {
  g_exportText.clear();
  if (!g_view || !g_view->gantt.trace || !format) return g_exportText.c_str();
  const Trace& trace = *g_view->gantt.trace;
  const std::string f = format;
  if (f == "chrome") {
    g_exportText = traceToChrome(trace);
  } else if (f == "json") {
    g_exportText = traceToJson(trace);
  } else if (f == "svg") {
    SvgOptions o;
    o.width = width;
    o.title = title ? title : "";
    // The view may reach past the trace on either side (the chart keeps a margin): clamp.
    const Nanos end = traceEnd(trace);
    if (std::isfinite(startNs) && std::isfinite(endNs) && endNs > startNs) {
      o.start = std::clamp<Nanos>(static_cast<Nanos>(std::floor(std::max(startNs, 0.0))), 0, end);
      o.end = std::clamp<Nanos>(static_cast<Nanos>(std::ceil(std::min(endNs, 9e18))), 0, end);
    }
    o.collapsedGroups = g_view->gantt.layoutOptions.collapsedGroups;
    g_exportText = traceToSvg(trace, o);
  }
  return g_exportText.c_str();
}

EMSCRIPTEN_KEEPALIVE int interleave_request_png() {
  if (!g_view || !g_view->gantt.trace) return 0;
  g_view->exportRequest = "png";
  return 1;
}

}  // extern "C"
