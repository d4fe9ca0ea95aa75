// What the program's machine looks like at the time cursor: every lane (each thread's state and
// line, who holds each GIL, what each core runs, what a blocked thread waits in) and, next to
// it, every lock (owner, waiters) and queue (size, first items, waiting getters and putters)
// made so far (trace_query.h: resourcesAt / describeResource).
#include <algorithm>
#include <cmath>

#include "json_escape.h"
#include "palette.h"
#include "view.h"

namespace interleave::ui {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV;
// Below this width (pixels at scale 1) the resource tables go under the lanes, not beside them.
constexpr float kSideBySideWidth = 720;

void drawLanesTable(PageView& v, const Trace& t, Nanos at, ImVec2 size) {
  if (!ImGui::BeginTable("##cursor", 4, kTableFlags, size)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("lane");
  ImGui::TableSetupColumn("state");
  ImGui::TableSetupColumn("who / waiting for");
  ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const Row& r : v.gantt.layout.rows) {
    if (r.kind != RowKind::Lane) continue;
    const Lane& lane = t.lanes[static_cast<size_t>(r.lane)];
    const int32_t i = segmentAt(lane, at);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(lane.name.c_str());
    ImGui::TableNextColumn();
    if (i < 0) {
      const bool gil = lane.kind == LaneKind::Gil;
      ImGui::TextDisabled(gil ? "free" : lane.kind == LaneKind::Core ? "idle" : "-");
      ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      continue;
    }
    const Segment& s = lane.segments[static_cast<size_t>(i)];
    stateSwatch(stateColor(s.state));
    ImGui::TextUnformatted(stateTitle(s.state));
    ImGui::TableNextColumn();
    std::string who;
    if (lane.kind == LaneKind::Core || lane.kind == LaneKind::Gil) who = threadName(t, s.thread);
    const std::string& label = t.str(s.label);
    if (!label.empty() && label != who) who += who.empty() ? label : "  (" + label + ")";
    ImGui::TextUnformatted(who.c_str());
    ImGui::TableNextColumn();
    if (s.line > 0) {
      std::string text = std::to_string(s.line);
      if (s.line <= static_cast<int32_t>(v.sourceLines.size())) {
        std::string src = v.sourceLines[static_cast<size_t>(s.line - 1)];
        size_t a = src.find_first_not_of(" \t");
        if (a != std::string::npos) text += ":  " + src.substr(a);
      }
      ImGui::TextUnformatted(text.c_str());
    }
  }
  ImGui::EndTable();
}

// The state cell: held locks (and full queues with putters waiting) stand out.
void stateCell(const ResourceRow& row) {
  if (row.held) {
    stateSwatch(stateColor(State::BlockedSync));
    ImGui::TextUnformatted(row.state.c_str());
  } else {
    ImGui::TextDisabled("%s", row.state.c_str());
  }
}

// Rows of the Locks (queues = false) or Queues table; also appended to v.cursorResources.
void drawResourceTable(PageView& v, const Trace& t, const std::vector<ResourceAt>& list, bool queues,
                       float height) {
  ImGui::TextUnformatted(queues ? "Queues" : "Locks");
  const int columns = queues ? 5 : 4;
  if (!ImGui::BeginTable(queues ? "##queues" : "##locks", columns, kTableFlags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("name");
  ImGui::TableSetupColumn("kind");
  ImGui::TableSetupColumn(queues ? "size" : "state");
  if (queues) ImGui::TableSetupColumn("items (next out first)");
  ImGui::TableSetupColumn("waiting", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  std::vector<ResourceRow> rows;
  rows.reserve(list.size());
  for (const ResourceAt& a : list) rows.push_back(describeResource(t, a));
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ResourceRow& row = rows[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", row.kind.c_str());
      ImGui::TableNextColumn();
      stateCell(row);
      if (queues) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.items.c_str());
        if (ImGui::IsItemHovered() && !row.items.empty()) ImGui::SetTooltip("%s", row.items.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.waiters.c_str());
    }
  }
  ImGui::EndTable();
  v.widgets.addLastItem(queues ? "queuesTable" : "locksTable");
  // For the page's status (browser tests read the tables' text from it).
  for (const ResourceRow& row : rows) {
    std::string& o = v.cursorResources;
    o += o.empty() ? "[" : ",";
    o += "{\"table\":" + detail::jsonString(queues ? "queues" : "locks") + ",\"name\":" + detail::jsonString(row.name) +
         ",\"kind\":" + detail::jsonString(row.kind) + ",\"state\":" + detail::jsonString(row.state) +
         ",\"items\":" + detail::jsonString(row.items) + ",\"waiters\":" + detail::jsonString(row.waiters) + "}";
  }
}

void drawResourceTables(PageView& v, const Trace& t, const std::vector<ResourceAt>& locks,
                        const std::vector<ResourceAt>& queues) {
  // Each table as tall as its rows need; if both do not fit, they share the height in
  // proportion (at least a few rows each, then they scroll).
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float row = ImGui::GetTextLineHeight() + 2 * style.CellPadding.y;
  auto need = [&](size_t rows) { return rows == 0 ? 0.0f : (static_cast<float>(rows) + 1) * row + 2 * style.CellPadding.y; };
  const float wantLocks = need(locks.size()), wantQueues = need(queues.size());
  const int tables = (locks.empty() ? 0 : 1) + (queues.empty() ? 0 : 1);
  const float room = ImGui::GetContentRegionAvail().y - tables * (line + style.ItemSpacing.y);
  float hLocks = wantLocks, hQueues = wantQueues;
  if (wantLocks + wantQueues > room) {
    const float minimum = need(3);
    hLocks = locks.empty() ? 0 : std::max(std::min(wantLocks, minimum), room * wantLocks / (wantLocks + wantQueues));
    hQueues = queues.empty() ? 0 : std::max(std::min(wantQueues, minimum), room - hLocks);
  }
  if (!locks.empty()) drawResourceTable(v, t, locks, false, hLocks);
  if (!queues.empty()) drawResourceTable(v, t, queues, true, hQueues);
  if (!v.cursorResources.empty()) v.cursorResources += "]";
}

}  // namespace

void drawCursorPanel(PageView& v) {
  v.cursorResources.clear();
  const Trace* t = v.gantt.trace;
  if (!t) {
    ImGui::TextDisabled("No run yet.");
    return;
  }
  if (v.gantt.cursor < 0) {
    ImGui::TextDisabled("No time cursor: press Play, step with the arrows, or click the time axis.");
    return;
  }
  const Nanos at = static_cast<Nanos>(std::floor(v.gantt.cursor));
  ImGui::Text("At %s", formatHuman(static_cast<double>(at)).c_str());
  const std::vector<ResourceAt> locks = resourcesAt(*t, at, false);
  const std::vector<ResourceAt> queues = resourcesAt(*t, at, true);
  if (locks.empty() && queues.empty()) {
    drawLanesTable(v, *t, at, ImVec2(0, 0));
    return;
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (avail.x >= kSideBySideWidth * v.scale) {
    ImGui::BeginChild("##lanesSide", ImVec2(std::floor(avail.x * 0.55f), 0), false);
    drawLanesTable(v, *t, at, ImVec2(0, 0));
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##resourcesSide", ImVec2(0, 0), false);
    drawResourceTables(v, *t, locks, queues);
    ImGui::EndChild();
  } else {
    drawLanesTable(v, *t, at, ImVec2(0, std::floor(avail.y * 0.45f)));
    drawResourceTables(v, *t, locks, queues);
  }
}

}  // namespace interleave::ui
