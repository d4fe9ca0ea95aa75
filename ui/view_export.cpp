// The Export menu in the top bar: an SVG of the chart's visible range, a PNG of the chart as on
// screen, the trace as Chrome trace JSON for Perfetto. Choosing one only records the request
// (PageView::exportRequest); app_exports.cpp hands it to the page's script (web/src/export.js),
// which produces and downloads the file, so this file runs headless in native tests too.
#include "view.h"

namespace interleave::ui {

void drawExportMenu(PageView& v) {
  const float em = ImGui::GetFontSize();
  flowNext(em * 1.2f, em * 5);
  ImGui::BeginDisabled(v.gantt.trace == nullptr);
  if (ImGui::Button("Export \xE2\x96\xBE")) ImGui::OpenPopup("##exportMenu");
  ImGui::EndDisabled();
  v.widgets.addLastItem("export");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save the chart (SVG, PNG) or the trace (for Perfetto).");
  if (!ImGui::BeginPopup("##exportMenu")) return;
  struct Choice {
    const char* format;
    const char* label;
    const char* help;
  };
  static const Choice kChoices[] = {
      {"svg", "SVG image of the chart", "The visible time range, all lanes, as a vector image for slides."},
      {"png", "PNG image of the chart", "The chart as it is on screen, at the screen's pixel density."},
      {"chrome", "Chrome trace JSON (Perfetto)",
       "Every segment, instant, flow and counter; open it in ui.perfetto.dev or chrome://tracing."},
  };
  for (const Choice& c : kChoices) {
    if (ImGui::Selectable(c.label)) v.exportRequest = c.format;
    v.widgets.addLastItem((std::string("export:") + c.format).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.help);
  }
  ImGui::EndPopup();
}

}  // namespace interleave::ui
