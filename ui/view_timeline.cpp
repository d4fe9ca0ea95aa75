#include "view_timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "palette.h"

namespace interleave::ui {

namespace {

ImU32 col(uint32_t rgb, int alpha = 255) {
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
}

// Chart chrome (light theme; the state colours are the Okabe-Ito ones from palette.h).
constexpr uint32_t kBackground = 0xFFFFFF;
constexpr uint32_t kStripe = 0xF4F5F7;
constexpr uint32_t kHeaderBg = 0xE2E6EB;
constexpr uint32_t kAxisBg = 0xF7F8FA;
constexpr uint32_t kBorder = 0xB8BEC6;
constexpr uint32_t kGrid = 0xE1E4E8;
constexpr uint32_t kText = 0x1F2328;
constexpr uint32_t kMuted = 0x59636E;
constexpr uint32_t kHighlight = 0x000000;
constexpr uint32_t kCursor = 0xCC3311;
constexpr uint32_t kSelected = 0x000000;    // outline of highlighted segments
constexpr uint32_t kSelection = 0x0072B2;   // measured range
constexpr uint32_t kTimeCursor = 0x6A3D9A;  // playback cursor

std::string segmentText(const Trace& trace, const Lane& lane, const Segment& s) {
  const std::string& label = trace.str(s.label);
  if (!label.empty()) return label;
  if (lane.kind == LaneKind::Core || lane.kind == LaneKind::Gil) return threadName(trace, s.thread);
  return {};
}

// `text` if it fits in maxWidth, else its longest prefix that fits with an ellipsis, else "".
std::string fitText(const ImFont* font, float size, const std::string& text, float maxWidth) {
  auto width = [&](const std::string& t) {
    return font->CalcTextSizeA(size, FLT_MAX, 0, t.c_str()).x;
  };
  if (text.empty() || width(text) <= maxWidth) return text;
  static const std::string kEllipsis = "\xE2\x80\xA6";
  size_t n = text.size();
  while (n > 0) {
    --n;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // UTF-8 start
    std::string candidate = text.substr(0, n) + kEllipsis;
    if (n >= 2 && width(candidate) <= maxWidth) return candidate;
  }
  return {};
}

const char* laneKindName(LaneKind k) {
  switch (k) {
    case LaneKind::Core:
      return "core";
    case LaneKind::Gil:
      return "GIL";
    case LaneKind::Thread:
      return "thread";
    case LaneKind::EventLoop:
      return "event loop";
    case LaneKind::Task:
      return "task";
  }
  return "lane";
}

void swatch(ImDrawList* dl, ImVec2 p, float size, uint32_t rgb, bool hatched, float scale) {
  ImVec2 q(p.x + size, p.y + size);
  dl->AddRectFilled(p, q, col(hatched ? tint(rgb, 0.45f) : rgb));
  if (hatched) {
    dl->PushClipRect(p, q, true);
    float step = 4 * scale;
    for (float x = p.x - size; x < q.x; x += step)
      dl->AddLine(ImVec2(x, q.y), ImVec2(x + size, p.y), col(rgb), std::max(1.0f, scale));
    dl->PopClipRect();
  }
  dl->AddRect(p, q, col(shade(rgb, 0.6f)));
}

}  // namespace

void setTrace(GanttState& state, const Trace* trace, bool keepView) {
  state.trace = trace;
  state.summary = trace ? summarize(*trace) : TraceSummary{};
  state.hoveredItem = -1;
  state.hoveredRow = -1;
  state.drawList = DrawList{};
  if (!keepView) {
    state.fitPending = true;
    state.scrollY = 0;
  }
}

void drawGantt(GanttState& st, float height) {
  if (!st.trace) return;
  const Trace& trace = *st.trace;
  ImGuiIO& io = ImGui::GetIO();
  const float s = st.scale;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (height <= 0) height = avail.y;
  const float width = avail.x;
  if (width < 80 * s || height < 60 * s) {
    ImGui::Dummy(ImVec2(std::max(width, 1.0f), std::max(height, 1.0f)));
    return;
  }
  ImFont* font = ImGui::GetFont();
  const float fontSize = ImGui::GetFontSize();
  const float lineH = ImGui::GetTextLineHeight();

  // ---- geometry ----
  st.layoutOptions.laneHeight = std::round(lineH + (st.compact ? 4 : 9) * s);
  st.layoutOptions.headerHeight = std::round(lineH + (st.compact ? 3 : 7) * s);
  st.layoutOptions.gap = std::max(1.0f, std::round(1 * s));
  st.layout = layoutLanes(trace, st.layoutOptions);
  const LaneLayout& layout = st.layout;

  const float headerIndent = 8 * s + lineH * 0.6f;
  const float laneIndent = headerIndent + 6 * s;
  float nameW = 0;
  for (const Row& r : layout.rows) {
    float w = ImGui::CalcTextSize(r.label.c_str()).x +
              (r.kind == RowKind::GroupHeader ? headerIndent : laneIndent);
    nameW = std::max(nameW, w);
  }
  nameW =
      std::clamp(std::round(nameW + 14 * s), 110 * s, std::max(110 * s, std::round(0.35f * width)));
  st.nameWidthNeeded = nameW;
  nameW = std::max(nameW, std::min(st.nameWidthMin, std::round(0.5f * width)));
  const Nanos chartEnd = st.endOverride > 0 ? st.endOverride : st.summary.end;
  const float axisH = st.showAxis ? std::round(lineH + 12 * s) : 0;
  st.axisHeight = axisH;
  const ImVec2 end(origin.x + width, origin.y + height);
  const float timeX = origin.x + nameW;  // left edge of the time area
  const float timeW = width - nameW;
  const float bodyY = origin.y + axisH;  // top of the lanes
  const float bodyH = height - axisH;
  st.timeAreaX = timeX;
  st.lanesY = bodyY;

  // ---- input ----
  const TimeView viewBefore = st.view;
  const size_t collapsedBefore = st.layoutOptions.collapsedGroups.size();
  const double cursorBefore = st.cursor, selStartBefore = st.selStart, selEndBefore = st.selEnd;
  st.clicked = false;
  st.clickedEmpty = false;
  ImGui::InvisibleButton("##gantt", ImVec2(width, height),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const ImVec2 mouse = io.MousePos;
  const bool overTime =
      mouse.x >= timeX && mouse.x < end.x && mouse.y >= origin.y && mouse.y < end.y;
  const bool overBody =
      mouse.y >= bodyY && mouse.y < end.y && mouse.x >= origin.x && mouse.x < end.x;
  const bool overAxis = overTime && mouse.y < bodyY;

  if (st.fitPending) {
    st.view = fitViewToEnd(chartEnd, timeW);
    st.fitPending = false;
  }
  st.view.width = timeW;
  const double maxSpan = std::max(static_cast<double>(chartEnd) * 4.0, kMinSpanNs);
  if (st.zoomRequest != 1 && st.zoomRequest > 0) {
    float ax = st.zoomAnchorX >= 0 ? std::clamp(st.zoomAnchorX - timeX, 0.0f, timeW) : timeW * 0.5f;
    st.view = zoomAt(st.view, ax, st.zoomRequest, maxSpan);
    st.zoomRequest = 1;
  }
  if (st.centerRequest >= 0) {
    const double span = st.view.t1 - st.view.t0;
    st.view.t0 = st.centerRequest - span * 0.5;
    st.view.t1 = st.view.t0 + span;
    st.centerRequest = -1;
  }
  if (hovered) {
    if (io.MouseWheel != 0) {
      if (overTime && !io.KeyShift)
        st.view = zoomAt(st.view, mouse.x - timeX, std::pow(1.25, io.MouseWheel), maxSpan);
      else
        st.scrollY -= io.MouseWheel * st.layoutOptions.laneHeight * 3;
    }
    if (io.MouseWheelH != 0) st.view = panBy(st.view, io.MouseWheelH * 60 * s);
    if (overTime && !overAxis && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
      st.view = fitViewToEnd(chartEnd, timeW);
  }
  // Keyboard, continuous while held (Perfetto/Tracy: W/S zoom at the mouse or the middle, A/D
  // pan); only when no ImGui text field wants the keys.
  if (st.keyboard && !io.WantTextInput && !ImGui::IsAnyItemActive()) {
    const float dt = std::min(io.DeltaTime, 0.1f);
    const float ax = hovered && overTime ? mouse.x - timeX : timeW * 0.5f;
    const bool zoomIn = ImGui::IsKeyDown(ImGuiKey_W) || ImGui::IsKeyDown(ImGuiKey_UpArrow);
    const bool zoomOut = ImGui::IsKeyDown(ImGuiKey_S) || ImGui::IsKeyDown(ImGuiKey_DownArrow);
    const bool left = ImGui::IsKeyDown(ImGuiKey_A) || ImGui::IsKeyDown(ImGuiKey_LeftArrow);
    const bool right = ImGui::IsKeyDown(ImGuiKey_D) || ImGui::IsKeyDown(ImGuiKey_RightArrow);
    if (zoomIn != zoomOut) st.view = zoomAt(st.view, ax, std::pow(zoomIn ? 6.0 : 1 / 6.0, dt), maxSpan);
    if (left != right) st.view = panBy(st.view, (left ? 1 : -1) * timeW * 0.9f * dt);
    if (ImGui::IsKeyPressed(ImGuiKey_F, false)) st.view = fitViewToEnd(chartEnd, timeW);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) st.selStart = st.selEnd = 0;
  }
  const float dragThreshold = 3 * s;
  // Which gesture a drag is: pan (left), measure (right, or shift+left), scrub (on the axis).
  bool& selecting = st.selecting;
  bool& scrubbing = st.scrubbing;
  if (ImGui::IsItemActivated()) {
    selecting = overTime && !overAxis &&
                (ImGui::IsMouseClicked(ImGuiMouseButton_Right) || io.KeyShift);
    scrubbing = overAxis;
    if (selecting) st.selStart = st.selEnd = st.view.toTime(mouse.x - timeX);
  }
  const bool leftDrag = ImGui::IsMouseDragging(ImGuiMouseButton_Left, dragThreshold);
  const bool rightDrag = ImGui::IsMouseDragging(ImGuiMouseButton_Right, dragThreshold);
  if (active && scrubbing) {
    st.cursor = std::max(0.0, st.view.toTime(std::clamp(mouse.x, timeX, end.x) - timeX));
  } else if (active && selecting && (leftDrag || rightDrag)) {
    st.selEnd = st.view.toTime(std::clamp(mouse.x, timeX, end.x) - timeX);
  } else if (active && leftDrag) {
    st.view = panBy(st.view, io.MouseDelta.x);
    st.scrollY -= io.MouseDelta.y;
  }
  const bool clickReleased = ImGui::IsItemDeactivated() && !selecting && !scrubbing &&
                             io.MouseDragMaxDistanceSqr[0] < dragThreshold * dragThreshold;
  if (ImGui::IsItemDeactivated() && selecting) {
    if (st.selEnd < st.selStart) std::swap(st.selStart, st.selEnd);
    if (std::fabs(st.view.toX(st.selEnd) - st.view.toX(st.selStart)) < dragThreshold)
      st.selStart = st.selEnd = 0;  // a click, not a range
  }
  if (clickReleased && overBody) {
    int r = layout.rowAt(mouse.y - bodyY + st.scrollY);
    if (r >= 0 && layout.rows[r].kind == RowKind::GroupHeader) {
      auto& groups = st.layoutOptions.collapsedGroups;
      auto it = std::find(groups.begin(), groups.end(), layout.rows[r].group);
      if (it == groups.end())
        groups.push_back(layout.rows[r].group);
      else
        groups.erase(it);
    }
  }
  st.view = clampView(st.view, chartEnd);
  st.scrollY = std::clamp(st.scrollY, 0.0f, std::max(0.0f, layout.height - bodyH + 4 * s));

  // ---- the draw list for the lanes on screen ----
  std::vector<int32_t> laneRow(trace.lanes.size(), -1);
  std::vector<int32_t> visibleLanes;
  int firstRow = -1, lastRow = -1;
  for (size_t i = 0; i < layout.rows.size(); ++i) {
    const Row& r = layout.rows[i];
    if (r.y + r.height < st.scrollY || r.y > st.scrollY + bodyH) continue;
    if (firstRow < 0) firstRow = static_cast<int>(i);
    lastRow = static_cast<int>(i);
    if (r.kind == RowKind::Lane) {
      visibleLanes.push_back(r.lane);
      laneRow[r.lane] = static_cast<int32_t>(i);
    }
  }
  if (visibleLanes.empty()) {
    st.drawList.items.clear();
    st.drawList.laneItems.assign(trace.lanes.size(), {0, 0});
  } else {
    buildDrawList(trace, st.view, visibleLanes, 3 * s, &st.drawList);
  }
  const DrawList& list = st.drawList;

  // ---- time axis (labels never overlap: widen the spacing to the widest label) ----
  float spacing = 80 * s;
  TimeAxis axis = computeTimeAxis(st.view, spacing);
  for (int pass = 0; pass < 2; ++pass) {
    float widest = 0;
    for (const Tick& t : axis.ticks)
      if (t.major) widest = std::max(widest, ImGui::CalcTextSize(t.label.c_str()).x);
    if (widest + 18 * s <= spacing) break;
    spacing = widest + 18 * s;
    axis = computeTimeAxis(st.view, spacing);
  }

  // ---- background, rows, grid ----
  dl->AddRectFilled(origin, end, col(kBackground));
  dl->PushClipRect(ImVec2(origin.x, bodyY), end, true);
  for (int i = firstRow; i >= 0 && i <= lastRow; ++i) {
    const Row& r = layout.rows[i];
    float y0 = bodyY + r.y - st.scrollY, y1 = y0 + r.height;
    if (r.kind == RowKind::GroupHeader)
      dl->AddRectFilled(ImVec2(origin.x, y0), ImVec2(end.x, y1), col(kHeaderBg));
    else if ((i & 1) == 0)
      dl->AddRectFilled(ImVec2(origin.x, y0), ImVec2(end.x, y1), col(kStripe));
  }
  dl->PushClipRect(ImVec2(timeX, bodyY), end, true);
  for (const Tick& t : axis.ticks)
    if (t.major) {
      float x = std::floor(timeX + t.x) + 0.5f;
      dl->AddLine(ImVec2(x, bodyY), ImVec2(x, end.y), col(kGrid), std::max(1.0f, std::floor(s)));
    }

  // ---- segments ----
  const bool highlighting = st.highlight.active();
  const float pad = std::round(3 * s);
  const float minW = std::max(1.0f, std::floor(s));
  auto itemX = [&](const DrawItem& it, float* x0, float* x1) {
    *x0 = std::floor(timeX + it.x0);
    *x1 = std::max(std::floor(timeX + it.x1), *x0 + minW);
  };
  for (size_t k = 0; k < list.items.size(); ++k) {
    const DrawItem& it = list.items[k];
    int32_t r = laneRow[it.lane];
    if (r < 0) continue;
    const Row& row = layout.rows[r];
    const float y0 = bodyY + row.y - st.scrollY + pad, y1 = y0 + row.height - 2 * pad;
    // A run of touching segments in one state of one thread (they differ only in their source
    // line) reads as one bar: one outline, one label.
    size_t j = k + 1;
    while (j < list.items.size() && joinsPrevious(trace, list, j)) ++j;
    float runX0 = 0, runX1 = 0, x0 = 0, x1 = 0;
    itemX(it, &runX0, &x1);
    itemX(list.items[j - 1], &x0, &runX1);
    uint32_t base = stateColor(it.state);
    bool anyMatch = false;
    for (size_t m = k; m < j; ++m) {
      const DrawItem& im = list.items[m];
      itemX(im, &x0, &x1);
      uint32_t rgb = stateColor(im.state);
      const bool match = highlighting && itemMatches(trace, im, st.highlight);
      anyMatch = anyMatch || match;
      if (highlighting && !match) rgb = tint(rgb, 0.72f);  // the rest fades back
      if (im.folded()) {
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), col(tint(rgb, 0.45f)));
        dl->PushClipRect(ImVec2(x0, y0), ImVec2(x1, y1), true);
        float h = y1 - y0, step = 4 * s;
        float startX = x0 - std::fmod(x0 - timeX, step) - h;
        for (float x = startX; x < x1; x += step)
          dl->AddLine(ImVec2(x, y1), ImVec2(x + h, y0), col(rgb), std::max(1.0f, s));
        dl->PopClipRect();
      } else {
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), col(rgb));
      }
      if (match && j - k > 1) {
        // The highlighted part of a run: a bar under it.
        dl->AddRectFilled(ImVec2(x0, y1 - 2 * s), ImVec2(x1, y1), col(kSelected));
      }
    }
    const uint32_t runRgb = highlighting && !anyMatch ? tint(base, 0.72f) : base;
    if (runX1 - runX0 >= 8 * s) dl->AddRect(ImVec2(runX0, y0), ImVec2(runX1, y1), col(shade(runRgb, 0.7f)));
    if (anyMatch)
      dl->AddRect(ImVec2(runX0 - s, y0 - s), ImVec2(runX1 + s, y1 + s), col(kSelected), 0, 0,
                  std::max(1.0f, 1.5f * s));
    // Text inside wide real segments, shortened with an ellipsis when it does not fit.
    if (!it.folded() && runX1 - runX0 > 24 * s) {
      const Lane& lane = trace.lanes[it.lane];
      const float visX0 = std::max(runX0, timeX), visX1 = std::min(runX1, end.x);
      std::string text = fitText(font, fontSize, segmentText(trace, lane, lane.segments[it.first]),
                                 visX1 - visX0 - 8 * s);
      if (!text.empty()) {
        float tw = font->CalcTextSizeA(fontSize, FLT_MAX, 0, text.c_str()).x;
        float tx = std::round((visX0 + visX1 - tw) * 0.5f);
        ImVec4 clip(runX0 + 2 * s, y0, runX1 - 2 * s, y1);
        dl->AddText(font, fontSize, ImVec2(tx, std::round((y0 + y1 - lineH) * 0.5f)),
                    col(textColorOn(runRgb)), text.c_str(), nullptr, 0, &clip);
      }
    }
    k = j - 1;
  }

  // ---- instants: GIL hand-offs (bottom of the GIL lane), drop requests (top of the thread) ----
  {
    std::vector<char> laneVisible(trace.lanes.size(), 0);
    for (int32_t l : visibleLanes) laneVisible[l] = 1;
    buildInstantMarks(trace, st.view, laneVisible,
                      {InstantKind::GilHandoff, InstantKind::DropRequest, InstantKind::Mark}, 4 * s,
                      &st.instantMarks);
    const float a = std::round(3.5f * s);
    for (const InstantMark& m : st.instantMarks) {
      const Row& row = layout.rows[laneRow[m.lane]];
      float y0 = bodyY + row.y - st.scrollY + pad, y1 = y0 + row.height - 2 * pad;
      float x = std::floor(timeX + m.x) + 0.5f;
      if (m.kind == InstantKind::GilHandoff) {
        dl->AddTriangleFilled(ImVec2(x - a, y1 + pad), ImVec2(x + a, y1 + pad),
                              ImVec2(x, y1 + pad - a * 1.3f), col(0x000000));
      } else if (m.kind == InstantKind::DropRequest) {
        dl->AddTriangleFilled(ImVec2(x - a, y0 - pad), ImVec2(x + a, y0 - pad),
                              ImVec2(x, y0 - pad + a * 1.3f), col(0xB00020));
      } else {
        dl->AddLine(ImVec2(x, y0 - pad), ImVec2(x, y1 + pad), col(0x000000), std::max(1.0f, s));
      }
    }
  }

  // ---- hover ----
  st.hoveredItem = -1;
  st.hoveredRow = -1;
  const bool dragging = active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, dragThreshold);
  if (hovered && !dragging && overBody) {
    Hit hit = hitTest(layout, list, mouse.x - timeX, mouse.y - bodyY + st.scrollY, 5 * s);
    st.hoveredRow = hit.row;
    if (overTime) st.hoveredItem = hit.item;
  }
  if (clickReleased && overTime && !overAxis) {
    if (st.hoveredItem >= 0) {
      const DrawItem& it = list.items[st.hoveredItem];
      st.clicked = true;
      st.clickedLane = it.lane;
      st.clickedFirst = it.first;
      st.clickedCount = it.count;
    } else if (st.hoveredRow < 0 || layout.rows[st.hoveredRow].kind == RowKind::Lane) {
      st.clickedEmpty = true;
    }
  }
  // The measured range: a band over the lanes, its duration on the axis (drawn below).
  const bool hasSelection = st.selEnd > st.selStart || (active && selecting);
  if (hasSelection) {
    float sx0 = timeX + st.view.toX(std::min(st.selStart, st.selEnd));
    float sx1 = timeX + st.view.toX(std::max(st.selStart, st.selEnd));
    dl->AddRectFilled(ImVec2(sx0, bodyY), ImVec2(sx1, end.y), col(kSelection, 40));
    dl->AddLine(ImVec2(sx0, bodyY), ImVec2(sx0, end.y), col(kSelection), std::max(1.0f, s));
    dl->AddLine(ImVec2(sx1, bodyY), ImVec2(sx1, end.y), col(kSelection), std::max(1.0f, s));
  }
  if (st.cursor >= 0) {
    float x = std::floor(timeX + st.view.toX(st.cursor)) + 0.5f;
    dl->AddLine(ImVec2(x, bodyY), ImVec2(x, end.y), col(kTimeCursor), std::max(2.0f, 2 * s));
  }
  if (st.hoveredItem >= 0) {
    const DrawItem& it = list.items[st.hoveredItem];
    const Row& row = layout.rows[laneRow[it.lane]];
    float y0 = bodyY + row.y - st.scrollY + pad, y1 = y0 + row.height - 2 * pad;
    float x0 = std::floor(timeX + it.x0);
    float x1 = std::max(std::floor(timeX + it.x1), x0 + minW);
    dl->AddRect(ImVec2(x0 - s, y0 - s), ImVec2(x1 + s, y1 + s), col(kHighlight), 0, 0, 2 * s);
  }
  if (hovered && overTime && !dragging && mouse.y >= bodyY) {
    float x = std::floor(mouse.x) + 0.5f;
    dl->AddLine(ImVec2(x, bodyY), ImVec2(x, end.y), col(kCursor, 160),
                std::max(1.0f, std::floor(s)));
  }
  dl->PopClipRect();  // time area

  // ---- lane names ----
  dl->AddRectFilled(ImVec2(origin.x, bodyY), ImVec2(timeX, end.y), col(kAxisBg, 235));
  for (int i = firstRow; i >= 0 && i <= lastRow; ++i) {
    const Row& r = layout.rows[i];
    float y0 = bodyY + r.y - st.scrollY, y1 = y0 + r.height;
    float ty = std::round((y0 + y1 - lineH) * 0.5f);
    if (r.kind == RowKind::GroupHeader) {
      dl->AddRectFilled(ImVec2(origin.x, y0), ImVec2(timeX, y1), col(kHeaderBg));
      // Disclosure triangle.
      float cx = origin.x + 8 * s + lineH * 0.25f, cy = (y0 + y1) * 0.5f, a = lineH * 0.22f;
      if (r.collapsed)
        dl->AddTriangleFilled(ImVec2(cx - a * 0.6f, cy - a), ImVec2(cx - a * 0.6f, cy + a),
                              ImVec2(cx + a * 0.9f, cy), col(kText));
      else
        dl->AddTriangleFilled(ImVec2(cx - a, cy - a * 0.6f), ImVec2(cx + a, cy - a * 0.6f),
                              ImVec2(cx, cy + a * 0.9f), col(kText));
      ImVec4 clip(origin.x, y0, timeX - 4 * s, y1);
      dl->AddText(font, fontSize, ImVec2(origin.x + headerIndent, ty), col(kText), r.label.c_str(),
                  nullptr, 0, &clip);
      if (r.collapsed) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%d lanes hidden", r.laneCount);
        dl->AddText(font, fontSize, ImVec2(timeX + 8 * s, ty), col(kMuted), buf);
      }
    } else {
      ImVec4 clip(origin.x, y0, timeX - 4 * s, y1);
      bool hot = st.hoveredRow == i;
      dl->AddText(font, fontSize, ImVec2(origin.x + laneIndent, ty), col(hot ? 0x000000 : kText),
                  r.label.c_str(), nullptr, 0, &clip);
    }
  }
  dl->PopClipRect();  // body
  dl->AddLine(ImVec2(timeX - 0.5f, origin.y), ImVec2(timeX - 0.5f, end.y), col(kBorder),
              std::max(1.0f, std::floor(s)));

  // ---- axis band ----
  if (axisH > 0) {
  dl->AddRectFilled(origin, ImVec2(end.x, bodyY), col(kAxisBg));
  dl->AddLine(ImVec2(origin.x, bodyY - 0.5f), ImVec2(end.x, bodyY - 0.5f), col(kBorder),
              std::max(1.0f, std::floor(s)));
  {
    std::string span = "view " + formatHuman(st.view.t1 - st.view.t0);
    ImVec4 clip(origin.x, origin.y, timeX - 4 * s, bodyY);
    dl->AddText(font, fontSize,
                ImVec2(origin.x + 8 * s, std::round(origin.y + (axisH - lineH) * 0.5f)),
                col(kMuted), span.c_str(), nullptr, 0, &clip);
  }
  dl->PushClipRect(ImVec2(timeX, origin.y), ImVec2(end.x, bodyY), true);
  for (const Tick& t : axis.ticks) {
    float x = std::floor(timeX + t.x) + 0.5f;
    float len = t.major ? axisH * 0.45f : axisH * 0.2f;
    dl->AddLine(ImVec2(x, bodyY - len), ImVec2(x, bodyY), col(t.major ? kText : kMuted),
                std::max(1.0f, std::floor(s)));
    if (t.major && x + 4 * s + ImGui::CalcTextSize(t.label.c_str()).x < end.x - 2 * s)
      dl->AddText(font, fontSize, ImVec2(x + 4 * s, std::round(origin.y + 3 * s)), col(kText),
                  t.label.c_str());
  }
  if (hasSelection) {
    // The measured duration, centred over the range on the axis.
    const double a = std::min(st.selStart, st.selEnd), b = std::max(st.selStart, st.selEnd);
    std::string label = "\xE2\x86\x94 " + formatHuman(b - a);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    float cx = timeX + st.view.toX((a + b) * 0.5);
    float bx = std::clamp(cx - ts.x * 0.5f - 4 * s, timeX, end.x - ts.x - 8 * s);
    ImVec2 b0(bx, origin.y + 2 * s), b1(bx + ts.x + 8 * s, bodyY - 2 * s);
    dl->AddRectFilled(b0, b1, col(kSelection), 3 * s);
    dl->AddText(font, fontSize, ImVec2(bx + 4 * s, std::round((b0.y + b1.y - lineH) * 0.5f)),
                col(0xFFFFFF), label.c_str());
  }
  if (st.cursor >= 0) {
    float x = std::floor(timeX + st.view.toX(st.cursor)) + 0.5f;
    float a = std::round(5 * s);
    dl->AddTriangleFilled(ImVec2(x - a, bodyY - a * 1.4f), ImVec2(x + a, bodyY - a * 1.4f),
                          ImVec2(x, bodyY), col(kTimeCursor));
  }
  if (hovered && overTime && !dragging) {
    // Time under the cursor, in a box on the axis.
    std::string label = formatAxisTime(st.view.toTime(mouse.x - timeX), axis.minorStep / 10,
                                       axis.unit, axis.unitName);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    float bx = std::clamp(mouse.x - ts.x * 0.5f - 4 * s, timeX, end.x - ts.x - 8 * s);
    ImVec2 b0(bx, origin.y + 2 * s), b1(bx + ts.x + 8 * s, bodyY - 2 * s);
    dl->AddRectFilled(b0, b1, col(kCursor), 3 * s);
    dl->AddText(font, fontSize, ImVec2(bx + 4 * s, std::round((b0.y + b1.y - lineH) * 0.5f)),
                col(0xFFFFFF), label.c_str());
  }
  dl->PopClipRect();
  }  // axis band
  dl->AddRect(origin, end, col(kBorder), 0, 0, std::max(1.0f, std::floor(s)));

  // ---- tooltip ----
  if (st.hoveredItem >= 0) {
    const DrawItem& it = list.items[st.hoveredItem];
    const Lane& lane = trace.lanes[it.lane];
    ImGui::BeginTooltip();
    ImDrawList* tdl = ImGui::GetWindowDrawList();
    float sw = lineH * 0.8f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    swatch(tdl, ImVec2(p.x, p.y + (lineH - sw) * 0.5f), sw, stateColor(it.state), it.folded(), s);
    ImGui::Dummy(ImVec2(sw, lineH));
    ImGui::SameLine();
    if (it.folded()) {
      ImGui::Text("%d short spans merged (mostly %s)", it.count, stateTitle(it.state));
    } else {
      ImGui::TextUnformatted(stateTitle(it.state));
    }
    ImGui::Separator();
    if (ImGui::BeginTable("##segment", 2, ImGuiTableFlags_SizingFixedFit)) {
      auto row = [](const char* key, const std::string& value) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", key);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value.c_str());
      };
      row("Lane", lane.name + " (" + laneKindName(lane.kind) + ")");
      if (!it.folded()) {
        const Segment& seg = lane.segments[it.first];
        if (seg.thread >= 0) {
          const std::string& tn = threadName(trace, seg.thread);
          row(lane.kind == LaneKind::Task ? "Task" : "Thread",
              tn.empty() ? std::to_string(seg.thread) : tn);
        }
        const std::string& label = trace.str(seg.label);
        if (!label.empty()) row("Label", label);
        if (seg.line > 0) {
          std::string text = std::to_string(seg.line);
          if (st.sourceLines && seg.line <= static_cast<int32_t>(st.sourceLines->size())) {
            std::string src = (*st.sourceLines)[static_cast<size_t>(seg.line - 1)];
            size_t a = src.find_first_not_of(" \t");
            src = a == std::string::npos ? "" : src.substr(a);
            if (src.size() > 60) src = src.substr(0, 57) + "...";
            if (!src.empty()) text += ":  " + src;
          }
          row("Line", text);
        }
      }
      // Start and end with enough digits to tell them apart (a 151 us span at 352 ms).
      const char* unitName = "ns";
      const Nanos unit = unitFor(static_cast<double>(it.end), &unitName);
      const double dur = static_cast<double>(std::max<Nanos>(1, it.end - it.start));
      const double step = std::pow(10.0, std::floor(std::log10(std::max(1.0, dur / 10.0))));
      row("Start", formatAxisTime(static_cast<double>(it.start), step, unit, unitName));
      row("End", formatAxisTime(static_cast<double>(it.end), step, unit, unitName));
      row("Duration", formatHuman(static_cast<double>(it.end - it.start)));
      ImGui::EndTable();
    }
    if (it.folded()) ImGui::TextDisabled("Zoom in (mouse wheel) to see each span.");
    else ImGui::TextDisabled("Click to highlight its thread and line.");
    ImGui::EndTooltip();
  }
  st.viewChanged = st.view.t0 != viewBefore.t0 || st.view.t1 != viewBefore.t1 ||
                   st.layoutOptions.collapsedGroups.size() != collapsedBefore ||
                   st.cursor != cursorBefore || st.selStart != selStartBefore ||
                   st.selEnd != selEndBefore;
  ++st.framesDrawn;
}

namespace {

// Lays out items left to right, starting a new line when the next one does not fit.
struct FlowLine {
  float avail;
  float spacing;
  float x = 0;
  void next(float width) {
    if (x > 0 && x + spacing + width <= avail) {
      ImGui::SameLine(0, spacing);
      x += spacing + width;
    } else {
      x = width;
    }
  }
};

}  // namespace

void drawLegend(const GanttState& st) {
  const float s = st.scale;
  const float lineH = ImGui::GetTextLineHeight();
  const float sw = std::round(lineH * 0.8f);
  FlowLine flow{ImGui::GetContentRegionAvail().x, 18 * s};
  auto swatchEntry = [&](const char* title, auto drawMark) {
    flow.next(sw + 6 * s + ImGui::CalcTextSize(title).x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    drawMark(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + std::round((lineH - sw) * 0.5f)));
    ImGui::Dummy(ImVec2(sw, lineH));
    ImGui::SameLine(0, 6 * s);
    ImGui::TextUnformatted(title);
  };
  for (int i = 0; i < static_cast<int>(State::Count); ++i) {
    if (!st.summary.statePresent[i]) continue;
    uint32_t rgb = stateColor(static_cast<State>(i));
    // Without a GIL (free-threaded build) running Python holds no GIL: say so in the legend.
    const bool noGil = st.trace && !st.trace->config.gil && static_cast<State>(i) == State::RunningPython;
    swatchEntry(noGil ? "Running Python (no GIL)" : stateTitle(static_cast<State>(i)),
                [&](ImDrawList* dl, ImVec2 p) { swatch(dl, p, sw, rgb, false, s); });
  }
  swatchEntry("short spans merged (zoom in)",
              [&](ImDrawList* dl, ImVec2 p) { swatch(dl, p, sw, 0x8A8F98, true, s); });
  const float a = std::round(3.5f * s);
  if (st.summary.instantPresent[static_cast<int>(InstantKind::GilHandoff)]) {
    swatchEntry("GIL hand-off", [&](ImDrawList* dl, ImVec2 p) {
      float cx = p.x + sw * 0.5f, by = p.y + sw;
      dl->AddTriangleFilled(ImVec2(cx - a, by), ImVec2(cx + a, by), ImVec2(cx, by - a * 1.3f),
                            col(0x000000));
    });
  }
  if (st.summary.instantPresent[static_cast<int>(InstantKind::DropRequest)]) {
    swatchEntry("drop request", [&](ImDrawList* dl, ImVec2 p) {
      float cx = p.x + sw * 0.5f, ty = p.y;
      dl->AddTriangleFilled(ImVec2(cx - a, ty), ImVec2(cx + a, ty), ImVec2(cx, ty + a * 1.3f),
                            col(0xB00020));
    });
  }
}

void drawMetrics(const Trace& trace) {
  const Metrics& m = trace.metrics;
  const float em = ImGui::GetFontSize();
  FlowLine flow{ImGui::GetContentRegionAvail().x, em * 1.5f};
  auto text = [&](const std::string& t) {
    flow.next(ImGui::CalcTextSize(t.c_str()).x);
    ImGui::TextUnformatted(t.c_str());
  };
  char buf[96];
  text("Makespan " + formatHuman(static_cast<double>(m.makespan)));
  std::snprintf(buf, sizeof buf, "Speedup %.2f\xC3\x97", m.speedupPermille / 1000.0);
  text(buf);
  text("GIL hand-offs " + std::to_string(m.gilHandoffs));
  text("drop requests " + std::to_string(m.dropRequests));
  text("GIL wait " + formatHuman(static_cast<double>(m.gilWaited)));
  text("context switches " + std::to_string(m.contextSwitches));
  if (m.coreUtilisationPermille.empty()) return;
  const float lineH = ImGui::GetTextLineHeight();
  const float barW = std::round(em * 2.6f);
  const float gap = std::round(em * 0.4f);
  const size_t cores = m.coreUtilisationPermille.size();
  const float label = ImGui::CalcTextSize("Core utilisation").x;
  // The label and the bars stay together (as one flow item) unless there are very many cores.
  flow.next(std::min(label + cores * (barW + gap), flow.avail));
  ImGui::TextUnformatted("Core utilisation");
  for (size_t i = 0; i < cores; ++i) {
    ImGui::SameLine(0, gap);
    if (ImGui::GetContentRegionAvail().x < barW) ImGui::NewLine();
    float frac = std::clamp(m.coreUtilisationPermille[i] / 1000.0f, 0.0f, 1.0f);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 q(p.x + barW, p.y + lineH);
    dl->AddRectFilled(p, q, col(0xE6E8EB));
    dl->AddRectFilled(p, ImVec2(p.x + barW * frac, q.y),
                      col(tint(stateColor(State::RunningPython), 0.35f)));
    dl->AddRect(p, q, col(kBorder));
    std::snprintf(buf, sizeof buf, "%d%%", (m.coreUtilisationPermille[i] + 5) / 10);
    ImVec2 ts = ImGui::CalcTextSize(buf);
    dl->AddText(ImVec2(std::round(p.x + (barW - ts.x) * 0.5f), p.y), col(kText), buf);
    ImGui::Dummy(ImVec2(barW, lineH));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "core %d: busy %s of %s", static_cast<int>(i),
          i < m.coreBusy.size() ? formatHuman(static_cast<double>(m.coreBusy[i])).c_str() : "?",
          formatHuman(static_cast<double>(m.makespan)).c_str());
  }
}

}  // namespace interleave::ui
