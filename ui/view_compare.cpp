// Compare mode: pin a run, change the code or a setting, and see the pinned runs and the current
// one stacked on one time axis with their makespans and the differences. Each band is a full
// chart (view_timeline) with its own lanes; the bands share the visible time range, the time
// cursor and the width of the lane-name column, so a time is at the same x in every band.
// Geometry and arithmetic: compare_layout.h (no ImGui). A gallery example with variants opens
// here with its variants pinned (view_gallery.cpp); pinned runs without a result run one at a
// time while the current run is idle.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "json_escape.h"
#include "palette.h"
#include "view.h"

namespace interleave::ui {

namespace {

constexpr uint32_t kLiveAccent = 0x0072B2;    // the current run's band marker (Okabe-Ito blue)
constexpr uint32_t kPinnedAccent = 0x8A8F98;  // pinned runs
constexpr uint32_t kMakespanLine = 0x1F2328;

using Settings = std::vector<std::pair<std::string, std::string>>;

std::string settingsText(const Settings& settings) {
  std::string s;
  for (const auto& [k, v] : settings) s += (s.empty() ? "" : " ") + k + "=" + v;
  return s;
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

void installPinned(CompareView& c, PinnedRun& p, std::unique_ptr<RunReport> r) {
  p.result = std::move(r);
  p.sourceLines = splitLines(p.code);
  p.gantt.sourceLines = &p.sourceLines;
  setTrace(p.gantt, p.result->outcome.trace.lanes.empty() ? nullptr : &p.result->outcome.trace);
  c.fitPending = true;  // the common end may have moved
}

int bandCount(const CompareView& c) { return static_cast<int>(c.pinned.size()) + 1; }

bool hasRun(const RunReport* r) { return r && r->outcome.ran && !r->outcome.trace.lanes.empty(); }

Nanos makespanOf(const RunReport* r) { return hasRun(r) ? r->outcome.trace.metrics.makespan : 0; }

std::string liveLabel(const PageView& v) {
  const CompareView& c = v.compare;
  std::string label = c.liveLabel.empty() ? "current" : c.liveLabel;
  if (!c.liveOriginalCode.empty() && v.state.code != c.liveOriginalCode) label += " (edited)";
  return label;
}

const RunReport* bandResult(const PageView& v, int band) {
  const int k = pinnedIndexOfBand(band, v.compare.livePos);
  return k < 0 ? v.result.get() : v.compare.pinned[static_cast<size_t>(k)]->result.get();
}

std::string bandLabel(const PageView& v, int band) {
  const int k = pinnedIndexOfBand(band, v.compare.livePos);
  return k < 0 ? liveLabel(v) : v.compare.pinned[static_cast<size_t>(k)]->label;
}

// The run the headline compares the current one with: the first pinned run.
int baselineBand(const CompareView& c) { return c.livePos == 0 ? 1 : 0; }

void stopCompareRunner(CompareView& c) {
  if (c.runner.running()) c.runner.cancel("unpinned");
  if (c.runner.hasResult()) c.runner.takeResult();
  c.runningIndex = -1;
}

void resetCompare(CompareView& c) {
  stopCompareRunner(c);
  c.pinned.clear();
  c.livePos = 0;
  c.liveLabel.clear();
  c.liveOriginalCode.clear();
  c.gallerySlug.clear();
  c.fitPending = true;
}

// Back to one chart: the current chart drops what compare mode set on it.
void restoreSingleChart(PageView& v) {
  GanttState& g = v.gantt;
  g.endOverride = 0;
  g.nameWidthMin = 0;
  g.showAxis = true;
  g.compact = false;
  g.keyboard = true;
  g.fitPending = true;
}

// A click in a pinned band: highlight that band's thread (its code is not in the editor), or
// zoom into a fold, as the current chart does.
void handlePinnedClick(GanttState& g) {
  if (g.clicked && g.trace && g.clickedLane >= 0) {
    const Lane& lane = g.trace->lanes[static_cast<size_t>(g.clickedLane)];
    if (g.clickedCount == 1 && g.clickedFirst >= 0) {
      const Segment& seg = lane.segments[static_cast<size_t>(g.clickedFirst)];
      const int32_t thread = seg.thread >= 0 ? seg.thread : lane.thread;
      g.highlight.thread = g.highlight.thread == thread ? -1 : thread;
      g.highlight.line = 0;
    } else if (g.clickedCount > 1) {
      const Segment& a = lane.segments[static_cast<size_t>(g.clickedFirst)];
      const Segment& b = lane.segments[static_cast<size_t>(g.clickedFirst + g.clickedCount - 1)];
      const double span = static_cast<double>(b.end - a.start);
      g.view.t0 = static_cast<double>(a.start) - span * 0.05;
      g.view.t1 = static_cast<double>(b.end) + span * 0.05;
    }
  } else if (g.clickedEmpty) {
    g.highlight = Highlight{};
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> settingPairs(const std::string& text) {
  Settings out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(pos, end - pos);
    const size_t eq = item.find('=');
    if (eq != std::string::npos && eq > 0) out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    pos = end + 1;
  }
  return out;
}

bool pinCurrentRun(PageView& v) {
  CompareView& c = v.compare;
  if (!hasRun(v.result.get()) || static_cast<size_t>(bandCount(c)) >= kMaxCompareRuns) return false;
  if (!c.active()) {
    c.shrinkPanel = true;
    c.view = v.gantt.view;
    c.fitPending = v.gantt.fitPending;
    c.cursor = v.gantt.cursor;
  }
  auto p = std::make_unique<PinnedRun>();
  p->label = "pinned " + std::to_string(++c.pinsMade);
  p->code = v.result->code;
  p->settings = settingPairs(v.result->settings);
  installPinned(c, *p, std::make_unique<RunReport>(*v.result));
  p->gantt.layoutOptions.collapsedGroups = v.gantt.layoutOptions.collapsedGroups;
  c.fitPending = false;  // same end as the current run: keep the view
  c.pinned.insert(c.pinned.begin() + c.livePos, std::move(p));
  if (c.runningIndex >= c.livePos) ++c.runningIndex;
  ++c.livePos;
  return true;
}

void unpinRun(PageView& v, int pinned) {
  CompareView& c = v.compare;
  if (pinned < 0 || pinned >= static_cast<int>(c.pinned.size())) return;
  if (pinned == c.runningIndex) stopCompareRunner(c);
  else if (c.runningIndex > pinned) --c.runningIndex;
  c.pinned.erase(c.pinned.begin() + pinned);
  if (pinned < c.livePos) --c.livePos;
  if (c.pinned.empty()) {
    resetCompare(c);
    restoreSingleChart(v);
  } else {
    c.fitPending = true;
  }
}

void editPinnedRun(PageView& v, int pinned) {
  CompareView& c = v.compare;
  if (pinned < 0 || pinned >= static_cast<int>(c.pinned.size())) return;
  if (pinned == c.runningIndex) stopCompareRunner(c);
  // The bands in order, the live one as null; swap the live band and the chosen one.
  std::vector<std::unique_ptr<PinnedRun>> bands;
  for (int b = 0; b < bandCount(c); ++b) {
    const int k = pinnedIndexOfBand(b, c.livePos);
    bands.push_back(k < 0 ? nullptr : std::move(c.pinned[static_cast<size_t>(k)]));
  }
  const int chosenBand = bandOfPinned(pinned, c.livePos);
  std::unique_ptr<PinnedRun> chosen = std::move(bands[static_cast<size_t>(chosenBand)]);

  auto current = std::make_unique<PinnedRun>();
  current->label = c.liveLabel.empty() ? "pinned " + std::to_string(++c.pinsMade) : liveLabel(v);
  current->code = v.state.code;
  current->settings = v.state.settings;
  current->gantt.layoutOptions.collapsedGroups = v.gantt.layoutOptions.collapsedGroups;
  if (hasRun(v.result.get()) && v.result->code == v.state.code && v.result->settings == v.state.settingsString())
    installPinned(c, *current, std::make_unique<RunReport>(*v.result));
  bands[static_cast<size_t>(c.livePos)] = std::move(current);

  c.pinned.clear();
  for (int b = 0; b < static_cast<int>(bands.size()); ++b)
    if (b != chosenBand) c.pinned.push_back(std::move(bands[static_cast<size_t>(b)]));
  c.livePos = chosenBand;
  c.runningIndex = -1;
  if (c.runner.running()) stopCompareRunner(c);

  // The chosen run becomes the program: the editor gets its code, and it runs at once.
  c.liveLabel = chosen->label;
  c.liveOriginalCode = chosen->code;
  v.state.code = chosen->code;
  v.state.settings = chosen->settings;
  v.gantt.highlight = Highlight{};
  v.state.selectedLine = 0;
  v.state.selectedThread = -1;
  ++v.codeSerial;
  v.runDueMs = v.clock();
  c.fitPending = true;
}

void closeCompare(PageView& v) {
  if (!v.compare.active()) return;
  if (!v.compare.gallerySlug.empty()) {  // the gallery folded the cores for compare mode
    auto& groups = v.gantt.layoutOptions.collapsedGroups;
    groups.erase(std::remove(groups.begin(), groups.end(), kCoresGroup), groups.end());
  }
  resetCompare(v.compare);
  restoreSingleChart(v);
}

bool tickCompare(PageView& v, double budgetMs) {
  CompareView& c = v.compare;
  if (!c.active()) return false;
  // The current run first: it is what the learner is looking at.
  if (v.runner.running() || v.runDueMs >= 0 || v.runner.hasResult()) return false;
  if (c.runningIndex < 0) {
    for (size_t i = 0; i < c.pinned.size(); ++i) {
      if (c.pinned[i]->result) continue;
      c.runner.start(c.pinned[i]->code, settingsText(c.pinned[i]->settings), 0);
      c.runningIndex = static_cast<int>(i);
      break;
    }
  }
  if (c.runningIndex < 0) return false;
  c.runner.step(budgetMs);
  if (c.runner.hasResult()) {
    installPinned(c, *c.pinned[static_cast<size_t>(c.runningIndex)], c.runner.takeResult());
    c.runningIndex = -1;
  }
  return true;
}

bool backgroundSlice(PageView& v, double budgetMs) {
  if (v.runner.running()) {
    v.runner.step(v.result ? budgetMs : std::max(budgetMs, 50.0));
    return v.runner.running();
  }
  return tickCompare(v, budgetMs);
}

bool anyRunPending(const PageView& v) {
  if (v.runner.running() || v.runDueMs >= 0) return true;
  for (const auto& p : v.compare.pinned)
    if (!p->result) return true;
  return false;
}

std::string compareStatusJson(const PageView& v) {
  using detail::jsonString;
  const CompareView& c = v.compare;
  std::string o = "{\"active\":" + std::string(c.active() ? "true" : "false");
  o += ",\"codeSerial\":" + std::to_string(v.codeSerial);
  o += ",\"gallery\":" + jsonString(c.gallerySlug);
  if (!c.active()) return o + "}";
  int pending = 0;
  for (const auto& p : c.pinned) pending += p->result ? 0 : 1;
  o += ",\"livePos\":" + std::to_string(c.livePos) + ",\"pending\":" + std::to_string(pending);
  const int base = baselineBand(c);
  const RunReport* live = v.result.get();
  const RunReport* baseRun = bandResult(v, base);
  if (hasRun(live) && hasRun(baseRun))
    o += ",\"headline\":" + jsonString(makespanHeadline(liveLabel(v), makespanOf(live), bandLabel(v, base),
                                                         makespanOf(baseRun)));
  o += ",\"runs\":[";
  const Nanos first = makespanOf(bandResult(v, 0));
  for (int b = 0; b < bandCount(c); ++b) {
    const RunReport* r = bandResult(v, b);
    if (b) o += ',';
    o += "{\"label\":" + jsonString(bandLabel(v, b));
    o += ",\"live\":" + std::string(b == c.livePos ? "true" : "false");
    o += ",\"ran\":" + std::string(hasRun(r) ? "true" : "false");
    if (hasRun(r)) {
      const Trace& t = r->outcome.trace;
      o += ",\"makespanNs\":" + std::to_string(t.metrics.makespan);
      o += ",\"completed\":" + std::string(t.completed ? "true" : "false");
      o += ",\"lanes\":" + std::to_string(t.lanes.size());
      o += ",\"settings\":" + jsonString(r->settings);
      o += ",\"runMs\":" + std::to_string(static_cast<int64_t>(r->hostMs + 0.5));
      if (first > 0) o += ",\"percentVsFirst\":" + std::to_string(percentChange(t.metrics.makespan, first));
    }
    o += "}";
  }
  return o + "]}";
}

const GanttState& legendState(PageView& v) {
  CompareView& c = v.compare;
  if (!c.active()) return v.gantt;
  GanttState& l = c.legend;
  l.scale = v.gantt.scale;
  l.trace = v.gantt.trace;
  l.summary = v.gantt.trace ? v.gantt.summary : TraceSummary{};
  for (const auto& p : c.pinned) {
    if (!p->gantt.trace) continue;
    // "Running Python (no GIL)" only if no band has a GIL (the legend reads the trace's config).
    if (!l.trace || (!l.trace->config.gil && p->gantt.trace->config.gil)) l.trace = p->gantt.trace;
    for (int i = 0; i < static_cast<int>(State::Count); ++i)
      l.summary.statePresent[i] = l.summary.statePresent[i] || p->gantt.summary.statePresent[i];
    for (int i = 0; i < static_cast<int>(InstantKind::Count); ++i)
      l.summary.instantPresent[i] = l.summary.instantPresent[i] || p->gantt.summary.instantPresent[i];
  }
  return l;
}

void drawCompareButtons(PageView& v) {
  const float em = ImGui::GetFontSize();
  CompareView& c = v.compare;
  flowNext(em * 1.2f, em * 12);
  const bool canPin = hasRun(v.result.get()) && static_cast<size_t>(bandCount(c)) < kMaxCompareRuns &&
                      !v.runner.running();
  ImGui::BeginDisabled(!canPin);
  if (ImGui::Button("Pin run")) pinCurrentRun(v);
  ImGui::EndDisabled();
  v.widgets.addLastItem("pin");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Keep this run on screen: change the code or a setting, and compare the two "
                      "on one time axis.");
  if (c.active()) {
    ImGui::SameLine();
    if (ImGui::Button("Close compare")) closeCompare(v);
    v.widgets.addLastItem("closeCompare");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Unpin every run: back to the current run alone.");
  }
}

void drawCompare(PageView& v, float height) {
  CompareView& c = v.compare;
  const float s = v.scale;
  const float em = ImGui::GetFontSize();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Requests aimed at the current chart act on all bands.
  if (v.gantt.fitPending && v.gantt.trace) c.fitPending = true;
  if (v.gantt.cursor != c.cursor) c.cursor = v.gantt.cursor;

  std::vector<Nanos> ends;
  for (int b = 0; b < bandCount(c); ++b)
    if (const RunReport* r = bandResult(v, b); hasRun(r)) ends.push_back(traceEnd(r->outcome.trace));
  const Nanos end = commonEnd(ends);

  // The headline: the current run against the first pinned one.
  ImGui::AlignTextToFramePadding();
  {
    const int base = baselineBand(c);
    const RunReport* live = v.result.get();
    const RunReport* baseRun = bandResult(v, base);
    if (hasRun(live) && hasRun(baseRun)) {
      const std::string h = makespanHeadline(liveLabel(v), makespanOf(live), bandLabel(v, base), makespanOf(baseRun));
      ImGui::Text("Makespan: %s (%s)", h.c_str(),
                  formatSpeedRatio(makespanOf(live), makespanOf(baseRun)).c_str());
    } else {
      ImGui::TextDisabled("Compare: waiting for the runs to finish...");
    }
    v.widgets.addLastItem("compareHeadline");
  }
  const float headlineH = ImGui::GetFrameHeightWithSpacing();
  const float available = std::max(0.0f, height - headlineH);

  // Band heights from each chart's wanted height (axis + lanes, as laid out last frame).
  const float headerH = std::round(ImGui::GetFrameHeight() + 2 * s);
  std::vector<float> content;
  for (int b = 0; b < bandCount(c); ++b) {
    const int k = pinnedIndexOfBand(b, c.livePos);
    GanttState& g = k < 0 ? v.gantt : c.pinned[static_cast<size_t>(k)]->gantt;
    float want = em * 3;
    if (g.trace) {
      const LaneLayout layout = layoutLanes(*g.trace, g.layoutOptions);
      const float axis = b == 0 ? std::round(ImGui::GetTextLineHeight() + 12 * s) : 0;
      want = layout.height + axis + 2 * s;
    }
    content.push_back(want);
  }
  const std::vector<Band> bands = layoutBands(content, available, headerH, std::round(em * 5), std::round(4 * s));

  const int base = 0;
  const Nanos firstMakespan = makespanOf(bandResult(v, base));
  bool viewChanged = false, cursorChanged = false;
  TimeView newView = c.view;
  double newCursor = c.cursor;
  float nameWidth = 0;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  int editRequest = -1, unpinRequest = -1;
  for (int b = 0; b < bandCount(c); ++b) {
    const Band& band = bands[static_cast<size_t>(b)];
    const int k = pinnedIndexOfBand(b, c.livePos);
    const bool live = k < 0;
    GanttState& g = live ? v.gantt : c.pinned[static_cast<size_t>(k)]->gantt;
    const RunReport* r = bandResult(v, b);
    ImGui::PushID(b);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + band.y));

    // ---- header: a marker, the label, the makespan and the difference; Edit / Unpin ----
    {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float barW = std::round(4 * s);
      dl->AddRectFilled(ImVec2(p.x, p.y + 2 * s), ImVec2(p.x + barW, p.y + band.height() - 2 * s),
                        rgbColor(live ? kLiveAccent : kPinnedAccent));
      ImGui::SetCursorScreenPos(ImVec2(p.x + barW + 6 * s, p.y));
      ImGui::AlignTextToFramePadding();
      const std::string label = bandLabel(v, b);
      ImGui::TextUnformatted(label.c_str());
      ImGui::SameLine();
      if (live) {
        ImGui::TextDisabled("(current: the editor's program)");
        ImGui::SameLine();
      }
      if (hasRun(r)) {
        const Nanos m = r->outcome.trace.metrics.makespan;
        std::string t = "makespan " + formatHuman(static_cast<double>(m));
        if (b != base && firstMakespan > 0) {
          const std::string ratio = formatSpeedRatio(m, firstMakespan);
          t += ratio == "same" ? "   same as " + bandLabel(v, base)
                               : "   " + formatPercentChange(m, firstMakespan) + ", " + ratio + " than " +
                                     bandLabel(v, base);
        }
        if (!r->outcome.trace.completed) t += "   (stopped: " + r->outcome.trace.stopReason.substr(0, 60) + ")";
        ImGui::TextUnformatted(t.c_str());
      } else if (!live && k == c.runningIndex) {
        ImGui::TextDisabled("running... %s", formatHuman(static_cast<double>(c.runner.virtualNow())).c_str());
      } else if (live && (v.runner.running() || v.runDueMs >= 0)) {
        ImGui::TextDisabled("running...");
      } else if (r && !r->error.message.empty()) {
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", r->error.message.substr(0, 80).c_str());
      } else {
        ImGui::TextDisabled("waiting to run");
      }
      if (!live) {
        const float buttonsW = ImGui::CalcTextSize("Edit").x + ImGui::CalcTextSize("Unpin").x +
                               4 * style.FramePadding.x + style.ItemSpacing.x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), origin.x - ImGui::GetWindowPos().x + width - buttonsW));
        if (ImGui::SmallButton("Edit")) editRequest = k;
        v.widgets.addLastItem(("edit" + std::to_string(k)).c_str());
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("Make this run the current one: its program goes to the editor.");
        ImGui::SameLine();
        if (ImGui::SmallButton("Unpin")) unpinRequest = k;
        v.widgets.addLastItem(("unpin" + std::to_string(k)).c_str());
      }
    }

    // ---- the chart ----
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + band.y + band.headerHeight));
    const float chartH = std::max(1.0f, band.chartHeight);
    if (g.trace) {
      g.endOverride = end;
      g.nameWidthMin = c.nameWidth;
      g.keyboard = live;  // keys act on the current chart; the others follow its view
      g.showAxis = b == 0;  // one time axis, on top: the bands below line up with it
      g.compact = true;
      g.scale = v.gantt.scale;
      if (c.fitPending) {
        g.fitPending = true;
      } else {
        g.fitPending = false;
        g.view.t0 = c.view.t0;
        g.view.t1 = c.view.t1;
      }
      g.cursor = c.cursor;
      ImGui::BeginChild("##band", ImVec2(width, chartH), false,
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
      drawGantt(g, chartH);
      // The run's makespan, a line across its lanes.
      if (hasRun(r)) {
        const float x = g.timeAreaX + g.view.toX(static_cast<double>(r->outcome.trace.metrics.makespan));
        const ImVec2 wmin = ImGui::GetWindowPos();
        if (x >= g.timeAreaX && x <= wmin.x + width) {
          ImDrawList* cdl = ImGui::GetWindowDrawList();
          const float top = g.lanesY, bottom = wmin.y + chartH;
          for (float y = top; y < bottom; y += 6 * s)  // dashed
            cdl->AddLine(ImVec2(x, y), ImVec2(x, std::min(bottom, y + 3 * s)), rgbColor(kMakespanLine, 200),
                         std::max(1.0f, 1.5f * s));
        }
      }
      ImGui::EndChild();
      v.widgets.addLastItem(("band" + std::to_string(b)).c_str());
      if (live) {
        const ImVec2 cmin = ImGui::GetItemRectMin();
        v.widgets.addLastItem("chart");
        v.widgets.items.emplace_back("timeArea", ImVec4(g.timeAreaX, g.lanesY, cmin.x + width - g.timeAreaX,
                                                        cmin.y + chartH - g.lanesY));
      } else {
        handlePinnedClick(g);
      }
      nameWidth = std::max(nameWidth, g.nameWidthNeeded);
      if (!viewChanged && !c.fitPending && (g.view.t0 != c.view.t0 || g.view.t1 != c.view.t1)) {
        viewChanged = true;
        newView = g.view;
      }
      if (c.fitPending && !viewChanged) newView = g.view;
      if (!cursorChanged && g.cursor != c.cursor) {
        cursorChanged = true;
        newCursor = g.cursor;
      }
    } else {
      ImGui::BeginChild("##band", ImVec2(width, chartH), true);
      ImGui::TextDisabled(live && r && !r->outcome.ran ? "The program did not run: see Errors." : "Running...");
      ImGui::EndChild();
      v.widgets.addLastItem(("band" + std::to_string(b)).c_str());
    }
    ImGui::PopID();
  }
  if (c.fitPending && !ends.empty()) c.fitPending = false;
  c.view = newView;
  c.cursor = newCursor;
  v.gantt.cursor = c.cursor;
  c.nameWidth = nameWidth;
  // Keep the layout's cursor below the area (the caller continues with the splitter).
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + available));
  ImGui::Dummy(ImVec2(width, 0));
  if (unpinRequest >= 0) unpinRun(v, unpinRequest);
  else if (editRequest >= 0) editPinnedRun(v, editRequest);
}

}  // namespace interleave::ui
