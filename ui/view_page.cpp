// The page's controller and layout: when to run, what a finished run changes, the status the
// page's script reads, and where each panel goes on the canvas.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "json_escape.h"
#include "palette.h"
#include "view.h"

namespace interleave::ui {

void WidgetRects::addLastItem(const char* name) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  items.emplace_back(name, ImVec4(a.x, a.y, b.x - a.x, b.y - a.y));
}

ImU32 rgbColor(uint32_t rgb, int alpha) {
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
}

void flowNext(float spacing, float width) {
  ImGui::SameLine(0, spacing);
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

void stateSwatch(uint32_t rgb) {
  const float h = ImGui::GetTextLineHeight();
  const float sw = std::round(h * 0.75f);
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.y += std::round((h - sw) * 0.5f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + sw, p.y + sw), rgbColor(rgb));
  dl->AddRect(p, ImVec2(p.x + sw, p.y + sw), rgbColor(shade(rgb, 0.6f)));
  ImGui::Dummy(ImVec2(sw, h));
  ImGui::SameLine();
}

std::vector<ThreadTotals> computeThreadTotals(const Trace& trace) {
  std::vector<ThreadTotals> out;
  for (const Lane& l : trace.lanes) {
    if (l.kind != LaneKind::Thread) continue;
    ThreadTotals t;
    t.thread = l.thread;
    t.name = l.name;
    for (const Segment& s : l.segments) {
      int st = static_cast<int>(s.state);
      if (st >= 0 && st < static_cast<int>(State::Count)) t.byState[st] += s.end - s.start;
    }
    out.push_back(std::move(t));
  }
  return out;
}

PageChrome PageChrome::fromPanels(const std::string& list, bool readOnly) {
  PageChrome c;
  c.settings = c.summary = c.legend = false;
  c.readOnly = readOnly;
  c.tabs.clear();
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string::npos) comma = list.size();
    const std::string name = list.substr(pos, comma - pos);
    if (name == "settings") c.settings = true;
    else if (name == "summary") c.summary = true;
    else if (name == "legend") c.legend = true;
    else if (name == "output" || name == "errors" || name == "metrics" || name == "cursor") c.tabs.push_back(name);
    pos = comma + 1;
  }
  return c;
}

// ---- controller --------------------------------------------------------------------------------

MachineConfig effectiveConfig(const PageState& state, std::string* error) {
  MachineConfig c;
  std::string err = applySettings(c, lang::headerSettings(state.code));
  std::string err2 = applySettings(c, state.settingsString());
  if (error) *error = !err.empty() ? err : err2;
  return c;
}

namespace {

void startRun(PageView& v) {
  v.runDueMs = -1;
  const Nanos expected = v.result ? traceEnd(v.result->outcome.trace) : 0;
  v.runner.start(v.state.code, v.state.settingsString(), expected);
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

void installResult(PageView& v, std::unique_ptr<RunReport> r) {
  ++v.runsFinished;
  const bool hadTrace = v.result && !v.result->outcome.trace.lanes.empty();
  // Was the whole previous run in view? Then the new run is fitted too (a setting that makes it
  // shorter should not leave it in a corner); a view the user zoomed or panned is kept.
  bool wasFit = false;
  if (hadTrace && v.gantt.trace == &v.result->outcome.trace) {
    const TimeView fit = fitView(v.result->outcome.trace, v.gantt.view.width);
    const double tol = (fit.t1 - fit.t0) * 0.01;
    wasFit = std::fabs(v.gantt.view.t0 - fit.t0) <= tol && std::fabs(v.gantt.view.t1 - fit.t1) <= tol;
  }
  const bool hasTrace = !r->outcome.trace.lanes.empty();
  const bool failedBeforeRunning = !r->outcome.ran;
  if (failedBeforeRunning && hadTrace) {
    // A syntax error or a bad setting: keep showing the last chart, show the error.
    r->outcome.trace = std::move(v.result->outcome.trace);
    r->outcome.stdoutText = std::move(v.result->outcome.stdoutText);
  } else {
    v.threadTotals = computeThreadTotals(r->outcome.trace);
  }
  v.result = std::move(r);
  v.sourceLines = splitLines(v.result->code);
  v.gantt.sourceLines = &v.sourceLines;
  const Trace& trace = v.result->outcome.trace;
  // Same program shape: keep the view unless the run got longer than it.
  const bool keep = hadTrace && hasTrace && !v.gantt.fitPending;
  setTrace(v.gantt, &trace, keep);
  if (keep && (wasFit || v.gantt.view.t1 < static_cast<double>(traceEnd(trace))))
    v.gantt.fitPending = true;
  if (v.pendingViewFromState && hasTrace) {
    v.pendingViewFromState = false;
    if (v.state.viewEnd > v.state.viewStart) {
      v.gantt.fitPending = false;
      v.gantt.view.t0 = v.state.viewStart;
      v.gantt.view.t1 = v.state.viewEnd;
    } else {
      v.gantt.fitPending = true;
    }
  }
  if (v.gantt.cursor > static_cast<double>(traceEnd(trace))) v.gantt.cursor = -1;
  if (!v.result->error.message.empty() && v.state.tab != "errors") {
    v.state.tab = "errors";
    v.selectTab = true;
  } else if (v.result->error.message.empty() && v.state.tab == "errors") {
    v.state.tab = "output";
    v.selectTab = true;
  }
}

}  // namespace

void setCode(PageView& v, const std::string& code) {
  if (code == v.state.code && (v.runner.running() || v.result)) return;
  v.state.code = code;
  v.gantt.highlight.line = 0;  // lines moved: a stale highlight would mislead
  v.state.selectedLine = 0;
  startRun(v);
}

void rerun(PageView& v) { startRun(v); }

void setSettingAndRun(PageView& v, const std::string& key, const std::string& value) {
  v.state.setSetting(key, value);
  v.runDueMs = v.clock() + 120;
}

namespace {

// The live chart (view, folds, selection, cursor) into the page state.
void syncState(PageView& v) {
  if (v.gantt.trace && !v.gantt.fitPending) {
    v.state.viewStart = v.gantt.view.t0;
    v.state.viewEnd = v.gantt.view.t1;
  }
  v.state.collapsedGroups = v.gantt.layoutOptions.collapsedGroups;
  v.state.selectedThread = v.gantt.highlight.thread;
  v.state.selectedLine = v.gantt.highlight.line;
  v.state.cursorNs = v.gantt.cursor;
  v.state.rangeStart = v.gantt.selStart;
  v.state.rangeEnd = v.gantt.selEnd;
}

}  // namespace

bool applyState(PageView& v, const std::string& json, std::string* error) {
  syncState(v);  // fields the JSON leaves out keep their live values
  const std::string oldCode = v.state.code, oldSettings = v.state.settingsString();
  if (!v.state.fromJson(json, error)) return false;
  v.gantt.layoutOptions.collapsedGroups = v.state.collapsedGroups;
  v.gantt.highlight.thread = v.state.selectedThread;
  v.gantt.highlight.line = v.state.selectedLine;
  v.gantt.cursor = v.state.cursorNs;
  const bool hasRange = v.state.rangeEnd > v.state.rangeStart;
  v.gantt.selStart = hasRange ? v.state.rangeStart : 0;
  v.gantt.selEnd = hasRange ? v.state.rangeEnd : 0;
  v.selectTab = true;
  v.pendingViewFromState = true;
  if (v.state.code != oldCode || v.state.settingsString() != oldSettings || !v.result) {
    startRun(v);
  } else {
    // Same run: only the view changes.
    v.pendingViewFromState = false;
    if (v.state.viewEnd > v.state.viewStart) {
      v.gantt.fitPending = false;
      v.gantt.view.t0 = v.state.viewStart;
      v.gantt.view.t1 = v.state.viewEnd;
    } else {
      v.gantt.fitPending = true;
    }
  }
  return true;
}

std::string stateJson(PageView& v) {
  syncState(v);
  return v.state.toJson();
}

void selectLine(PageView& v, int32_t line) {
  v.gantt.highlight.thread = -1;
  v.gantt.highlight.line = std::max(0, line);
  v.state.selectedThread = -1;
  v.state.selectedLine = v.gantt.highlight.line;
}

void cancelRun(PageView& v) {
  if (!v.runner.running()) return;
  v.runner.cancel("cancelled: the run was stopped from the page");
  if (v.runner.hasResult()) installResult(v, v.runner.takeResult());
}

void tick(PageView& v, double budgetMs) {
  const double now = v.clock();
  if (v.runDueMs >= 0 && now >= v.runDueMs) startRun(v);
  // Before the first chart there is nothing to keep drawing but a progress bar: longer slices
  // bring the first chart sooner (fewer frames to wait for on a slow compositor).
  if (v.runner.running()) v.runner.step(v.result ? budgetMs : std::max(budgetMs, 50.0));
  if (v.runner.hasResult()) installResult(v, v.runner.takeResult());
  tickCompare(v, budgetMs);  // pinned runs still to run, while the current one is idle

  // Playback: the cursor moves through virtual time at state.playbackSpeed.
  const double dt = v.lastFrameMs >= 0 ? std::min(now - v.lastFrameMs, 100.0) : 0;
  v.lastFrameMs = now;
  if (v.playing && v.gantt.trace) {
    const double end = static_cast<double>(traceEnd(*v.gantt.trace));
    double c = std::max(0.0, v.gantt.cursor);
    c += dt * 1e6 * v.state.playbackSpeed;  // ms -> ns, scaled
    if (c >= end) {
      c = end;
      v.playing = false;
    }
    v.gantt.cursor = c;
    // Keep the cursor in view: page forward when it reaches the right edge.
    const double span = v.gantt.view.t1 - v.gantt.view.t0;
    if (c > v.gantt.view.t1 - span * 0.05 || c < v.gantt.view.t0) {
      v.gantt.view.t0 = c - span * 0.1;
      v.gantt.view.t1 = v.gantt.view.t0 + span;
    }
  }
}

std::string statusJson(const PageView& v) {
  using detail::jsonString;
  char buf[128];
  auto num = [&](double d) {
    if (!std::isfinite(d)) return std::string("0");
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return std::string(buf);
  };
  std::string o = "{";
  o += "\"ready\":" + std::string(v.ready ? "true" : "false");
  o += ",\"running\":" + std::string(v.runner.running() || v.runDueMs >= 0 ? "true" : "false");
  o += ",\"progress\":" + num(v.runner.running() ? v.runner.fraction() : 1);
  o += ",\"runVirtualNs\":" + num(static_cast<double>(v.runner.virtualNow()));
  o += ",\"runsFinished\":" + std::to_string(v.runsFinished);
  std::string configError;
  MachineConfig cfg = effectiveConfig(v.state, &configError);
  o += ",\"cores\":" + std::to_string(cfg.cores);
  o += ",\"gil\":" + std::string(cfg.gil ? "true" : "false");
  o += ",\"settings\":" + jsonString(v.state.settingsString());
  o += ",\"selectedLine\":" + std::to_string(v.gantt.highlight.line);
  o += ",\"selectedThread\":" + std::to_string(v.gantt.highlight.thread);
  o += ",\"playing\":" + std::string(v.playing ? "true" : "false");
  o += ",\"cursorNs\":" + num(v.gantt.cursor);
  o += ",\"view\":{\"t0\":" + num(v.gantt.view.t0) + ",\"t1\":" + num(v.gantt.view.t1) + "}";
  o += ",\"selection\":{\"t0\":" + num(v.gantt.selStart) + ",\"t1\":" + num(v.gantt.selEnd) + "}";
  o += ",\"collapsed\":[";
  for (size_t i = 0; i < v.gantt.layoutOptions.collapsedGroups.size(); ++i)
    o += (i ? "," : "") + std::to_string(v.gantt.layoutOptions.collapsedGroups[i]);
  o += "],\"tab\":" + jsonString(v.state.tab);
  o += ",\"compare\":" + compareStatusJson(v);
  if (v.result) {
    const RunReport& r = *v.result;
    const Trace& t = r.outcome.trace;
    int64_t segments = 0;
    for (const Lane& l : t.lanes) segments += static_cast<int64_t>(l.segments.size());
    o += ",\"makespanNs\":" + num(static_cast<double>(t.metrics.makespan));
    o += ",\"speedup\":" + num(t.metrics.speedupPermille / 1000.0);
    o += ",\"lanes\":" + std::to_string(t.lanes.size());
    o += ",\"segments\":" + std::to_string(segments);
    o += ",\"completed\":" + std::string(t.completed && r.outcome.ran ? "true" : "false");
    o += ",\"stopReason\":" + jsonString(t.stopReason);
    o += ",\"runMs\":" + num(r.hostMs);
    o += ",\"ran\":" + std::string(r.outcome.ran ? "true" : "false");
    o += ",\"runCores\":" + std::to_string(t.config.cores);
    o += ",\"runGil\":" + std::string(t.config.gil ? "true" : "false");
    std::string out = r.outcome.stdoutText;
    if (out.size() > 4096) out = out.substr(0, 4096);
    o += ",\"stdout\":" + jsonString(out);
    if (!r.error.message.empty()) {
      o += ",\"error\":{\"line\":" + std::to_string(r.error.line) +
           ",\"col\":" + std::to_string(r.error.col) + ",\"endCol\":" + std::to_string(r.error.endCol) +
           ",\"type\":" + jsonString(r.error.type) + ",\"message\":" + jsonString(r.error.message) + "}";
    }
  }
  const GanttState& g = v.gantt;
  if (g.trace && g.hoveredItem >= 0 && g.hoveredItem < static_cast<int>(g.drawList.items.size())) {
    const DrawItem& it = g.drawList.items[static_cast<size_t>(g.hoveredItem)];
    const Lane& lane = g.trace->lanes[static_cast<size_t>(it.lane)];
    const Segment& seg = lane.segments[static_cast<size_t>(it.first)];
    o += ",\"hover\":{\"lane\":" + jsonString(lane.name) + ",\"state\":" + jsonString(stateName(it.state)) +
         ",\"startNs\":" + num(static_cast<double>(it.start)) + ",\"endNs\":" + num(static_cast<double>(it.end)) +
         ",\"count\":" + std::to_string(it.count) + ",\"line\":" + std::to_string(it.folded() ? -1 : seg.line) +
         ",\"thread\":" + std::to_string(it.folded() ? -1 : seg.thread) + "}";
  }
  if (!v.cursorResources.empty()) o += ",\"cursorResources\":" + v.cursorResources;
  // Widget rectangles (canvas pixels) for tests.
  o += ",\"widgets\":{";
  for (size_t i = 0; i < v.widgets.items.size(); ++i) {
    const ImVec4& r = v.widgets.items[i].second;
    o += (i ? "," : "") + jsonString(v.widgets.items[i].first) + ":[" + num(r.x) + "," + num(r.y) + "," +
         num(r.z) + "," + num(r.w) + "]";
  }
  o += "}}";
  return o;
}

// ---- layout ------------------------------------------------------------------------------------

void drawPage(PageView& v) {
  v.widgets.clear();
  v.cursorResources.clear();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("Interleave", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
  v.gantt.scale = v.scale;
  drawToolbar(v);
  if (v.chrome.settings) {
    ImGui::BeginDisabled(v.chrome.readOnly);
    drawSettings(v);
    ImGui::EndDisabled();
  }
  if (v.gantt.trace) {
    if (v.chrome.summary && !v.compare.active()) drawMetrics(*v.gantt.trace);  // compare: makespans per band
    if (v.chrome.legend) drawLegend(legendState(v));
  }
  ImGui::Spacing();

  // Chart above, panels below, with a draggable splitter between them.
  const float s = v.scale;
  const float availH = ImGui::GetContentRegionAvail().y;
  const bool panels = !v.chrome.tabs.empty();
  if (v.panelHeight <= 0) v.panelHeight = std::round(availH * 0.34f);
  // Compare mode stacks several charts: give them more of the height (view_compare.cpp).
  if (v.compare.active() && v.compare.shrinkPanel) v.panelHeight = std::min(v.panelHeight, std::round(availH * kComparePanelShare));
  v.compare.shrinkPanel = false;
  v.panelHeight = std::clamp(v.panelHeight, 80 * s, std::max(80 * s, availH - 140 * s));
  const float splitterH = std::round(6 * s);
  const float chartH = panels ? std::max(60 * s, availH - v.panelHeight - splitterH) : availH;
  if (v.compare.active()) {
    drawCompare(v, chartH);  // the pinned runs and the current one, stacked
  } else if (v.gantt.trace) {
    ImGui::BeginChild("##chart", ImVec2(0, chartH), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    drawGantt(v.gantt);
    ImGui::EndChild();
    v.widgets.addLastItem("chart");
    const ImVec2 cmin = ImGui::GetItemRectMin();
    v.widgets.items.emplace_back("timeArea", ImVec4(v.gantt.timeAreaX, v.gantt.lanesY,
                                                    cmin.x + ImGui::GetItemRectSize().x - v.gantt.timeAreaX,
                                                    cmin.y + chartH - v.gantt.lanesY));
  } else {
    ImGui::BeginChild("##chart", ImVec2(0, chartH), true);
    ImGui::TextDisabled(v.runner.running() ? "Running the program..." : "No run yet.");
    ImGui::EndChild();
  }
  if (panels) {
    ImGui::InvisibleButton("##splitter", ImVec2(-1, splitterH));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    if (ImGui::IsItemActive()) v.panelHeight -= ImGui::GetIO().MouseDelta.y;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    float y = std::round((a.y + b.y) * 0.5f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), rgbColor(0xB8BEC6),
                                        std::max(1.0f, s));
  }

  // A click on a segment selects its thread and its line (the editor shows the line).
  GanttState& g = v.gantt;
  if (g.clicked && g.trace && g.clickedLane >= 0) {
    const Lane& lane = g.trace->lanes[static_cast<size_t>(g.clickedLane)];
    if (g.clickedCount == 1 && g.clickedFirst >= 0) {
      const Segment& seg = lane.segments[static_cast<size_t>(g.clickedFirst)];
      const bool same = g.highlight.thread == seg.thread && g.highlight.line == std::max(0, seg.line);
      g.highlight.thread = same ? -1 : seg.thread;
      g.highlight.line = same ? 0 : std::max(0, seg.line);
      if (g.highlight.thread < 0 && lane.thread >= 0 && !same) g.highlight.thread = lane.thread;
    } else {
      // A fold: zoom into it instead.
      const Segment& a = lane.segments[static_cast<size_t>(g.clickedFirst)];
      const Segment& b = lane.segments[static_cast<size_t>(g.clickedFirst + g.clickedCount - 1)];
      const double span = static_cast<double>(b.end - a.start);
      g.view.t0 = static_cast<double>(a.start) - span * 0.05;
      g.view.t1 = static_cast<double>(b.end) + span * 0.05;
    }
  } else if (g.clickedEmpty) {
    g.highlight = Highlight{};
  }
  v.state.selectedThread = g.highlight.thread;
  v.state.selectedLine = g.highlight.line;

  // Bottom panels.
  if (panels && ImGui::BeginTabBar("##panels")) {
    struct Tab {
      const char* id;
      const char* title;
      void (*draw)(PageView&);
    };
    std::string errorsTitle = "Errors";
    if (v.result && !v.result->error.message.empty()) errorsTitle = "Errors (1)";
    errorsTitle += "###errors";
    const Tab tabs[] = {{"output", "Output###output", drawOutput},
                        {"errors", errorsTitle.c_str(), drawErrors},
                        {"metrics", "Metrics###metrics", drawMetricsPanel},
                        {"cursor", "At cursor###cursor", drawCursorPanel}};
    for (const std::string& wanted : v.chrome.tabs) {
      const Tab* found = nullptr;
      for (const Tab& t : tabs)
        if (wanted == t.id) found = &t;
      if (!found) continue;
      const Tab& t = *found;
      ImGuiTabItemFlags flags = 0;
      if (v.selectTab && v.state.tab == t.id) flags |= ImGuiTabItemFlags_SetSelected;
      const bool open = ImGui::BeginTabItem(t.title, nullptr, flags);
      v.widgets.addLastItem((std::string("tab:") + t.id).c_str());
      if (open) {
        if (!v.selectTab) v.state.tab = t.id;
        ImGui::BeginChild("##panel", ImVec2(0, 0), false);
        t.draw(v);
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    }
    v.selectTab = false;
    ImGui::EndTabBar();
  }
  ImGui::End();
  if (v.gantt.trace && v.gantt.framesDrawn > 0) v.ready = true;
}

}  // namespace interleave::ui
