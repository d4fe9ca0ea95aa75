// traceToText / metricsToText: a terminal Gantt chart and the metrics block.
// Integers only and a fixed iteration order, so the bytes are the same natively and in wasm.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "json_escape.h"
#include "trace_writers.h"

namespace interleave {
namespace {

constexpr int kStateCount = static_cast<int>(State::Count);
constexpr size_t kMaxNameColumn = 28;
constexpr int kMinWidth = 10;
constexpr int kMaxWidth = 1000;

// One character per state, the same everywhere (rows and legend). Block elements for work,
// light marks for waiting, blank for idle.
const char* stateGlyph(State s) {
  switch (s) {
    case State::RunningPython: return "\xE2\x96\x88";  // █
    case State::RunningNative: return "\xE2\x96\x93";  // ▓
    case State::WaitingGil: return "\xE2\x96\x91";     // ░
    case State::Runnable: return "\xE2\x96\x92";       // ▒
    case State::BlockedIo: return "\xC2\xB7";          // ·
    case State::BlockedSync: return "\xE2\x94\x80";    // ─
    case State::Starting: return "\xE2\x96\xAA";       // ▪
    case State::ContextSwitch: return "\xE2\x95\xB3";  // ╳
    case State::GilHeld: return "\xE2\x96\xA0";        // ■
    case State::LoopRunning: return "\xE2\x96\x87";    // ▇
    case State::LoopIdle: return "\xE2\x95\x8C";       // ╌
    case State::LoopFrozen: return "\xE2\x96\x9A";     // ▚
    case State::TaskRunning: return "\xE2\x96\x8C";    // ▌
    case State::TaskWaiting: return "\xE2\x94\x84";    // ┄
    case State::Count: break;
  }
  return "?";
}

void padTo(std::string& out, size_t currentColumns, size_t columns) {
  if (currentColumns < columns) out.append(columns - currentColumns, ' ');
}

// The lane name cut to `columns` code points (with an ellipsis) and padded to `columns`.
std::string nameCell(const std::string& name, size_t columns) {
  std::string out;
  const size_t len = detail::utf8Length(name);
  if (len <= columns) {
    out = name;
    padTo(out, len, columns);
    return out;
  }
  size_t kept = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(name[i]) & 0xC0u) != 0x80u;
    if (lead) {
      if (kept == columns - 1) break;
      ++kept;
    }
    out += name[i];
  }
  out += "\xE2\x80\xA6";  // …
  return out;
}

// Start of cell i of `width` over [0, span): floor(span * i / width) without overflowing int64
// for any span (span = q * width + r).
Nanos cellStartOf(Nanos span, int width, int i) {
  const Nanos q = span / width, r = span % width;
  return q * i + r * i / width;
}

// The cell a time falls in: the last i with cellStartOf(i) <= t (t in [0, span)).
int cellOf(Nanos span, int width, Nanos t) {
  int lo = 0, hi = width - 1;
  while (lo < hi) {
    const int mid = lo + (hi - lo + 1) / 2;
    if (cellStartOf(span, width, mid) <= t) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

// Tick spacing: the smallest 1-2-5 x 10^k step whose labels fit without touching.
Nanos chooseTickStep(Nanos span, int width) {
  static const Nanos kMantissa[] = {1, 2, 5};
  const Nanos perCell = std::max<Nanos>(1, span / width);
  for (Nanos decade = 1; decade <= span; decade *= 10) {
    for (Nanos m : kMantissa) {
      const Nanos step = m * decade;
      // Widest label of this step; each needs its length + 2 cells.
      const size_t label = formatDuration((span / step) * step).size();
      const Nanos cells = step / perCell;
      if (cells >= static_cast<Nanos>(label + 2) && cells >= 6) return step;
    }
    if (decade > INT64_MAX / 10) break;
  }
  return span;
}

void appendMetricRow(std::string& out, const char* key, const std::string& value) {
  std::string k = key;
  out += "  ";
  out += k;
  padTo(out, k.size(), 18);
  out += value;
  out += '\n';
}

std::string permilleToPercent(int64_t permille) { return formatFixed(permille, 10, 1) + "%"; }

}  // namespace

std::string traceToText(const Trace& t, int width) {
  width = std::clamp(width, kMinWidth, kMaxWidth);
  std::string out;

  // Time span of the chart: 0 to the last thing that happened (at least one ns per cell).
  Nanos end = t.metrics.makespan;
  for (const Lane& lane : t.lanes) {
    if (!lane.segments.empty()) end = std::max(end, lane.segments.back().end);
  }
  end = std::max<Nanos>(end, width);
  const Nanos span = end;
  const auto cellStart = [span, width](int i) -> Nanos { return cellStartOf(span, width, i); };

  size_t nameColumns = 4;
  for (const Lane& lane : t.lanes) {
    nameColumns = std::max(nameColumns, detail::utf8Length(lane.name));
  }
  nameColumns = std::min(nameColumns, kMaxNameColumn);

  out += "timeline 0 - ";
  out += formatDuration(span);
  out += ", one column = ";
  out += formatDuration(span / width);
  out += '\n';

  std::array<bool, kStateCount> used{};
  std::array<Nanos, kStateCount> acc{};
  for (const Lane& lane : t.lanes) {
    out += nameCell(lane.name, nameColumns);
    out += " \xE2\x94\x82";  // │
    const std::vector<Segment>& segs = lane.segments;
    size_t first = 0;
    for (int i = 0; i < width; ++i) {
      const Nanos a = cellStart(i), b = cellStart(i + 1);
      while (first < segs.size() && segs[first].end <= a) ++first;
      acc.fill(0);
      Nanos covered = 0;
      for (size_t k = first; k < segs.size() && segs[k].start < b; ++k) {
        const Segment& s = segs[k];
        const Nanos overlap = std::min(s.end, b) - std::max(s.start, a);
        const int st = static_cast<int>(s.state);
        if (overlap > 0 && st >= 0 && st < kStateCount) {
          acc[st] += overlap;
          covered += overlap;
        }
      }
      int best = -1;
      Nanos bestTime = 0;
      for (int st = 0; st < kStateCount; ++st) {
        if (acc[st] > bestTime) {
          best = st;
          bestTime = acc[st];
        }
      }
      const Nanos idle = std::max<Nanos>(0, (b - a) - covered);
      if (best < 0 || idle > bestTime) {
        out += ' ';
      } else {
        used[best] = true;
        out += stateGlyph(static_cast<State>(best));
      }
    }
    out += "\xE2\x94\x82\n";  // │
  }

  // Time axis: ticks under the columns where each tick time falls, labels starting there.
  const Nanos step = chooseTickStep(span, width);
  std::vector<int> tickCells;
  std::vector<Nanos> tickTimes;
  for (Nanos tick = 0; tick < span; tick += step) {
    tickCells.push_back(cellOf(span, width, tick));
    tickTimes.push_back(tick);
    if (tick > INT64_MAX - step) break;
  }
  out.append(nameColumns + 1, ' ');
  out += "\xE2\x94\x94";  // └
  {
    size_t next = 0;
    for (int i = 0; i < width; ++i) {
      if (next < tickCells.size() && tickCells[next] == i) {
        out += "\xE2\x94\xAC";  // ┬
        ++next;
      } else {
        out += "\xE2\x94\x80";  // ─
      }
    }
  }
  out += "\xE2\x94\x98\n";  // ┘
  {
    std::string labels;
    size_t column = 0;  // columns written after the left border position
    for (size_t k = 0; k < tickCells.size(); ++k) {
      const size_t at = static_cast<size_t>(tickCells[k]);
      if (at < column) continue;  // would touch the previous label
      labels.append(at - column, ' ');
      const std::string label = tickTimes[k] == 0 ? "0" : formatDuration(tickTimes[k]);
      labels += label;
      column = at + label.size() + 1;
      labels += ' ';
    }
    while (!labels.empty() && labels.back() == ' ') labels.pop_back();
    out.append(nameColumns + 2, ' ');
    out += labels;
    out += '\n';
  }

  // Legend: the states that appear in the chart, in the fixed state order, then idle.
  out += "legend:";
  for (int st = 0; st < kStateCount; ++st) {
    if (!used[st]) continue;
    out += "  ";
    out += stateGlyph(static_cast<State>(st));
    out += ' ';
    out += stateTitle(static_cast<State>(st));
  }
  out += "  (blank) idle\n\n";

  out += metricsToText(t);

  if (!t.diagnostics.empty()) {
    out += "\ndiagnostics:\n";
    for (const std::string& d : t.diagnostics) {
      out += "  - ";
      out += d;
      out += '\n';
    }
  }
  if (!t.stopReason.empty()) {
    out += "\nstopped: ";
    out += t.stopReason;
    out += '\n';
  } else if (!t.completed) {
    out += "\nstopped: the run did not complete\n";
  }
  return out;
}

std::string metricsToText(const Trace& t) {
  const Metrics& m = t.metrics;
  std::string out = "metrics:\n";
  appendMetricRow(out, "makespan", formatDuration(m.makespan));
  appendMetricRow(out, "speedup", formatFixed(m.speedupPermille, 1000, 2) +
                                      "x (work done one piece at a time / makespan)");
  appendMetricRow(out, "CPU time", formatDuration(m.totalCpu));
  {
    // Per-core utilisation, eight cores per line.
    const size_t n = m.coreUtilisationPermille.size();
    if (n == 0) appendMetricRow(out, "core utilisation", "-");
    for (size_t start = 0; start < n; start += 8) {
      std::string row;
      for (size_t c = start; c < std::min(n, start + 8); ++c) {
        if (c != start) row += "  ";
        row += "core " + std::to_string(c) + " " + permilleToPercent(m.coreUtilisationPermille[c]);
      }
      appendMetricRow(out, start == 0 ? "core utilisation" : "", row);
    }
  }
  appendMetricRow(out, "GIL",
                  "held " + formatDuration(m.gilHeld) + ", waited " + formatDuration(m.gilWaited) +
                      ", hand-offs " + std::to_string(m.gilHandoffs) + ", drop requests " +
                      std::to_string(m.dropRequests));
  appendMetricRow(out, "context switches", std::to_string(m.contextSwitches));
  appendMetricRow(out, "peak memory", formatFixed(m.peakMemoryBytes, 1024 * 1024, 1) + " MiB");
  appendMetricRow(out, "started",
                  std::to_string(m.threadsStarted) +
                      (m.threadsStarted == 1 ? " thread, " : " threads, ") +
                      std::to_string(m.processesStarted) +
                      (m.processesStarted == 1 ? " process" : " processes"));
  appendMetricRow(out, "events", std::to_string(m.events));
  return out;
}

}  // namespace interleave
