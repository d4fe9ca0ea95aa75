// The simulated machine: cores, an OS scheduler, processes with their own GIL, threads, and the
// blocking primitives. One Simulation is one run; it is deterministic for a given config and
// set of bodies.
//
// Execution model (design rule: a thread never runs ahead of an event that could observe or
// change what it does):
//   - Timed things (I/O completions, timeouts, time-slice ends) are events in one EventQueue,
//     ordered by (time, priority, sequence).
//   - A thread on a core is a "runner" with its own clock. The engine always advances whichever
//     comes first by the same rule: the earliest event, or the runner with the smallest clock.
//     A runner may run ahead only up to its horizon: the next event, and the clock of any other
//     runner that can see the same heap (GIL off, same process) or, for other processes, that
//     clock plus a lookahead shorter than any cross-process message. With the GIL on only one
//     runner per process executes Python, so it runs in large batches; with the GIL off
//     threads sharing a heap interleave at instruction grain, in virtual-time order.
//   - Events never change a runner's computation directly: they set flags (drop request,
//     preemption) that the runner sees at its next check, exactly like CPython's eval breaker.
// Engine code is split by feature: simulation.cpp (core loop), scheduler.cpp (cores, run
// queue, time slices), gil.cpp (take_gil/drop_gil), sync.cpp (locks, semaphores, events,
// queues, joins), trace_recorder.cpp (segments, metrics), trace_resources.cpp (locks and queues
// over time, Trace::resources).
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "event_queue.h"
#include "machine_config.h"
#include "random.h"
#include "thread_body.h"
#include "trace.h"

namespace interleave {

struct RunProgress {
  Nanos now = 0;           // virtual time reached
  uint64_t events = 0;     // events processed so far
  bool finished = false;   // ran to completion or stopped at a limit
};

class Simulation {
 public:
  explicit Simulation(const MachineConfig& config);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // --- set-up (before running) -------------------------------------------------------------
  // The program's first process; its main thread starts at t=0 (no start cost).
  int32_t startMainProcess(const std::string& name, std::unique_ptr<ThreadBody> mainBody);

  // Primitives, usable by any thread of any process (the model does not police sharing).
  int32_t createLock(bool reentrant = false);
  int32_t createSemaphore(int64_t value);
  int32_t createEvent();
  int32_t createQueue(int64_t maxsize = 0);  // 0: unbounded
  // pipe.cpp. A new pipe has one write end, held by `process`; a reader sees end-of-file once
  // every write end in every process is closed (PipeCloseWriter, or its process ended).
  int32_t createPipe(int32_t process = 0);
  void addPipeWriter(int32_t pipe, int32_t process);  // a write end duplicated (no wake-up)

  // --- resources (Trace::resources): synchronisation objects and their state over time ----
  // Recording never changes the run (no virtual time, no event). A new resource, with an
  // empty history; -1 past kMaxResources. A name used before gets " #2", " #3", ...
  int32_t addResource(ResourceKind kind, const std::string& name, int32_t process, int32_t line,
                      Nanos created, int64_t capacity = 0);
  // One more resource not recorded (Trace::resourcesUnrecorded): past a limit of the caller's.
  void skipResource() { ++trace_.resourcesUnrecorded; }
  // From now on the engine records the primitive's state in `resource` at every change,
  // starting with its state now, at time `at`.
  void tracePrimitive(int32_t primitive, int32_t resource, Nanos at);
  // A state the language layer observed (objects the engine does not implement).
  void recordResource(int32_t resource, ResourceState state);
  // True once the resource's history is full (its later states are only counted): observers
  // may skip building what would not be kept (queue items).
  bool resourceFull(int32_t resource) const;
  // How to show an engine queue's item (default: the integer).
  void setItemRepr(std::function<std::string(int64_t)> repr);
  // The thread holding lock `primitive`, -1 if free or not a lock.
  int32_t lockOwner(int32_t primitive) const;
  // The lane of thread `id`, -1 if none.
  int32_t threadLane(int32_t id) const;

  // --- running -------------------------------------------------------------------------------
  RunProgress run();                              // to completion or a limit
  RunProgress runFor(uint64_t eventBudget);       // a slice of at most this many steps
  RunProgress runUntil(Nanos virtualTime);        // a slice up to this virtual time
  void cancel(const std::string& reason);         // stop now; the trace is finalised
  bool finished() const { return finished_; }
  Nanos now() const { return now_; }

  // --- results -------------------------------------------------------------------------------
  const Trace& trace() const { return trace_; }  // complete once finished()
  const MachineConfig& config() const { return config_; }

  // For bodies (through ThreadContext) and tests.
  Random& random() { return random_; }
  // Machine-wide state kept by the language layer for one run and shared by every process
  // (the in-memory file system, the network's connection log), created on first use.
  std::shared_ptr<void>& attachment(const std::string& key) { return attachments_[key]; }

  struct Impl;

 private:
  MachineConfig config_;
  Random random_;
  Trace trace_;
  Nanos now_ = 0;
  bool finished_ = false;
  std::unique_ptr<Impl> impl_;
  std::map<std::string, std::shared_ptr<void>> attachments_;
};

}  // namespace interleave
