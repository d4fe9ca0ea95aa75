// One simulation of the page's program, run in slices so the page keeps drawing (the page is
// single-threaded wasm: a frame runs the simulation for a few milliseconds, then draws). No ImGui;
// unit-tested natively with a fake clock.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "runner.h"
#include "trace_query.h"

namespace interleave::ui {

constexpr const char* kProgramFile = "main.py";
// Host time a run may take before the page stops it (the VM's own limits, e.g. 300 million
// instructions, stop endless loops too, but take longer than a learner should wait in wasm).
constexpr double kMaxRunHostMs = 20000;

struct RunReport {
  lang::ProgramOutcome outcome;
  ErrorLocation error;  // line 0 and empty message: no error
  bool cancelled = false;
  double hostMs = 0;  // host time the run took (sum of its slices)
  std::string code, settings;  // what ran
};

class SliceRunner {
 public:
  using Clock = std::function<double()>;  // host milliseconds
  explicit SliceRunner(Clock clock) : clock_(std::move(clock)) {}

  // Starts a run of `code` with setting overrides, replacing any run in progress.
  // `expectedEnd`: virtual time the last run reached, for the progress estimate (0: unknown).
  void start(const std::string& code, const std::string& settings, Nanos expectedEnd);
  bool running() const { return run_ != nullptr; }
  // Runs events for about budgetMs of host time (at least one). Returns true if the run
  // finished in this call; then takeResult() holds it.
  bool step(double budgetMs);
  // Stops the run in progress; its partial trace becomes the result with `reason`.
  void cancel(const std::string& reason);

  // Progress of the run in progress.
  Nanos virtualNow() const { return now_; }
  uint64_t events() const { return events_; }
  double hostMs() const { return hostMs_; }
  // 0..1, estimated from the previous run's end; < 0 if unknown (no previous run, or past its end).
  double fraction() const;

  bool hasResult() const { return result_ != nullptr; }
  std::unique_ptr<RunReport> takeResult() { return std::move(result_); }

 private:
  void finish(bool cancelled);

  Clock clock_;
  std::unique_ptr<lang::ProgramRun> run_;
  std::unique_ptr<RunReport> result_;
  std::string code_, settings_;
  Nanos expectedEnd_ = 0, now_ = 0;
  uint64_t events_ = 0;
  double hostMs_ = 0;
};

}  // namespace interleave::ui
