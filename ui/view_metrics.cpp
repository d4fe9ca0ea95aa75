// Metrics of the run (makespan, speedup, per-core utilisation, GIL, memory), time per state for
// each thread, and the diagnostics the run found.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "palette.h"
#include "view.h"

namespace interleave::ui {

namespace {

std::string mib(int64_t bytes) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

void row(const char* key, const std::string& value, const char* help = nullptr) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", key);
  if (help && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(value.c_str());
}

}  // namespace

void drawMetricsPanel(PageView& v) {
  if (!v.result || v.result->outcome.trace.lanes.empty()) {
    ImGui::TextDisabled("No run yet.");
    return;
  }
  const Trace& t = v.result->outcome.trace;
  const Metrics& m = t.metrics;
  const float em = ImGui::GetFontSize();
  char buf[128];
  if (ImGui::BeginTable("##metrics", 2, ImGuiTableFlags_SizingFixedFit, ImVec2(em * 24, 0))) {
    row("makespan", formatHuman(static_cast<double>(m.makespan)), "From the start to the end of the last thread.");
    std::snprintf(buf, sizeof buf, "%.2f\xC3\x97", m.speedupPermille / 1000.0);
    row("speedup", buf, "The work done one piece at a time / makespan.");
    row("CPU time", formatHuman(static_cast<double>(m.totalCpu)));
    row("GIL held", formatHuman(static_cast<double>(m.gilHeld)));
    row("GIL waited", formatHuman(static_cast<double>(m.gilWaited)), "Summed over threads.");
    row("GIL hand-offs", std::to_string(m.gilHandoffs));
    row("drop requests", std::to_string(m.dropRequests));
    row("context switches", std::to_string(m.contextSwitches));
    row("peak memory", mib(m.peakMemoryBytes));
    std::snprintf(buf, sizeof buf, "%lld threads, %lld processes", static_cast<long long>(m.threadsStarted),
                  static_cast<long long>(m.processesStarted));
    row("started", buf);
    row("settings", v.result->outcome.settings);
    ImGui::EndTable();
  }
  ImGui::SameLine(0, em * 2);
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Core utilisation");
  const float barW = em * 10, lineH = ImGui::GetTextLineHeight();
  for (size_t i = 0; i < m.coreUtilisationPermille.size(); ++i) {
    const float frac = std::clamp(m.coreUtilisationPermille[i] / 1000.0f, 0.0f, 1.0f);
    ImGui::Text("core %zu", i);
    ImGui::SameLine(em * 3.5f + ImGui::GetCursorStartPos().x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + barW, p.y + lineH), rgbColor(0xE6E8EB));
    dl->AddRectFilled(p, ImVec2(p.x + barW * frac, p.y + lineH), rgbColor(stateColor(State::RunningPython)));
    ImGui::Dummy(ImVec2(barW, lineH));
    ImGui::SameLine();
    ImGui::Text("%.1f%%", m.coreUtilisationPermille[i] / 10.0);
  }
  ImGui::EndGroup();

  // Time per state for each thread: where did the time go?
  if (!v.threadTotals.empty()) {
    const State shown[] = {State::RunningPython, State::RunningNative, State::WaitingGil,
                           State::Runnable,      State::BlockedIo,     State::BlockedSync};
    ImGui::Spacing();
    if (ImGui::BeginTable("##threads", 7, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg |
                                              ImGuiTableFlags_BordersInnerV)) {
      ImGui::TableSetupColumn("thread");
      for (State s : shown) ImGui::TableSetupColumn(stateTitle(s));
      ImGui::TableHeadersRow();
      for (const ThreadTotals& tt : v.threadTotals) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tt.name.c_str());
        for (State s : shown) {
          ImGui::TableNextColumn();
          const Nanos ns = tt.byState[static_cast<int>(s)];
          if (ns > 0) {
            stateSwatch(stateColor(s));
            ImGui::TextUnformatted(formatHuman(static_cast<double>(ns)).c_str());
          }
        }
      }
      ImGui::EndTable();
    }
  }
  if (!t.diagnostics.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Diagnostics");
    for (const std::string& d : t.diagnostics) ImGui::BulletText("%s", d.c_str());
  }
}

}  // namespace interleave::ui
