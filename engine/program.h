// Step programs: a small C++ way to describe what a thread does (compute, native work, blocking
// I/O, locks, spawn, join...). They drive the engine before the Python front end exists, and
// stay as the engine's test language. Each step becomes engine requests exactly as Python code
// would produce them: `cpu` is pure-Python work with eval breakers, `native` releases the GIL,
// `cCall` holds it throughout, `io` releases it, blocks, and re-takes it.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "thread_body.h"
#include "time.h"

namespace interleave {

// Pure-Python work is a loop of small bytecode steps; the eval breaker is checked at each
// back-edge. 50 ns is one iteration of a typical `for` loop body in CPython 3.11 here.
constexpr Nanos kPythonStepGrain = 50;

class Program {
 public:
  enum class Op : uint8_t {
    Cpu, Native, CCall, Io, Acquire, Release, SemAcquire, SemRelease, EventSet, EventWait,
    EventClear, Put, Get, Spawn, SpawnProcess, Join, JoinProcess, Print, Mark, SetSwitchInterval,
    Memory, Call, Repeat
  };
  struct Step {
    Op op;
    Nanos duration = 0;     // cpu/native/io/timeouts/interval
    int64_t target = -1;    // primitive id, or slot for spawn/join
    int64_t value = 0;      // item, bytes, repeat count
    std::string text;       // label, print text, thread name
    std::shared_ptr<Program> child;  // spawn / repeat body
    std::function<void(ThreadContext&)> call;
  };

  Program& cpu(Nanos d) { return add({Op::Cpu, d}); }
  Program& native(Nanos d) { return add({Op::Native, d}); }
  Program& cCall(Nanos d, std::string label = "C call") { Step s{Op::CCall, d}; s.text = std::move(label); return add(std::move(s)); }
  Program& io(Nanos d, std::string label = "io") { Step s{Op::Io, d}; s.text = std::move(label); return add(std::move(s)); }
  Program& sleep(Nanos d) { return io(d, "sleep"); }
  Program& acquire(int32_t lock, Nanos timeout = -1) { Step s{Op::Acquire, timeout}; s.target = lock; return add(std::move(s)); }
  Program& release(int32_t lock) { Step s{Op::Release}; s.target = lock; return add(std::move(s)); }
  Program& semAcquire(int32_t sem) { Step s{Op::SemAcquire, -1}; s.target = sem; return add(std::move(s)); }
  Program& semRelease(int32_t sem) { Step s{Op::SemRelease}; s.target = sem; return add(std::move(s)); }
  Program& eventSet(int32_t ev) { Step s{Op::EventSet}; s.target = ev; return add(std::move(s)); }
  Program& eventWait(int32_t ev, Nanos timeout = -1) { Step s{Op::EventWait, timeout}; s.target = ev; return add(std::move(s)); }
  Program& eventClear(int32_t ev) { Step s{Op::EventClear}; s.target = ev; return add(std::move(s)); }
  Program& put(int32_t queue, int64_t item) { Step s{Op::Put, -1}; s.target = queue; s.value = item; return add(std::move(s)); }
  Program& get(int32_t queue) { Step s{Op::Get, -1}; s.target = queue; return add(std::move(s)); }
  // Starts a thread running `body`; its id is stored in `slot` for join().
  Program& spawn(int slot, std::string name, Program body);
  Program& spawnProcess(int slot, std::string name, Program body);
  Program& join(int slot) { Step s{Op::Join}; s.target = slot; return add(std::move(s)); }
  Program& joinProcess(int slot) { Step s{Op::JoinProcess}; s.target = slot; return add(std::move(s)); }
  Program& print(std::string text) { Step s{Op::Print}; s.text = std::move(text); return add(std::move(s)); }
  Program& mark(std::string text) { Step s{Op::Mark}; s.text = std::move(text); return add(std::move(s)); }
  Program& setSwitchInterval(Nanos d) { return add({Op::SetSwitchInterval, d}); }
  Program& memory(int64_t bytes) { Step s{Op::Memory}; s.value = bytes; return add(std::move(s)); }
  // Runs `fn` at the thread's current virtual time, holding whatever the thread holds: a probe
  // into shared state for tests (with the GIL off, calls interleave in virtual-time order).
  Program& call(std::function<void(ThreadContext&)> fn) { Step s{Op::Call}; s.call = std::move(fn); return add(std::move(s)); }
  Program& repeat(int64_t times, Program body);

  const std::vector<Step>& steps() const { return steps_; }

 private:
  Program& add(Step s) { steps_.push_back(std::move(s)); return *this; }
  std::vector<Step> steps_;
};

// A ThreadBody that executes a Program. Slots (spawned thread ids) are shared by the thread
// and, by value, copied into nothing else: each thread has its own.
std::unique_ptr<ThreadBody> makeProgramBody(Program program);

}  // namespace interleave
