// Helpers for engine tests: run a step program on a configured machine and query the trace.
#pragma once
#include <functional>
#include <string>

#include "program.h"
#include "simulation.h"

namespace interleave::testing {

inline MachineConfig machine(const std::string& settings = "") {
  MachineConfig c;
  std::string err = applySettings(c, settings);
  if (!err.empty()) throw std::runtime_error(err);
  return c;
}

inline Trace runMain(const MachineConfig& c, Program main,
                     const std::function<void(Simulation&)>& setup = {}) {
  Simulation sim(c);
  if (setup) setup(sim);
  sim.startMainProcess("MainProcess", makeProgramBody(std::move(main)));
  sim.run();
  return sim.trace();
}

inline const ThreadInfo& threadNamed(const Trace& t, const std::string& name) {
  for (const ThreadInfo& th : t.threads) {
    if (th.name == name) return th;
  }
  throw std::runtime_error("no thread " + name);
}

inline const Lane& laneOf(const Trace& t, const std::string& threadName) {
  return t.lanes[static_cast<size_t>(threadNamed(t, threadName).lane)];
}

inline Nanos timeIn(const Lane& lane, State s) {
  Nanos total = 0;
  for (const Segment& seg : lane.segments) {
    if (seg.state == s) total += seg.end - seg.start;
  }
  return total;
}

inline Nanos outputTime(const Trace& t, const std::string& text) {
  for (const OutputLine& l : t.output) {
    if (l.text == text) return l.time;
  }
  throw std::runtime_error("no output " + text);
}

inline const Lane& gilLane(const Trace& t, int process = 0) {
  return t.lanes[static_cast<size_t>(t.processes[static_cast<size_t>(process)].gilLane)];
}

// Lets a test capture the virtual time at a point of a program.
struct Clock {
  std::vector<Nanos> stamps;
  std::function<void(ThreadContext&)> stamp() {
    return [this](ThreadContext& ctx) { stamps.push_back(ctx.now()); };
  }
};

}  // namespace interleave::testing
