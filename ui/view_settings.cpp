// Machine settings. Values shown are the effective ones (defaults, then the program's
// `# interleave:` header, then what was set here); a change here becomes an override in the
// page state and re-runs the program after a short debounce.
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "view.h"

namespace interleave::ui {

namespace {

// A combo over preset durations; the current value is listed even if it is not a preset.
bool durationCombo(const char* label, Nanos current, const Nanos* presets, int n, Nanos* out) {
  bool changed = false;
  if (ImGui::BeginCombo(label, formatDuration(current).c_str())) {
    for (int i = 0; i < n; ++i) {
      if (ImGui::Selectable(formatDuration(presets[i]).c_str(), presets[i] == current) &&
          presets[i] != current) {
        *out = presets[i];
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

float labelled(float fieldEm, const char* label) {
  return ImGui::GetFontSize() * fieldEm + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(label).x + ImGui::GetFontSize();
}

void overrideMark(const PageView& v, const char* key) {
  if (!v.state.setting(key)) return;
  ImGui::SameLine(0, 2);
  ImGui::TextColored(ImVec4(0.0f, 0.45f, 0.70f, 1), "*");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Set here (overrides the program's header).");
}

}  // namespace

void drawSettings(PageView& v) {
  const float em = ImGui::GetFontSize();
  std::string error;
  const MachineConfig c = effectiveConfig(v.state, &error);

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Machine");
  ImGui::SameLine(0, em);

  int cores = c.cores;
  ImGui::SetNextItemWidth(em * 7);
  if (ImGui::SliderInt("cores", &cores, 1, 16) && cores != c.cores)
    setSettingAndRun(v, "cores", std::to_string(cores));
  v.widgets.addLastItem("cores");
  overrideMark(v, "cores");

  flowNext(em, labelled(2, "GIL"));
  bool gil = c.gil;
  if (ImGui::Checkbox("GIL", &gil)) setSettingAndRun(v, "gil", gil ? "on" : "off");
  v.widgets.addLastItem("gil");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Off models the free-threaded build (Python 3.13t): threads run in parallel.");
  overrideMark(v, "gil");

  flowNext(em, labelled(5.5f, "switch interval"));
  static const Nanos kIntervals[] = {100 * kMicrosecond, 500 * kMicrosecond, 1 * kMillisecond,
                                     5 * kMillisecond,   10 * kMillisecond,  50 * kMillisecond};
  Nanos interval = c.switchInterval;
  ImGui::SetNextItemWidth(em * 5.5f);
  if (durationCombo("switch interval", c.switchInterval, kIntervals, 6, &interval))
    setSettingAndRun(v, "switch_interval", formatDuration(interval));
  v.widgets.addLastItem("switchInterval");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("sys.setswitchinterval: how long a GIL waiter waits before asking the holder to drop it.");
  overrideMark(v, "switch_interval");

  flowNext(em, labelled(6.5f, "start method"));
  const char* methods[] = {"fork", "forkserver", "spawn"};
  const char* method = startMethodName(c.startMethod);
  ImGui::SetNextItemWidth(em * 6.5f);
  if (ImGui::BeginCombo("start method", method)) {
    for (const char* m : methods)
      if (ImGui::Selectable(m, std::strcmp(m, method) == 0) && std::strcmp(m, method) != 0)
        setSettingAndRun(v, "start_method", m);
    ImGui::EndCombo();
  }
  v.widgets.addLastItem("startMethod");
  overrideMark(v, "start_method");

  flowNext(em, labelled(5.5f, "latency"));
  static const Nanos kLatencies[] = {1 * kMillisecond, 10 * kMillisecond, 50 * kMillisecond,
                                     100 * kMillisecond, 200 * kMillisecond, 500 * kMillisecond,
                                     1000 * kMillisecond};
  Nanos latency = c.networkLatency;
  ImGui::SetNextItemWidth(em * 5.5f);
  if (durationCombo("latency", c.networkLatency, kLatencies, 7, &latency))
    setSettingAndRun(v, "latency", formatDuration(latency));
  v.widgets.addLastItem("latency");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Network latency of requests / aiohttp calls.");
  overrideMark(v, "latency");

  flowNext(em, labelled(5.5f, "seed"));
  int seed = static_cast<int>(c.seed > 2147483647u ? 2147483647u : c.seed);
  ImGui::SetNextItemWidth(em * 5.5f);
  if (ImGui::InputInt("seed", &seed, 1, 10, ImGuiInputTextFlags_EnterReturnsTrue) || ImGui::IsItemDeactivatedAfterEdit()) {
    if (seed >= 0 && static_cast<uint64_t>(seed) != c.seed)
      setSettingAndRun(v, "seed", std::to_string(seed));
  }
  v.widgets.addLastItem("seed");
  overrideMark(v, "seed");

  if (!v.state.settings.empty()) {
    flowNext(em, labelled(3, ""));
    if (ImGui::SmallButton("Reset")) {
      v.state.settings.clear();
      v.runDueMs = v.clock();
    }
    v.widgets.addLastItem("resetSettings");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the program's own settings: %s",
                                                  v.state.settingsString().c_str());
  }
  if (!error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "Settings: %s", error.c_str());
}

}  // namespace interleave::ui
