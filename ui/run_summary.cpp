#include "run_summary.h"

#include <cstdio>

#include "json_escape.h"

namespace interleave::ui {

namespace {

using detail::appendJsonString;

// The first `limit` bytes of `text`, cut before a UTF-8 sequence rather than inside one.
std::string prefix(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0u) == 0x80u) --n;
  return text.substr(0, n);
}

void key(std::string& o, const char* k) {
  if (o.back() != '{') o += ',';
  appendJsonString(o, k);
  o += ':';
}

void intField(std::string& o, const char* k, int64_t v) {
  key(o, k);
  o += std::to_string(v);
}

void boolField(std::string& o, const char* k, bool v) {
  key(o, k);
  o += v ? "true" : "false";
}

void stringField(std::string& o, const char* k, const std::string& v) {
  key(o, k);
  appendJsonString(o, v);
}

template <class T>
void intArray(std::string& o, const char* k, const std::vector<T>& values) {
  key(o, k);
  o += '[';
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) o += ',';
    o += std::to_string(values[i]);
  }
  o += ']';
}

// The metrics under the names of the trace's JSON form (docs/trace-format.md).
void metrics(std::string& o, const Metrics& m) {
  key(o, "metrics");
  o += '{';
  intField(o, "makespan_ns", m.makespan);
  intField(o, "total_cpu_ns", m.totalCpu);
  intArray(o, "core_utilisation_permille", m.coreUtilisationPermille);
  intArray(o, "core_busy_ns", m.coreBusy);
  intField(o, "gil_held_ns", m.gilHeld);
  intField(o, "gil_waited_ns", m.gilWaited);
  intField(o, "gil_handoffs", m.gilHandoffs);
  intField(o, "drop_requests", m.dropRequests);
  intField(o, "context_switches", m.contextSwitches);
  intField(o, "peak_memory_bytes", m.peakMemoryBytes);
  intField(o, "threads_started", m.threadsStarted);
  intField(o, "processes_started", m.processesStarted);
  intField(o, "speedup_permille", m.speedupPermille);
  o += '}';
}

}  // namespace

std::string runSummaryJson(const RunReport* report, bool running, int64_t runsFinished) {
  std::string o = "{";
  boolField(o, "running", running);
  intField(o, "runsFinished", runsFinished);
  if (!report) {
    o += '}';
    return o;
  }
  const RunReport& r = *report;
  const lang::ProgramOutcome& out = r.outcome;
  boolField(o, "ran", out.ran);
  boolField(o, "cancelled", r.cancelled);
  stringField(o, "settings", out.settings);
  // A program that did not run (a syntax error, a bad setting) has no result of its own: the
  // page keeps the previous chart on screen, but a host must not read its numbers as this one's.
  if (out.ran) {
    const Trace& t = out.trace;
    boolField(o, "completed", t.completed);
    stringField(o, "stopReason", t.stopReason);
    intField(o, "makespanNs", t.metrics.makespan);
    key(o, "speedup");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d.%03d", t.metrics.speedupPermille / 1000, t.metrics.speedupPermille % 1000);
    o += buf;
    intField(o, "cores", t.config.cores);
    boolField(o, "gil", t.config.gil);
    metrics(o, t.metrics);
    key(o, "diagnostics");
    o += '[';
    for (size_t i = 0; i < t.diagnostics.size(); ++i) {
      if (i) o += ',';
      appendJsonString(o, t.diagnostics[i]);
    }
    o += ']';
    stringField(o, "stdout", prefix(out.stdoutText, kSummaryStdoutBytes));
    boolField(o, "stdoutTruncated", out.stdoutText.size() > kSummaryStdoutBytes);
  }
  intField(o, "exitCode", out.exitCode);
  key(o, "error");
  if (r.error.message.empty()) {
    o += "null";
  } else {
    o += '{';
    stringField(o, "type", r.error.type);
    stringField(o, "message", r.error.message);
    intField(o, "line", r.error.line);
    intField(o, "col", r.error.col);
    stringField(o, "traceback", prefix(out.stderrText, kSummaryStderrBytes));
    o += '}';
  }
  o += '}';
  return o;
}

}  // namespace interleave::ui
