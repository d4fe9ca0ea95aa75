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
#include "virtual_time.h"

namespace interleave {

// Pure-Python work is a loop of small bytecode steps; the eval breaker is checked at each
// back-edge. 50 ns is one iteration of a typical `for` loop body in CPython 3.11 here.
constexpr Nanos kPythonStepGrain = 50;

class Program {
 public:
  enum class Op : uint8_t {
    Cpu, Native, CCall, Io, Acquire, Release, SemAcquire, SemRelease, EventSet, EventWait,
    EventClear, Put, Get, Spawn, SpawnProcess, Join, JoinProcess, Print, Mark, SetSwitchInterval,
    Memory, Call, Repeat, PipeWrite, PipeRead, PipeCloseWriter, WaitReady
  };
  struct Step {
    Op op = Op::Cpu;
    Nanos duration = 0;     // cpu/native/io/timeouts/interval
    int64_t target = -1;    // primitive id, or slot for spawn/join
    int64_t value = 0;      // item, bytes, repeat count
    std::string text;       // label, print text, thread name
    int64_t size = 0;       // pipe message bytes
    std::vector<int64_t> targets;  // WaitReady: pipes, and -1 - slot for a process's sentinel
    std::shared_ptr<Program> child;  // spawn / repeat body
    std::function<void(ThreadContext&)> call;
  };

  Program& cpu(Nanos d) { return add(mk(Op::Cpu, d)); }
  Program& native(Nanos d) { return add(mk(Op::Native, d)); }
  Program& cCall(Nanos d, std::string label = "C call") { return add(mk(Op::CCall, d, -1, 0, std::move(label))); }
  Program& io(Nanos d, std::string label = "io") { return add(mk(Op::Io, d, -1, 0, std::move(label))); }
  Program& sleep(Nanos d) { return io(d, "sleep"); }
  Program& acquire(int32_t lock, Nanos timeout = -1) { return add(mk(Op::Acquire, timeout, lock)); }
  Program& release(int32_t lock) { return add(mk(Op::Release, 0, lock)); }
  Program& semAcquire(int32_t sem) { return add(mk(Op::SemAcquire, -1, sem)); }
  Program& semRelease(int32_t sem) { return add(mk(Op::SemRelease, 0, sem)); }
  Program& eventSet(int32_t ev) { return add(mk(Op::EventSet, 0, ev)); }
  Program& eventWait(int32_t ev, Nanos timeout = -1) { return add(mk(Op::EventWait, timeout, ev)); }
  Program& eventClear(int32_t ev) { return add(mk(Op::EventClear, 0, ev)); }
  Program& put(int32_t queue, int64_t item) { return add(mk(Op::Put, -1, queue, item)); }
  Program& get(int32_t queue) { return add(mk(Op::Get, -1, queue)); }
  // Pipes: a message `token` of `bytes` (blocks while the pipe is full); a read's result is the
  // oldest message's token. waitReady: select/poll over pipes and the sentinels of processes
  // started into `processSlots`; its result has bit i set for each ready target (pipes first).
  Program& pipeWrite(int32_t pipe, int64_t token, int64_t bytes) {
    Step s = mk(Op::PipeWrite, -1, pipe, token);
    s.size = bytes;
    return add(std::move(s));
  }
  Program& pipeRead(int32_t pipe) { return add(mk(Op::PipeRead, -1, pipe)); }
  Program& pipeCloseWriter(int32_t pipe) { return add(mk(Op::PipeCloseWriter, 0, pipe)); }
  Program& waitReady(std::vector<int64_t> pipes, std::vector<int> processSlots = {}, Nanos timeout = -1) {
    Step s = mk(Op::WaitReady, timeout);
    s.targets = std::move(pipes);
    for (int slot : processSlots) s.targets.push_back(-1 - slot);
    return add(std::move(s));
  }
  // Starts a thread running `body`; its id is stored in `slot` for join().
  Program& spawn(int slot, std::string name, Program body);
  Program& spawnProcess(int slot, std::string name, Program body);
  Program& join(int slot) { return add(mk(Op::Join, -1, slot)); }
  Program& joinProcess(int slot) { return add(mk(Op::JoinProcess, -1, slot)); }
  Program& print(std::string text) { return add(mk(Op::Print, 0, -1, 0, std::move(text))); }
  Program& mark(std::string text) { return add(mk(Op::Mark, 0, -1, 0, std::move(text))); }
  Program& setSwitchInterval(Nanos d) { return add(mk(Op::SetSwitchInterval, d)); }
  Program& memory(int64_t bytes) { return add(mk(Op::Memory, 0, -1, bytes)); }
  // Runs `fn` at the thread's current virtual time, holding whatever the thread holds: a probe
  // into shared state for tests (with the GIL off, calls interleave in virtual-time order).
  Program& call(std::function<void(ThreadContext&)> fn) {
    Step s = mk(Op::Call);
    s.call = std::move(fn);
    return add(std::move(s));
  }
  Program& repeat(int64_t times, Program body);

  const std::vector<Step>& steps() const { return steps_; }

 private:
  static Step mk(Op op, Nanos duration = 0, int64_t target = -1, int64_t value = 0,
                 std::string text = {}) {
    Step s;
    s.op = op;
    s.duration = duration;
    s.target = target;
    s.value = value;
    s.text = std::move(text);
    return s;
  }
  Program& add(Step s) { steps_.push_back(std::move(s)); return *this; }
  std::vector<Step> steps_;
};

// A ThreadBody that executes a Program. Slots (spawned thread ids) are shared by the thread
// and, by value, copied into nothing else: each thread has its own.
std::unique_ptr<ThreadBody> makeProgramBody(Program program);

}  // namespace interleave
