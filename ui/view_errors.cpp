// Errors: the message (also underlined in the editor), the full traceback as Python printed
// it, and why a run stopped early (a limit, a deadlock, a cancel).
#include "view.h"

namespace interleave::ui {

void drawErrors(PageView& v) {
  if (!v.result) {
    ImGui::TextDisabled("No run yet.");
    return;
  }
  const RunReport& r = *v.result;
  const bool any = !r.error.message.empty() || !r.outcome.stderrText.empty() ||
                   !r.outcome.trace.stopReason.empty();
  if (!any) {
    ImGui::TextDisabled("No errors.");
    return;
  }
  if (!r.error.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.08f, 0.08f, 1));
    ImGui::TextWrapped("%s", r.error.message.c_str());
    ImGui::PopStyleColor();
    v.widgets.addLastItem("errorMessage");
    if (r.error.line > 0) {
      ImGui::SameLine();
      char label[48];
      std::snprintf(label, sizeof label, "line %d", r.error.line);
      if (ImGui::SmallButton(label)) selectLine(v, r.error.line);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the line in the editor.");
    }
  }
  if (!r.outcome.stderrText.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("stderr");
    ImGui::BeginChild("##stderr", ImVec2(0, 0), true);
    ImGui::TextUnformatted(r.outcome.stderrText.c_str());
    ImGui::EndChild();
  }
}

}  // namespace interleave::ui
