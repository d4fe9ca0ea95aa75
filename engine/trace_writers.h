// Output formats of a trace. All integer arithmetic: the bytes are identical natively and in wasm.
#pragma once
#include <string>

#include "trace.h"

namespace interleave {

// The documented JSON schema (docs/trace-format.md): lanes with segments, instants, flows,
// counters, output, processes, threads, metrics (e.g. metrics.makespan_ns).
std::string traceToJson(const Trace& trace);
// Chrome trace event format (opens in Perfetto / chrome://tracing).
std::string traceToChrome(const Trace& trace);
// A terminal Gantt chart: one row per lane, Unicode blocks, a time axis, a legend; then metrics.
std::string traceToText(const Trace& trace, int width = 100);
// The metrics block alone (also the tail of traceToText).
std::string metricsToText(const Trace& trace);

}  // namespace interleave
