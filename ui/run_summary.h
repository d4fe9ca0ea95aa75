// The result of the page's last run as JSON for the host page of an embed (the postMessage API,
// docs/embed.md): makespan, metrics, diagnostics, output and the error, if any. No ImGui, no
// Emscripten: unit-tested natively.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "page_run.h"

namespace interleave::ui {

// Program output carried in a summary. A host shows or checks a few lines; the whole output (up
// to the engine's 4 MiB) would make every reply megabytes long.
constexpr size_t kSummaryStdoutBytes = 64 * 1024;
// The traceback text carried with an error (CPython's are a few hundred bytes; a deep recursion's
// is long and repetitive).
constexpr size_t kSummaryStderrBytes = 16 * 1024;

// `report`: the last finished run (nullptr: none yet). `running`: a newer run is in progress or
// due, so the report is about to be replaced. Keys: docs/embed.md.
std::string runSummaryJson(const RunReport* report, bool running, int64_t runsFinished);

}  // namespace interleave::ui
