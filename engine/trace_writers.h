// Output formats of a trace. All integer arithmetic: the bytes are identical natively and in wasm.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "trace.h"

namespace interleave {

// The documented JSON schema (docs/trace-format.md): lanes with segments, instants, flows,
// counters, output, processes, threads, metrics (e.g. metrics.makespan_ns).
std::string traceToJson(const Trace& trace);
// Chrome trace event format (opens in Perfetto / chrome://tracing).
std::string traceToChrome(const Trace& trace);
// The Gantt chart as a self-contained SVG (docs/trace-format.md, section 4): lanes grouped by
// process, a time axis, bars coloured by state (chart_model.h, the page's palette), spans
// narrower than 3 px folded as on the page, a legend and a title line. Deterministic bytes.
constexpr int kSvgMinWidth = 320;   // narrower, the lane names leave no room for the bars
constexpr int kSvgMaxWidth = 8000;  // wider than any slide or print at 300 dpi needs
constexpr int kSvgDefaultWidth = 1200;
struct SvgOptions {
  int width = kSvgDefaultWidth;  // pixels, clamped to [kSvgMinWidth, kSvgMaxWidth]
  Nanos start = 0;               // the time range drawn; end <= start: the whole trace
  Nanos end = 0;
  std::string title;             // the first line (the program's name); "" -> "Interleave"
  std::vector<int32_t> collapsedGroups;  // process ids (kCoresGroup: the cores) drawn folded
};
std::string traceToSvg(const Trace& trace, const SvgOptions& options = {});
// A terminal Gantt chart: one row per lane, Unicode blocks, a time axis, a legend; then metrics.
std::string traceToText(const Trace& trace, int width = 100);
// The metrics block alone (also the tail of traceToText).
std::string metricsToText(const Trace& trace);

}  // namespace interleave
