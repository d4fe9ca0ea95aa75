#include "page_run.h"

#include <algorithm>

namespace interleave::ui {

void SliceRunner::start(const std::string& code, const std::string& settings, Nanos expectedEnd) {
  const double t0 = clock_();
  run_ = std::make_unique<lang::ProgramRun>(kProgramFile, code, settings);
  result_.reset();
  code_ = code;
  settings_ = settings;
  expectedEnd_ = expectedEnd;
  now_ = 0;
  events_ = 0;
  hostMs_ = clock_() - t0;  // parsing and compiling count too
  if (run_->finished()) finish(false);  // a syntax error or a bad setting
}

bool SliceRunner::step(double budgetMs) {
  if (!run_) return false;
  const double t0 = clock_();
  // One event between clock reads: an event can be a whole time slice of Python (3 ms of
  // virtual time, tens of host ms in wasm), so more would overrun the frame.
  do {
    RunProgress p = run_->runFor(1);
    now_ = p.now;
    events_ = p.events;
    if (p.finished || run_->finished()) break;
  } while (clock_() - t0 < budgetMs);
  hostMs_ += clock_() - t0;
  if (!run_->finished() && hostMs_ > kMaxRunHostMs) {
    run_->cancel("stopped: the simulation took more than " +
                 std::to_string(static_cast<int>(kMaxRunHostMs / 1000)) +
                 " s of computing in the page (is there an endless loop?)");
  }
  if (!run_->finished()) return false;
  finish(false);
  return true;
}

void SliceRunner::cancel(const std::string& reason) {
  if (!run_) return;
  run_->cancel(reason);
  finish(true);
}

double SliceRunner::fraction() const {
  // Past the previous run's end the estimate means nothing: unknown (the bar sweeps).
  if (!run_ || expectedEnd_ <= 0 || now_ > expectedEnd_) return -1;
  return std::clamp(static_cast<double>(now_) / static_cast<double>(expectedEnd_), 0.0, 0.99);
}

void SliceRunner::finish(bool cancelled) {
  auto r = std::make_unique<RunReport>();
  r->outcome = run_->outcome();
  r->cancelled = cancelled;
  r->hostMs = hostMs_;
  r->code = code_;
  r->settings = settings_;
  if (!r->outcome.stderrText.empty() && (r->outcome.exitCode != 0 || !r->outcome.ran))
    r->error = locateError(r->outcome.stderrText, kProgramFile, code_);
  else if (!r->outcome.trace.stopReason.empty())
    r->error.message = r->outcome.trace.stopReason;
  if (r->error.line == 0 && !r->outcome.trace.stopReason.empty()) {
    // Stopped by a limit or a cancel: point at the line the program was running at the end
    // (an endless loop's line), from the thread lanes' last segments.
    Nanos latest = -1;
    for (const Lane& l : r->outcome.trace.lanes) {
      if (l.kind != LaneKind::Thread) continue;
      for (auto it = l.segments.rbegin(); it != l.segments.rend(); ++it) {
        if (it->line <= 0) continue;
        if (it->end > latest) {
          latest = it->end;
          r->error.line = it->line;
        }
        break;
      }
    }
  }
  run_.reset();
  result_ = std::move(r);
}

}  // namespace interleave::ui
