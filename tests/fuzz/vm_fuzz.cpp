// libFuzzer target for the whole Python pipeline: arbitrary bytes are run as a program with
// lang::ProgramRun (header settings, parse, compile, VM on the simulated machine), exactly as
// `interleave run` does, except that the run is cancelled early so every input stays fast:
// after kMaxSteps engine steps or once virtual time passes kMaxVirtualTime. Those are the
// only budgets the API offers (ProgramRun::runFor counts Simulation steps and reports the
// virtual time reached); both are checked between steps. A single step that takes long (an
// uninterruptible builtin, a huge batch of instructions) is NOT capped: libFuzzer's -timeout
// reports it, and that is a finding. Built and run by tools/fuzz.sh; see docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "runner.h"

using namespace interleave::lang;

namespace {
constexpr size_t kMaxInputBytes = 4 * 1024;  // larger inputs are skipped (not added to the corpus)
constexpr uint64_t kStepsPerSlice = 1;       // check the budgets after every step
constexpr uint64_t kMaxSteps = 20'000;       // then the run is cancelled ...
// ... as it is past this much virtual time. A computing thread runs one time slice (3 ms) per
// step, i.e. ~10^5 instructions: 20 ms keeps a CPU-bound input well under a second with ASan.
constexpr interleave::Nanos kMaxVirtualTime = 20 * interleave::kMillisecond;

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
    interleave::RunProgress p = run.runFor(kStepsPerSlice);
    steps += kStepsPerSlice;
    if (p.now > kMaxVirtualTime) break;
  }
  if (!run.finished()) run.cancel("fuzz budget exhausted");
  if (!run.finished()) contractViolation("ProgramRun not finished after cancel()");
  // Collects the trace and the program's output (exercises the trace/output code too).
  const ProgramOutcome& out = run.outcome();
  if (run.finished() && !out.ran && out.exitCode == 0) contractViolation("a run that did not start must fail");
  return 0;
}
