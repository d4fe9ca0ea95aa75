// The playground's views, drawn with Dear ImGui on the page's canvas. As in Tracy, one file per
// feature, all sharing this state:
//   view_page.cpp      the controller (runs, state, status for JavaScript) and the layout
//   view_toolbar.cpp   run progress and cancel, fit / zoom to range, playback
//   view_settings.cpp  machine settings (cores, GIL, switch interval, start method, latency, seed)
//   view_timeline.cpp  the Gantt chart widget (GanttState)
//   view_output.cpp    program output with virtual timestamps
//   view_metrics.cpp   metrics and diagnostics
//   view_errors.cpp    errors (tracebacks, limits)
//   view_cursor.cpp    what every lane is doing at the time cursor
//   view_export.cpp    the Export menu (SVG, PNG, Chrome trace; app_exports.cpp hands it to JS)
//   view_compare.cpp   compare mode: pinned runs stacked with the current one on one time axis
//   view_gallery.cpp   opening a gallery example (its variants open in compare mode)
// Nothing here knows about Emscripten: app_main.cpp owns the window and the JavaScript bridge,
// and the views run headless in native tests.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compare_layout.h"
#include "imgui.h"
#include "machine_config.h"
#include "page_run.h"
#include "page_state.h"
#include "view_timeline.h"

namespace interleave::ui {

// Where named widgets were drawn (canvas pixels), so browser tests click the real thing.
struct WidgetRects {
  std::vector<std::pair<std::string, ImVec4>> items;  // x, y, w, h
  void clear() { items.clear(); }
  void addLastItem(const char* name);
};

// Per-thread time in each state (the metrics panel), computed once per run.
struct ThreadTotals {
  int32_t thread = -1;
  std::string name;
  Nanos byState[static_cast<int>(State::Count)] = {};
};

// What the canvas shows: everything on the playground; embed.html trims it (docs/embed.md).
struct PageChrome {
  bool settings = true;  // the machine settings row
  bool summary = true;   // the metrics line above the chart (makespan, speedup, GIL, cores)
  bool legend = true;    // the colour key
  bool readOnly = false; // settings shown but not editable (the embed's read-only option)
  // Bottom panel tabs, in this order ("output", "errors", "metrics", "cursor"); none: the chart
  // takes the whole height.
  std::vector<std::string> tabs{"output", "errors", "metrics", "cursor"};

  // From the embed's `panels=` list ("legend,output,metrics"): the named parts are shown, the
  // others not; tabs in the list's order; unknown names are ignored.
  static PageChrome fromPanels(const std::string& list, bool readOnly);
};

// Compare mode (view_compare.cpp): runs pinned beside the current one.
struct PinnedRun {
  std::string label;
  std::string code;
  std::vector<std::pair<std::string, std::string>> settings;  // PageState::settings form
  std::unique_ptr<RunReport> result;                          // null until it has run
  std::vector<std::string> sourceLines;
  GanttState gantt;
};

// Share of the page's height the bottom panel gets at most on entering compare mode.
constexpr float kComparePanelShare = 0.2f;

struct CompareView {
  explicit CompareView(SliceRunner::Clock clock) : runner(std::move(clock)) {}
  // In band order, with the live (current) run shown at band livePos. Pointers: stable for
  // GanttState::trace while the vector changes.
  std::vector<std::unique_ptr<PinnedRun>> pinned;
  int livePos = 0;
  std::string liveLabel;         // "" shows as "current"
  std::string liveOriginalCode;  // the live variant's code as opened: edits add "(edited)"
  std::string gallerySlug;       // the gallery example that opened this compare, if any
  // Pinned runs that have no result yet run here, one at a time, when the current run is idle.
  SliceRunner runner;
  int runningIndex = -1;  // pinned run in the runner, -1 none
  // Shared view of every band.
  TimeView view;
  bool fitPending = true;
  double cursor = -1;
  float nameWidth = 0;
  int64_t pinsMade = 0;  // numbers "pinned 1", "pinned 2", ...
  GanttState legend;     // the states of every band, for the legend
  bool shrinkPanel = false;  // on entering compare mode: make the bottom panel smaller
  bool active() const { return !pinned.empty(); }
};

struct PageView {
  explicit PageView(SliceRunner::Clock clock) : runner(clock), compare(clock), clock(std::move(clock)) {}

  PageState state;  // the serialisable part (page_state.h)
  SliceRunner runner;
  CompareView compare;
  SliceRunner::Clock clock;
  // Bumped when the C++ side replaces the program (compare's Edit, a gallery example): the
  // page's script then loads state.code into the editor.
  int64_t codeSerial = 0;

  // The last finished run: what the chart and the panels show.
  std::unique_ptr<RunReport> result;
  std::vector<std::string> sourceLines;  // of result->code
  std::vector<ThreadTotals> threadTotals;
  int64_t runsFinished = 0;

  GanttState gantt;
  float scale = 1;

  double runDueMs = -1;    // a run is due at this host time (settings are debounced); < 0 none
  bool pendingViewFromState = false;  // apply state.view* to the chart once a trace is shown
  bool playing = false;
  double lastFrameMs = -1;
  bool selectTab = false;  // make state.tab the open tab on the next frame
  float panelHeight = 0;   // bottom panel, pixels (0: default)

  PageChrome chrome;
  WidgetRects widgets;
  std::string cursorResources;  // JSON rows of the cursor panel's Locks/Queues tables ("" none)
  bool ready = false;  // a chart has been drawn
  std::string exportRequest;  // "svg", "png" or "chrome" chosen in the Export menu; "" none
};

// ---- controller (view_page.cpp) --------------------------------------------------------------

// The machine the program runs on: defaults, then its `# interleave:` header, then the page's
// overrides. *error gets the first bad setting, if any.
MachineConfig effectiveConfig(const PageState& state, std::string* error = nullptr);
// New program text: runs it (at once; the editor debounces typing).
void setCode(PageView& v, const std::string& code);
// Runs the program again (the embed's Run button, the host page's "run" message).
void rerun(PageView& v);
// A setting changed in the panel: re-run after a short debounce (slider drags).
void setSettingAndRun(PageView& v, const std::string& key, const std::string& value);
// Restores a serialised page state (page_state.h); runs the program if it changed.
bool applyState(PageView& v, const std::string& json, std::string* error);
// The page state as JSON, with the chart's current view.
std::string stateJson(PageView& v);
// The editor's cursor moved to `line` (0: none): highlight its segments.
void selectLine(PageView& v, int32_t line);
void cancelRun(PageView& v);
// Once per frame before drawing: starts due runs, runs the simulation for about budgetMs,
// installs a finished run, advances playback.
void tick(PageView& v, double budgetMs);
// A JSON object for the page's script and the tests: run status, error, selection, view.
std::string statusJson(const PageView& v);

// ---- drawing ---------------------------------------------------------------------------------

void drawPage(PageView& v);         // the whole canvas (one ImGui window)
void drawToolbar(PageView& v);      // view_toolbar.cpp
void drawSettings(PageView& v);     // view_settings.cpp
void drawOutput(PageView& v);       // view_output.cpp
void drawMetricsPanel(PageView& v); // view_metrics.cpp
void drawErrors(PageView& v);       // view_errors.cpp
void drawCursorPanel(PageView& v);  // view_cursor.cpp
void drawExportMenu(PageView& v);   // view_export.cpp

// ---- compare (view_compare.cpp) ----------------------------------------------------------------

// Pins the current run (a copy of its result) above the current one; false if there is no
// finished run or kMaxCompareRuns are stacked already.
bool pinCurrentRun(PageView& v);
void unpinRun(PageView& v, int pinned);
// The pinned run becomes the current one (its code and settings go to the editor and run);
// the current run is pinned in its place.
void editPinnedRun(PageView& v, int pinned);
void closeCompare(PageView& v);
// Once per frame from tick(), and between frames: runs pinned runs without a result while the
// current run is idle. True while any pinned run still has to run.
bool tickCompare(PageView& v, double budgetMs);
// Between frames (app_main.cpp): a slice of whichever run is in progress. True while one is.
bool backgroundSlice(PageView& v, double budgetMs);
bool anyRunPending(const PageView& v);
// "cores=2 gil=off" as PageState::settings pairs.
std::vector<std::pair<std::string, std::string>> settingPairs(const std::string& text);
std::string compareStatusJson(const PageView& v);
void drawCompareButtons(PageView& v);     // toolbar: Pin / Close compare
void drawCompare(PageView& v, float height);  // the stacked charts, in place of the chart
// What the legend shows: the current chart, or in compare mode the states of every band.
const GanttState& legendState(PageView& v);

// ---- gallery (view_gallery.cpp) ----------------------------------------------------------------

// Opens gallery example `slug` (gallery/gallery.h): its live variant's code and settings
// become the program (a new codeSerial tells the editor), and an example with variants opens
// in compare mode with the other variants pinned and run. False if there is no such example.
bool openGalleryExample(PageView& v, const std::string& slug);

// Shared bits.
// The next item on the same line if `width` more pixels fit, else on a new line (narrow screens).
void flowNext(float spacing, float width);
ImU32 rgbColor(uint32_t rgb, int alpha = 255);
void stateSwatch(uint32_t rgb);  // a small colour square inline with text
std::vector<ThreadTotals> computeThreadTotals(const Trace& trace);

}  // namespace interleave::ui
