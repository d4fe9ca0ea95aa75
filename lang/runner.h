// Running a Python program on the simulated machine: the `# interleave:` header, parsing and
// compiling, one VM per process, threads as engine thread bodies, and what the program wrote.
#pragma once
#include <memory>
#include <string>

#include "simulation.h"

namespace interleave::lang {

struct ProgramOutcome {
  Trace trace;
  std::string stdoutText;      // exactly what the program wrote to stdout
  std::string stderrText;      // tracebacks and errors, as CPython prints them
  int exitCode = 0;            // like `python3 FILE`: 1 after an uncaught exception
  bool ran = false;            // false: a syntax error or unsupported construct stopped it
  std::string settings;        // the machine settings used, as `key=value ...`
};

// Settings from the header comment (`# interleave: cores=2 gil=off`), empty if none.
std::string headerSettings(const std::string& source);

// A program prepared to run in slices (the page) or at once (the CLI).
class ProgramRun {
 public:
  // `settings` override the header comment (CLI flags, the page's panel). On a syntax error
  // or bad setting the run is finished at once with the message in stderrText.
  ProgramRun(const std::string& filename, const std::string& source, const std::string& settings);
  ~ProgramRun();
  bool finished() const;
  RunProgress runFor(uint64_t steps);
  void cancel(const std::string& reason);
  // Complete once finished().
  const ProgramOutcome& outcome();

  struct State;

 private:
  std::unique_ptr<State> state_;
};

// Whether runs started from now on record the program's locks, semaphores and queues in
// Trace::resources (default on). Off only for tests that check recording changes nothing else.
void setResourceRecording(bool on);

// Runs to completion.
ProgramOutcome runProgram(const std::string& filename, const std::string& source,
                          const std::string& settings);

}  // namespace interleave::lang
