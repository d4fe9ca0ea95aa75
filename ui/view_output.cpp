// Program output, one row per line with its virtual time and thread; a click on a row moves the
// time cursor there and brings it to the middle of the chart.
#include <algorithm>
#include <cstdio>

#include "view.h"

namespace interleave::ui {

void drawOutput(PageView& v) {
  if (!v.result) {
    ImGui::TextDisabled("No output yet.");
    return;
  }
  const Trace& t = v.result->outcome.trace;
  if (t.output.empty()) {
    ImGui::TextDisabled(v.result->outcome.ran ? "The program printed nothing." : "The program did not run (see Errors).");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerV;
  if (!ImGui::BeginTable("##output", 3, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("time");
  ImGui::TableSetupColumn("thread");
  ImGui::TableSetupColumn("output", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  // Only the rows on screen are laid out: output may have many thousands of lines.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(t.output.size()));
  const double cursor = v.gantt.cursor;
  const size_t current = cursor >= 0 ? outputAt(t, static_cast<Nanos>(cursor)) : t.output.size();
  int clickedRow = -1;
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const OutputLine& line = t.output[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      // Milliseconds with microsecond digits, as the CLI prints them: lines close in time differ.
      char time[32];
      std::snprintf(time, sizeof time, "%.3f ms", static_cast<double>(line.time) / 1e6);
      if (ImGui::Selectable(time, static_cast<size_t>(i) == current,
                            ImGuiSelectableFlags_SpanAllColumns))
        clickedRow = i;
      if (i == clipper.DisplayStart && i == 0) v.widgets.addLastItem("outputRow0");
      ImGui::PopID();
      ImGui::TableNextColumn();
      const std::string& name = threadName(t, line.thread);
      ImGui::TextDisabled("%s", name.c_str());
      ImGui::TableNextColumn();
      if (line.stream == 2) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", line.text.c_str());
      else ImGui::TextUnformatted(line.text.c_str());
    }
  }
  ImGui::EndTable();
  if (clickedRow >= 0) {
    const double time = static_cast<double>(t.output[static_cast<size_t>(clickedRow)].time);
    v.gantt.cursor = time;
    v.gantt.centerRequest = time;
    v.playing = false;
  }
}

}  // namespace interleave::ui
