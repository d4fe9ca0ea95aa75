// libFuzzer target for the whole Python pipeline: arbitrary bytes are run as a program with
// lang::ProgramRun (header settings, parse, compile, VM on the simulated machine), exactly as
// `interleave run` does (including rendering the trace as json, chrome and text), except that the run is cancelled early so every input stays fast.
//
// The API's budgets are Simulation steps (ProgramRun::runFor) and the virtual time they
// report; a step is one event or one batch of Python instructions up to the next event (a
// time slice, 3 ms of virtual CPU, is ~10^6 cheap instructions). So the run is cancelled,
// checked between steps, after kMaxSteps steps, past kMaxVirtualTime, or after kMaxHostTime of
// real time (the last makes a rare input nondeterministic at the margin; it is what lets
// programs that sleep run on while CPU-bound ones stop early). A single step that takes long
// (an uninterruptible builtin, a huge batch of instructions) is NOT capped: libFuzzer's
// -timeout reports it, and that is a finding. Built and run by tools/fuzz.sh; see
// docs/fuzzing.md.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "runner.h"
#include "trace_writers.h"

using namespace interleave::lang;

namespace {
constexpr size_t kMaxInputBytes = 4 * 1024;  // larger inputs are skipped (not added to the corpus)
constexpr uint64_t kMaxSteps = 20'000;
constexpr interleave::Nanos kMaxVirtualTime = 2 * interleave::kSecond;
constexpr auto kMaxHostTime = std::chrono::milliseconds(300);

[[noreturn]] void contractViolation(const char* what) {
  std::fprintf(stderr, "vm_fuzz: contract violated: %s\n", what);
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return -1;
  std::string source(reinterpret_cast<const char*>(data), size);
  ProgramRun run("fuzz.py", source, "");
  auto start = std::chrono::steady_clock::now();
  for (uint64_t steps = 0; !run.finished() && steps < kMaxSteps; ++steps) {
    interleave::RunProgress p = run.runFor(1);
    if (p.now > kMaxVirtualTime || std::chrono::steady_clock::now() - start > kMaxHostTime) break;
  }
  if (!run.finished()) run.cancel("fuzz budget exhausted");
  if (!run.finished()) contractViolation("ProgramRun not finished after cancel()");
  // Collects the trace and the program's output (exercises the trace/output code too).
  const ProgramOutcome& out = run.outcome();
  if (run.finished() && !out.ran && out.exitCode == 0) contractViolation("a run that did not start must fail");
  // The CLI's output formats, on whatever trace the program produced.
  if (out.ran) {
    std::string json = interleave::traceToJson(out.trace);
    std::string chrome = interleave::traceToChrome(out.trace);
    std::string text = interleave::traceToText(out.trace, 80);
    if (json.empty() || chrome.empty() || text.empty()) contractViolation("empty trace rendering");
  }
  return 0;
}
