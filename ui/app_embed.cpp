// JavaScript exports for embed.html and its host page (web/src/embed.js, docs/embed.md): trim
// the canvas to what the embed shows, run again, play, and the result summary the postMessage
// API replies with.
//
//   interleave_set_chrome(panels, readOnly)          what the canvas shows, as the embed's
//                                                    panels= list (PageChrome::fromPanels)
//   interleave_rerun()                               run the program again
//   interleave_play()                                play the time cursor from the start
//   interleave_result_summary()                      JSON (ui/run_summary.h)
#include <emscripten.h>

#include <string>

#include "app.h"
#include "run_summary.h"

using namespace interleave::ui;

extern "C" {

EMSCRIPTEN_KEEPALIVE int interleave_set_chrome(const char* panels, int readOnly) {
  PageView* v = appView();
  if (!v) return 0;
  v->chrome = PageChrome::fromPanels(panels ? panels : "", readOnly != 0);
  return 1;
}

EMSCRIPTEN_KEEPALIVE int interleave_rerun() {
  PageView* v = appView();
  if (!v) return 0;
  rerun(*v);
  return 1;
}

// Playback from the start, as the toolbar's Play does on a finished run; stops at the end.
EMSCRIPTEN_KEEPALIVE int interleave_play() {
  PageView* v = appView();
  if (!v || !v->gantt.trace) return 0;
  v->gantt.cursor = 0;
  v->playing = true;
  return 1;
}

EMSCRIPTEN_KEEPALIVE const char* interleave_result_summary() {
  static std::string out;
  PageView* v = appView();
  if (!v) return "";
  // A run that ended at once (a syntax error) waits in the runner until the next frame installs
  // it: until then the last result is not this program's.
  const bool running = v->runner.running() || v->runner.hasResult() || v->runDueMs >= 0;
  out = runSummaryJson(v->result.get(), running, v->runsFinished);
  return out.c_str();
}

}  // extern "C"
