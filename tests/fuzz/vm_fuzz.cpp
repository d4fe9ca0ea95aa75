// libFuzzer target for the whole Python pipeline: arbitrary bytes are run as a program with
// lang::ProgramRun (header settings, parse, compile, VM on the simulated machine), exactly as
// `interleave run` does, except that the run is stopped after a fixed number of engine steps
// (the API's only budget: Simulation steps, see ProgramRun::runFor) so that a program that
// legitimately runs for long (`while True: sleep(…)`, many threads) does not count as a hang.
// A single step that takes long (one uninterruptible builtin, one huge batch of instructions)
// is NOT capped: libFuzzer's -timeout reports it, and that is a finding. Built and run by
// tools/fuzz.sh; see docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "runner.h"

using namespace interleave::lang;

namespace {
constexpr size_t kMaxInputBytes = 4 * 1024;  // larger inputs are skipped (not added to the corpus)
constexpr uint64_t kStepsPerSlice = 1024;    // like the page, which runs in slices
constexpr uint64_t kMaxSteps = 64 * 1024;    // then the run is cancelled

[[noreturn]] void contractViolation(const char* what) {
  std::fprintf(stderr, "vm_fuzz: contract violated: %s\n", what);
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return -1;
  std::string source(reinterpret_cast<const char*>(data), size);
  ProgramRun run("fuzz.py", source, "");
  uint64_t steps = 0;
  while (!run.finished() && steps < kMaxSteps) {
    run.runFor(kStepsPerSlice);
    steps += kStepsPerSlice;
  }
  if (!run.finished()) run.cancel("fuzz step budget exhausted");
  if (!run.finished()) contractViolation("ProgramRun not finished after cancel()");
  // Collects the trace and the program's output (exercises the trace/output code too).
  const ProgramOutcome& out = run.outcome();
  if (run.finished() && !out.ran && out.exitCode == 0) contractViolation("a run that did not start must fail");
  return 0;
}
