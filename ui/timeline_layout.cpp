#include "timeline_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace interleave::ui {

// ---- lane layout ------------------------------------------------------------------------------

int LaneLayout::rowAt(float y) const {
  // Rows are sorted by y: the last row whose top is <= y.
  auto it = std::upper_bound(rows.begin(), rows.end(), y,
                             [](float value, const Row& r) { return value < r.y; });
  if (it == rows.begin()) return -1;
  --it;
  if (y >= it->y + it->height) return -1;
  return static_cast<int>(it - rows.begin());
}

int LaneLayout::rowOfLane(int32_t lane) const {
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].kind == RowKind::Lane && rows[i].lane == lane) return static_cast<int>(i);
  return -1;
}

LaneLayout layoutLanes(const Trace& trace, const LayoutOptions& options) {
  LaneLayout layout;
  float y = 0;
  for (LaneGroup& g : laneGroups(trace)) {
    Row header;
    header.kind = RowKind::GroupHeader;
    header.group = g.group;
    header.y = y;
    header.height = options.headerHeight;
    header.collapsed = std::find(options.collapsedGroups.begin(), options.collapsedGroups.end(),
                                 g.group) != options.collapsedGroups.end();
    header.laneCount = static_cast<int32_t>(g.lanes.size());
    header.label = std::move(g.label);
    y += header.height + options.gap;
    const bool collapsed = header.collapsed;
    layout.rows.push_back(std::move(header));
    if (collapsed) continue;
    for (int32_t lane : g.lanes) {
      Row row;
      row.kind = RowKind::Lane;
      row.group = g.group;
      row.lane = lane;
      row.y = y;
      row.height = options.laneHeight;
      const Lane& l = trace.lanes[lane];
      row.label = l.name.empty() ? "lane " + std::to_string(l.id) : l.name;
      y += row.height + options.gap;
      layout.rows.push_back(std::move(row));
    }
  }
  layout.height = y;
  return layout;
}

// ---- the visible time range -------------------------------------------------------------------

TimeView fitView(const Trace& trace, float width) { return fitViewToEnd(traceEnd(trace), width); }

TimeView fitViewToEnd(Nanos end, float width) {
  TimeView v;
  v.width = width > 1 ? width : 1;
  v.t0 = 0;
  v.t1 = std::max(static_cast<double>(end) * 1.02, kMinSpanNs);
  return v;
}

TimeView zoomAt(const TimeView& view, float x, double factor, double maxSpan) {
  if (!(factor > 0)) return view;
  TimeView v = view;
  double span = (view.t1 - view.t0) / factor;
  span = std::clamp(span, kMinSpanNs, std::max(maxSpan, kMinSpanNs));
  double anchor = view.toTime(x);
  double frac = view.width > 0 ? x / view.width : 0;
  v.t0 = anchor - frac * span;
  v.t1 = v.t0 + span;
  return v;
}

TimeView panBy(const TimeView& view, float dx) {
  TimeView v = view;
  double dt = dx * view.nsPerPixel();
  v.t0 -= dt;
  v.t1 -= dt;
  return v;
}

TimeView clampView(const TimeView& view, Nanos end) {
  TimeView v = view;
  double span = v.t1 - v.t0;
  double hi = static_cast<double>(end) + 0.5 * span;
  double lo = -0.5 * span;
  if (v.t1 > hi) {
    v.t1 = hi;
    v.t0 = hi - span;
  }
  if (v.t0 < lo) {
    v.t0 = lo;
    v.t1 = lo + span;
  }
  return v;
}

// ---- the draw list ----------------------------------------------------------------------------

void buildDrawList(const Trace& trace, const TimeView& view, const std::vector<int32_t>& lanes,
                   float minWidthPx, DrawList* out) {
  out->items.clear();
  out->laneItems.assign(trace.lanes.size(), {0, 0});
  out->visibleSegments = 0;
  out->foldedItems = 0;
  const double nsPerPx = view.nsPerPixel();
  // Integer ns for the shared folding (chart_model.h): for whole-ns durations d, d < m exactly
  // when d < ceil(m), so this folds as the real-valued threshold would.
  const double minNsReal = std::max(0.0, static_cast<double>(minWidthPx) * nsPerPx);
  const Nanos minNs = minNsReal >= 1e18 ? static_cast<Nanos>(1e18) : static_cast<Nanos>(std::ceil(minNsReal));
  const Nanos lo = static_cast<Nanos>(std::floor(view.t0));
  const Nanos hi = static_cast<Nanos>(std::ceil(view.t1));
  auto clampX = [&](double t) {
    float x = view.toX(t);
    return std::clamp(x, 0.0f, view.width);
  };

  auto doLane = [&](int32_t laneIndex) {
    if (laneIndex < 0 || laneIndex >= static_cast<int32_t>(trace.lanes.size())) return;
    const std::vector<Segment>& segs = trace.lanes[laneIndex].segments;
    const size_t n = segs.size();
    const int32_t begin = static_cast<int32_t>(out->items.size());
    size_t i = firstSegmentEndingAfter(trace.lanes[laneIndex], lo);
    while (i < n && segs[i].start < hi) {
      const Segment& s = segs[i];
      DrawItem item;
      item.lane = laneIndex;
      item.first = static_cast<int32_t>(i);
      item.start = s.start;
      const size_t j = foldRunEnd(segs, i, hi, minNs, &item.end);
      item.count = static_cast<int32_t>(j - i);
      item.state = item.count == 1 ? s.state : dominantState(segs, i, j);
      i = j;
      item.x0 = clampX(static_cast<double>(item.start));
      item.x1 = clampX(static_cast<double>(item.end));
      out->visibleSegments += item.count;
      if (item.count > 1) ++out->foldedItems;
      out->items.push_back(item);
    }
    out->laneItems[laneIndex] = {begin, static_cast<int32_t>(out->items.size())};
  };

  if (lanes.empty()) {
    for (size_t l = 0; l < trace.lanes.size(); ++l) doLane(static_cast<int32_t>(l));
  } else {
    for (int32_t l : lanes) doLane(l);
  }
}

// ---- instant markers -------------------------------------------------------------------------

void buildInstantMarks(const Trace& trace, const TimeView& view,
                       const std::vector<char>& laneVisible, const std::vector<InstantKind>& kinds,
                       float minSpacingPx, std::vector<InstantMark>* out) {
  out->clear();
  // Integer spacing for the shared merge (chart_model.h): whole-ns gaps below ceil(spacing).
  const double spacing = std::max(0.0, static_cast<double>(minSpacingPx) * view.nsPerPixel());
  const Nanos spacingNs = spacing >= 1e18 ? static_cast<Nanos>(1e18) : static_cast<Nanos>(std::ceil(spacing));
  std::vector<MergedInstant> merged;
  mergeInstants(trace, static_cast<Nanos>(std::floor(view.t0)), static_cast<Nanos>(std::ceil(view.t1)),
                laneVisible, kinds, spacingNs, &merged);
  out->reserve(merged.size());
  for (const MergedInstant& m : merged) {
    InstantMark mark;
    mark.x = view.toX(static_cast<double>(m.time));
    mark.lane = m.lane;
    mark.kind = m.kind;
    mark.first = m.first;
    mark.count = m.count;
    out->push_back(mark);
  }
}

// ---- hit-testing ------------------------------------------------------------------------------

Hit hitTest(const LaneLayout& layout, const DrawList& list, float x, float y, float slopPx) {
  Hit hit;
  hit.row = layout.rowAt(y);
  if (hit.row < 0) return hit;
  const Row& row = layout.rows[hit.row];
  if (row.kind != RowKind::Lane || row.lane < 0 ||
      row.lane >= static_cast<int32_t>(list.laneItems.size()))
    return hit;
  auto [begin, end] = list.laneItems[row.lane];
  if (begin >= end) return hit;
  const float half = slopPx * 0.5f;
  // First item that ends at or after x - half (items of one lane are sorted by x).
  auto first = std::lower_bound(list.items.begin() + begin, list.items.begin() + end, x - half,
                                [](const DrawItem& it, float value) { return it.x1 < value; });
  int best = -1;
  float bestDistance = 0;
  for (auto it = first; it != list.items.begin() + end && it->x0 <= x + half; ++it) {
    const float width = it->x1 - it->x0;
    const float pad = width < slopPx ? (slopPx - width) * 0.5f : 0.0f;
    float distance = 0;
    if (x < it->x0)
      distance = it->x0 - x;
    else if (x > it->x1)
      distance = x - it->x1;
    if (distance > pad) continue;
    if (best < 0 || distance < bestDistance) {
      best = static_cast<int>(it - list.items.begin());
      bestDistance = distance;
      if (distance == 0) break;
    }
  }
  hit.item = best;
  return hit;
}

// ---- time axis --------------------------------------------------------------------------------

Nanos unitFor(double ns, const char** name) {
  double a = std::fabs(ns);
  if (a < 1e3) {
    *name = "ns";
    return 1;
  }
  if (a < 1e6) {
    *name = "\xC2\xB5s";
    return kMicrosecond;
  }
  if (a < 1e9) {
    *name = "ms";
    return kMillisecond;
  }
  *name = "s";
  return kSecond;
}

std::string formatAxisTime(double ns, double step, Nanos unit, const char* unitName) {
  int decimals = 0;
  double stepInUnit = step / static_cast<double>(unit);
  while (decimals < 9 && stepInUnit * std::pow(10.0, decimals) < 0.999999) ++decimals;
  double value = ns / static_cast<double>(unit);
  if (std::fabs(value) < 0.5 * std::pow(10.0, -decimals)) value = 0;  // no "-0"
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f %s", decimals, value, unitName);
  return buf;
}

std::string formatHuman(double ns) {
  const char* name = "ns";
  Nanos unit = unitFor(ns, &name);
  double value = ns / static_cast<double>(unit);
  double a = std::fabs(value);
  int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  if (unit == 1) decimals = 0;  // whole nanoseconds
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  // Drop trailing zeros only if the printed number is the exact value.
  const bool exact = std::fabs(std::strtod(buf, nullptr) - value) * static_cast<double>(unit) < 0.5;
  if (exact && s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s + " " + name;
}

TimeAxis computeTimeAxis(const TimeView& view, float minLabelSpacingPx) {
  TimeAxis axis;
  const double nsPerPx = view.nsPerPixel();
  const double minStep = std::max(1.0, std::max(1.0f, minLabelSpacingPx) * nsPerPx);
  double base = std::pow(10.0, std::floor(std::log10(minStep)));
  int mult = 1;
  for (int m : {1, 2, 5, 10}) {
    if (m * base >= minStep * (1 - 1e-9)) {
      mult = m;
      break;
    }
  }
  if (mult == 10) {
    base *= 10;
    mult = 1;
  }
  axis.step = mult * base;
  axis.minorStep = axis.step / (mult == 2 ? 4 : 5);
  if (axis.minorStep < 1) axis.minorStep = axis.step;  // no sub-nanosecond ticks
  const double magnitude = std::max(std::fabs(view.t0), std::fabs(view.t1));
  axis.unit = unitFor(magnitude, &axis.unitName);

  const double firstMinor = std::ceil(view.t0 / axis.minorStep) * axis.minorStep;
  const int perMajor = static_cast<int>(std::llround(axis.step / axis.minorStep));
  long long index = std::llround(firstMinor / axis.minorStep);
  for (int guard = 0; guard < 10000; ++guard, ++index) {
    double t = static_cast<double>(index) * axis.minorStep;
    if (t > view.t1) break;
    Tick tick;
    tick.time = t;
    tick.x = view.toX(t);
    tick.major = perMajor <= 1 || index % perMajor == 0;
    if (tick.major) tick.label = formatAxisTime(t, axis.step, axis.unit, axis.unitName);
    axis.ticks.push_back(std::move(tick));
  }
  return axis;
}

// ---- per-trace summary ------------------------------------------------------------------------

TraceSummary summarize(const Trace& trace) {
  TraceSummary s;
  s.end = traceEnd(trace);
  for (const Lane& l : trace.lanes) {
    s.segments += static_cast<int64_t>(l.segments.size());
    for (const Segment& seg : l.segments) {
      int st = static_cast<int>(seg.state);
      if (st >= 0 && st < static_cast<int>(State::Count)) s.statePresent[st] = true;
    }
  }
  for (const Instant& in : trace.instants) {
    int k = static_cast<int>(in.kind);
    if (k >= 0 && k < static_cast<int>(InstantKind::Count)) s.instantPresent[k] = true;
  }
  return s;
}

const std::string& threadName(const Trace& trace, int32_t thread) {
  static const std::string empty;
  if (thread >= 0 && thread < static_cast<int32_t>(trace.threads.size()) &&
      trace.threads[thread].id == thread)
    return trace.threads[thread].name;
  for (const ThreadInfo& t : trace.threads)
    if (t.id == thread) return t.name;
  return empty;
}

}  // namespace interleave::ui
