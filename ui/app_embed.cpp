// JavaScript exports for embed.html and its host page (web/src/embed.js, docs/embed.md): trim
// the canvas to what the embed shows, run again, play, and the result summary the postMessage
// API replies with.
//
//   interleave_set_chrome(settings, readOnly, tabs)  settings row shown?, read-only?, bottom
//                                                    panel tabs as "output,metrics" ("" none)
//   interleave_rerun()                               run the program again
//   interleave_play()                                play the time cursor from the start
//   interleave_result_summary()                      JSON (ui/run_summary.h)
#include <emscripten.h>

#include <string>

#include "app.h"
#include "run_summary.h"

using namespace interleave::ui;

extern "C" {

EMSCRIPTEN_KEEPALIVE int interleave_set_chrome(int settings, int readOnly, const char* tabs) {
  PageView* v = appView();
  if (!v) return 0;
  v->chrome.settings = settings != 0;
  v->chrome.readOnly = readOnly != 0;
  v->chrome.tabs.clear();
  const std::string list = tabs ? tabs : "";
  size_t pos = 0;
  while (pos < list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string::npos) comma = list.size();
    if (comma > pos) v->chrome.tabs.push_back(list.substr(pos, comma - pos));
    pos = comma + 1;
  }
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
  out = runSummaryJson(v->result.get(), v->runner.running() || v->runDueMs >= 0, v->runsFinished);
  return out.c_str();
}

}  // extern "C"
