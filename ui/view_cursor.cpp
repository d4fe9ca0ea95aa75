// What every lane is doing at the time cursor: each thread's state and line, who holds each
// GIL, what each core runs, what a blocked thread waits for (the segment's label: the lock,
// queue or join it is blocked in).
#include <cmath>

#include "palette.h"
#include "view.h"

namespace interleave::ui {

void drawCursorPanel(PageView& v) {
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
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV;
  if (!ImGui::BeginTable("##cursor", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("lane");
  ImGui::TableSetupColumn("state");
  ImGui::TableSetupColumn("who / waiting for");
  ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const Row& r : v.gantt.layout.rows) {
    if (r.kind != RowKind::Lane) continue;
    const Lane& lane = t->lanes[static_cast<size_t>(r.lane)];
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
    if (lane.kind == LaneKind::Core || lane.kind == LaneKind::Gil) who = threadName(*t, s.thread);
    const std::string& label = t->str(s.label);
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

}  // namespace interleave::ui
