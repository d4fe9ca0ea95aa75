// The top bar: run status (progress bar and Cancel while a run is going), view buttons (fit,
// zoom to the measured range), playback (play/pause, step, speed).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "view.h"

namespace interleave::ui {

namespace {

constexpr double kSpeeds[] = {0.0001, 0.001, 0.01, 0.1, 1.0};
constexpr const char* kSpeedNames[] = {"1/10000", "1/1000", "1/100", "1/10", "1"};

}  // namespace

void drawToolbar(PageView& v) {
  const float em = ImGui::GetFontSize();
  ImGui::AlignTextToFramePadding();

  // ---- run status ----
  if (v.runner.running() || v.runDueMs >= 0) {
    const double f = v.runner.fraction();
    char label[96];
    std::snprintf(label, sizeof label, "simulated %s", formatHuman(static_cast<double>(v.runner.virtualNow())).c_str());
    if (f >= 0) {
      ImGui::ProgressBar(static_cast<float>(f), ImVec2(em * 13, 0), label);
    } else {
      // Unknown length: a bar that sweeps (indeterminate), with the virtual time reached.
      const float t = static_cast<float>(std::fmod(v.clock() / 1200.0, 1.0));
      ImGui::ProgressBar(t, ImVec2(em * 13, 0), label);
    }
    v.widgets.addLastItem("progress");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) cancelRun(v);
    v.widgets.addLastItem("cancel");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stop the simulation (Esc) and show what ran so far.");
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput) cancelRun(v);
  } else if (v.result) {
    const RunReport& r = *v.result;
    if (!r.outcome.ran) {
      ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "Not run: see Errors");
    } else if (!r.outcome.trace.stopReason.empty()) {
      ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.0f, 1), "Stopped after %s",
                         formatHuman(static_cast<double>(traceEnd(r.outcome.trace))).c_str());
    } else {
      ImGui::TextDisabled("Simulated in %.0f ms", r.hostMs);
    }
    v.widgets.addLastItem("runStatus");
  } else {
    ImGui::TextDisabled("Starting...");
  }

  // ---- view ----
  flowNext(em * 1.2f, em * 9);
  if (ImGui::Button("Fit")) v.gantt.fitPending = true;
  v.widgets.addLastItem("fit");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the whole run (F, or double-click the chart).");
  ImGui::SameLine();
  const bool hasRange = v.gantt.selEnd > v.gantt.selStart;
  ImGui::BeginDisabled(!hasRange);
  if (ImGui::Button("Zoom to range")) {
    v.gantt.view.t0 = v.gantt.selStart;
    v.gantt.view.t1 = v.gantt.selEnd;
  }
  ImGui::EndDisabled();
  v.widgets.addLastItem("zoomRange");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Right-drag (or shift+drag) over the chart to measure a range.");
  drawExportMenu(v);
  drawCompareButtons(v);  // view_compare.cpp

  // ---- playback ----
  flowNext(em * 1.2f, em * 14);
  const Trace* trace = v.gantt.trace;
  ImGui::BeginDisabled(trace == nullptr);
  const double cursor = std::max(0.0, v.gantt.cursor);
  if (ImGui::ArrowButton("##stepBack", ImGuiDir_Left) && trace) {
    Nanos t = prevChange(*trace, static_cast<Nanos>(std::ceil(cursor)));
    v.gantt.cursor = static_cast<double>(std::max<Nanos>(0, t));
    v.playing = false;
  }
  v.widgets.addLastItem("stepBack");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step back to the previous change.");
  ImGui::SameLine();
  if (ImGui::Button(v.playing ? "Pause" : "Play", ImVec2(em * 3.6f, 0))) {
    v.playing = !v.playing;
    if (v.playing && trace && cursor >= static_cast<double>(traceEnd(*trace))) v.gantt.cursor = 0;
    if (v.playing && v.gantt.cursor < 0) v.gantt.cursor = 0;
    if (v.playing && v.state.tab != "cursor") {
      v.state.tab = "cursor";
      v.selectTab = true;
    }
  }
  v.widgets.addLastItem("play");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##stepFwd", ImGuiDir_Right) && trace) {
    Nanos t = nextChange(*trace, static_cast<Nanos>(std::floor(v.gantt.cursor < 0 ? -1 : cursor)));
    if (t >= 0) v.gantt.cursor = static_cast<double>(t);
    v.playing = false;
  }
  v.widgets.addLastItem("stepForward");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step to the next change on any lane.");
  ImGui::SameLine();
  int speed = 3;
  for (int i = 0; i < 5; ++i)
    if (std::fabs(v.state.playbackSpeed - kSpeeds[i]) < kSpeeds[i] * 0.01) speed = i;
  ImGui::SetNextItemWidth(em * 6);
  if (ImGui::BeginCombo("##speed", (std::string(kSpeedNames[speed]) + " x").c_str())) {
    for (int i = 0; i < 5; ++i)
      if (ImGui::Selectable((std::string(kSpeedNames[i]) + " x real time").c_str(), i == speed))
        v.state.playbackSpeed = kSpeeds[i];
    ImGui::EndCombo();
  }
  v.widgets.addLastItem("speed");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed: virtual time per real second.");
  ImGui::EndDisabled();
  if (v.gantt.cursor >= 0) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("t = %s", formatHuman(v.gantt.cursor).c_str());
  }
}

}  // namespace interleave::ui
