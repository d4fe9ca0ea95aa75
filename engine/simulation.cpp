// The core loop and request handling.
//
// [SECTION] ThreadContext   what a body sees
// [SECTION] Public API
// [SECTION] Core loop       events and runners by one ordering rule
// [SECTION] Runners         advancing a thread on a core; its horizon
// [SECTION] Requests        a body's request -> micro-ops
// [SECTION] Lifecycle       threads and processes start and end
#include <algorithm>

#include "simulation_impl.h"

namespace interleave {

//-----------------------------------------------------------------------------------------------
// [SECTION] ThreadContext
//-----------------------------------------------------------------------------------------------
namespace {
class Context final : public ThreadContext {
 public:
  Context(Simulation::Impl& impl, Thread& t) : impl_(impl), t_(t) {}
  Nanos now() const override { return t_.clock; }
  int32_t threadId() const override { return t_.id; }
  int32_t processId() const override { return t_.process; }
  int64_t osPid() const override { return impl_.process(t_.process).osPid; }
  bool gilDropRequested() const override {
    return impl_.config.gil && impl_.process(t_.process).gil.dropRequest;
  }
  bool holdsGil() const override { return t_.holdsGil; }
  int64_t result() const override { return t_.result; }
  bool resultOk() const override { return t_.resultOk; }
  Random& random() override { return impl_.sim.random(); }
  int cpuCount() const override { return impl_.config.cores; }
  Nanos switchInterval() const override { return impl_.process(t_.process).gil.interval; }
  Nanos sharedHeapLimit() const override { return impl_.heapHorizon(t_); }
  void setActivity(const std::string& label, int32_t line) override {
    t_.activityLabel = label.empty() ? -1 : impl_.intern(label);
    t_.activityLine = line;
  }
  int64_t traceLane(const Request& r, Nanos offset) override { return impl_.traceLane(t_, r, t_.clock + offset); }
  Simulation& simulation() override { return impl_.sim; }

 private:
  Simulation::Impl& impl_;
  Thread& t_;
};

// Runner order: the same (time, priority, sequence) rule as events, with priority Runner.
EventKey runnerKey(const Thread& t) {
  return EventKey{t.clock, static_cast<uint8_t>(EventPriority::Runner), t.runnerSequence};
}
}  // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] Public API
//-----------------------------------------------------------------------------------------------
Simulation::Simulation(const MachineConfig& config)
    : config_(config), random_(config.seed), impl_(std::make_unique<Impl>(*this, config_, trace_)) {
  if (config_.cores < 1) config_.cores = 1;
  if (config_.cores > limits::kMaxCores) config_.cores = limits::kMaxCores;
  if (config_.switchInterval < kMicrosecond) config_.switchInterval = kMicrosecond;
  if (config_.timeSlice < 10 * kMicrosecond) config_.timeSlice = 10 * kMicrosecond;
  trace_.config = config_;
  impl_->cores.resize(static_cast<size_t>(config_.cores));
  for (int i = 0; i < config_.cores; ++i) {
    impl_->cores[static_cast<size_t>(i)].lane =
        impl_->addLane(LaneKind::Core, -1, -1, "Core " + std::to_string(i));
  }
  impl_->machineMemoryCounter = static_cast<int32_t>(trace_.counters.size());
  trace_.counters.push_back(Counter{"memory", -1, {}});
}

Simulation::~Simulation() = default;

int32_t Simulation::startMainProcess(const std::string& name, std::unique_ptr<ThreadBody> body) {
  return impl_->createProcess(-1, name, std::move(body), 0);
}

int32_t Simulation::createLock(bool reentrant) {
  Primitive p;
  p.kind = PrimitiveKind::Lock;
  p.reentrant = reentrant;
  impl_->primitives.push_back(std::move(p));
  return static_cast<int32_t>(impl_->primitives.size() - 1);
}
int32_t Simulation::createSemaphore(int64_t value) {
  Primitive p;
  p.kind = PrimitiveKind::Semaphore;
  p.count = value;
  impl_->primitives.push_back(std::move(p));
  return static_cast<int32_t>(impl_->primitives.size() - 1);
}
int32_t Simulation::createEvent() {
  Primitive p;
  p.kind = PrimitiveKind::Event;
  impl_->primitives.push_back(std::move(p));
  return static_cast<int32_t>(impl_->primitives.size() - 1);
}
int32_t Simulation::createQueue(int64_t maxsize) {
  Primitive p;
  p.kind = PrimitiveKind::Queue;
  p.maxsize = maxsize;
  impl_->primitives.push_back(std::move(p));
  return static_cast<int32_t>(impl_->primitives.size() - 1);
}

RunProgress Simulation::runFor(uint64_t budget) {
  for (uint64_t i = 0; i < budget && !finished_; ++i) {
    if (!impl_->step()) break;
  }
  return RunProgress{now_, impl_->steps, finished_};
}

RunProgress Simulation::runUntil(Nanos t) {
  while (!finished_) {
    // Peek: stop before anything later than t.
    Nanos next = impl_->events.nextTime();
    for (int32_t id : impl_->runners) next = std::min(next, impl_->thread(id).clock);
    if (next > t) break;
    if (!impl_->step()) break;
  }
  return RunProgress{now_, impl_->steps, finished_};
}

RunProgress Simulation::run() {
  while (!finished_) impl_->step();
  return RunProgress{now_, impl_->steps, finished_};
}

void Simulation::cancel(const std::string& reason) {
  if (!finished_) impl_->stopWith(reason);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Core loop
//-----------------------------------------------------------------------------------------------
// One step: the earliest of (next event, runner with the smallest clock). Returns false once
// the simulation has finished.
bool Simulation::Impl::step() {
  if (sim.finished_) return false;
  Thread* runner = nullptr;
  for (int32_t id : runners) {
    Thread& t = thread(id);
    if (!runner || runnerKey(t) < runnerKey(*runner)) runner = &t;
  }
  bool haveEvent = !events.empty();
  if (!haveEvent && !runner) {
    finalize();
    return false;
  }
  ++steps;
  if (segmentCount > limits::kMaxSegments) {
    stopWith("stopped: the trace grew past " + std::to_string(limits::kMaxSegments) +
             " segments (limit kMaxSegments)");
    return false;
  }
  if (steps > limits::kMaxEvents) {
    stopWith("stopped: the run needed more than " + std::to_string(limits::kMaxEvents) +
             " simulation steps (limit kMaxEvents); is something looping forever?");
    return false;
  }
  if (haveEvent && (!runner || events.top().key < runnerKey(*runner))) {
    auto entry = events.pop();
    now() = entry.key.time;
    if (now() > limits::kMaxVirtualTime) {
      stopWith("stopped: virtual time passed " + formatDuration(limits::kMaxVirtualTime) +
               " (limit kMaxVirtualTime); is something looping forever?");
      return false;
    }
    switch (entry.payload.kind) {
      case EventPayload::ThreadTimer: onThreadTimer(entry.payload.target, entry.payload.generation); break;
      case EventPayload::SliceEnd: onSliceEnd(entry.payload.target, entry.payload.generation); break;
    }
  } else {
    now() = runner->clock;
    if (now() > limits::kMaxVirtualTime) {
      stopWith("stopped: virtual time passed " + formatDuration(limits::kMaxVirtualTime) +
               " (limit kMaxVirtualTime); is something looping forever?");
      return false;
    }
    advanceRunner(*runner);
  }
  trace.metrics.events = steps;
  return !sim.finished_;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Runners
//-----------------------------------------------------------------------------------------------
// How far runner `t` may execute before something could change its computation:
//  - any queued event (it may wake a GIL waiter, end a time slice, ...);
//  - with the GIL on, another runner reaches this thread's Python code only through a drop
//    request: a runner inside an engine operation (take_gil after a timeout), or any runner
//    when a timed-out waiter of this process sits in the run queue (it gets the next free
//    core), can set one at once; a computing runner needs at least one switch interval (its
//    next action starts a timed wait at the earliest).
Nanos Simulation::Impl::horizon(const Thread& t) const {
  Nanos h = events.nextTime();
  const Op& op = t.ops.front();
  if (op.kind != OpKind::Body || !t.pythonMode || !config.gil) return h;
  const Process& p = processes[static_cast<size_t>(t.process)];
  for (int32_t id : runners) {
    if (id == t.id) continue;
    const Thread& s = *threads[static_cast<size_t>(id)];
    OpKind k = s.ops.empty() ? OpKind::ThreadExit : s.ops.front().kind;
    bool computing = (k == OpKind::Body || k == OpKind::Work) && !s.hasPending;
    bool immediate = !computing || p.timedOutGilWaiters > 0;
    h = std::min(h, immediate ? s.clock : s.clock + p.gil.interval);
  }
  return h;
}

// Until when `t` may touch memory other threads can see: with the GIL off, threads of one
// process share the heap, so they advance in virtual-time order.
Nanos Simulation::Impl::heapHorizon(const Thread& t) const {
  Nanos h = kNever;
  if (config.gil) return h;
  for (int32_t id : runners) {
    if (id == t.id) continue;
    const Thread& s = *threads[static_cast<size_t>(id)];
    if (s.process == t.process) h = std::min(h, s.clock);
  }
  return h;
}

void Simulation::Impl::advanceRunner(Thread& t) {
  if (t.preempt) {
    t.preempt = false;
    if (runQueue.empty()) {
      scheduleSlice(t.core, t.clock + config.timeSlice);  // nobody to yield to: new slice
    } else {
      Nanos at = t.clock;
      leaveCore(t);  // the head of the run queue takes the core
      setState(t, State::Runnable, at);
      runQueue.push_back(t.id);
      return;
    }
  }
  if (t.hasPending) {
    t.hasPending = false;
    Request r = std::move(t.pending);
    serveRequest(t, r);
    return;
  }
  Op& op = t.ops.front();
  switch (op.kind) {
    case OpKind::Body: runBody(t); break;
    case OpKind::Work: {
      Nanos h = events.nextTime();
      Nanos take = op.duration;
      if (h != kNever && h > t.clock) take = std::min(take, h - t.clock);
      if (take <= 0) take = std::min<Nanos>(op.duration, 1);
      if (t.traceState != op.state) setState(t, op.state, t.clock, op.label);
      op.duration -= take;
      t.clock += take;
      t.runnerSequence = events.stampSequence();
      if (op.duration <= 0) t.ops.pop_front();
      break;
    }
    case OpKind::TakeGil: takeGil(t); break;
    case OpKind::DropGil: dropGil(t); break;
    case OpKind::Block: {
      Op b = op;
      t.ops.pop_front();
      State s = b.block == BlockOn::Io ? State::BlockedIo : State::BlockedSync;
      block(t, b.block, b.target, b.duration, s, b.label);
      break;
    }
    case OpKind::SemRecheck: semRecheck(t); break;
    case OpKind::QueueGetRecheck: queueGetRecheck(t); break;
    case OpKind::QueuePutRecheck: queuePutRecheck(t); break;
    case OpKind::PipeReadRecheck: pipeReadRecheck(t); break;
    case OpKind::PipeWriteRecheck: pipeWriteRecheck(t); break;
    case OpKind::WaitRecheck: waitRecheck(t); break;
    case OpKind::SignalStarted: {
      t.ops.pop_front();
      t.startedSignalled = true;
      if (t.startedWaiter >= 0) {
        Thread& parent = thread(t.startedWaiter);
        t.startedWaiter = -1;
        if (parent.phase == Phase::Blocked && parent.blockedOn == BlockOn::Started) {
          flow(FlowKind::SpawnToStart, parent.lane, t.spawnTime, t.lane, t.clock);
          wake(parent, t.id, true, t.clock);
        }
      }
      break;
    }
    case OpKind::ThreadExit: finishThread(t); break;
  }
}

void Simulation::Impl::runBody(Thread& t) {
  Nanos h = horizon(t);
  Nanos budget = h == kNever ? config.timeSlice : std::max<Nanos>(0, h - t.clock);
  Context ctx(*this, t);
  State running = (config.gil ? t.holdsGil : t.pythonMode) ? State::RunningPython
                                                           : State::RunningNative;
  RunResult rr = t.body->run(ctx, budget);
  if (rr.consumed > 0) {
    setState(t, running, t.clock, t.activityLabel, t.activityLine);
    t.clock += rr.consumed;
  } else if (rr.request.kind == RequestKind::None) {
    t.clock += 1;  // a body must make progress; never spin at one instant
  }
  t.runnerSequence = events.stampSequence();
  if (rr.request.kind == RequestKind::None) return;
  if (rr.consumed > 0) {
    t.hasPending = true;  // served once the thread's clock is the earliest again
    t.pending = std::move(rr.request);
  } else {
    serveRequest(t, rr.request);
  }
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Requests
//-----------------------------------------------------------------------------------------------
void Simulation::Impl::blockingCall(Thread& t, BlockOn on, int64_t target, Nanos timeout,
                                    int32_t label) {
  // Pushed in reverse onto the front: [DropGil] Block [TakeGil] then the body resumes.
  bool hadGil = t.holdsGil && config.gil;
  if (t.loopLane >= 0 && t.loopInStep && !t.loopFrozen) {
    // A blocking call inside a coroutine: the whole event loop waits with it.
    t.loopFrozen = true;
    setLaneState(t.loopLane, t.id, static_cast<int64_t>(State::LoopFrozen), label, t.clock);
  }
  if (hadGil) t.ops.push_front(Op{OpKind::TakeGil});
  Op b{OpKind::Block, on};
  b.target = target;
  b.duration = timeout;
  b.label = label;
  t.ops.push_front(b);
  if (hadGil) t.ops.push_front(Op{OpKind::DropGil});
}

void Simulation::Impl::serveRequest(Thread& t, Request& r) {
  t.result = 0;
  t.resultOk = true;
  Nanos at = t.clock;
  switch (r.kind) {
    case RequestKind::None: break;
    case RequestKind::YieldGil:
      if (config.gil && t.holdsGil) {
        t.ops.push_front(Op{OpKind::TakeGil});
        t.ops.push_front(Op{OpKind::DropGil});
      }
      break;
    case RequestKind::ReleaseGil:
      t.pythonMode = false;
      if (t.holdsGil) t.ops.push_front(Op{OpKind::DropGil});
      break;
    case RequestKind::AcquireGil:
      t.pythonMode = true;
      if (!t.holdsGil) t.ops.push_front(Op{OpKind::TakeGil});
      break;
    case RequestKind::Sleep:
      blockingCall(t, BlockOn::Io, r.device ? kDeviceIo : -1, std::max<Nanos>(0, r.duration),
                   intern(r.text.empty() ? "sleep" : r.text));
      break;
    case RequestKind::Spawn: {
      if (static_cast<int>(threads.size()) >= limits::kMaxThreads) {
        stopWith("stopped: the program started more than " +
                 std::to_string(limits::kMaxThreads) +
                 " threads (limit kMaxThreads); CPython would fail with "
                 "\"RuntimeError: can't start new thread\" near there");
        return;
      }
      ThreadSpec& spec = *r.thread;
      int32_t id = createThread(t.process, spec.name, std::move(spec.body), spec.daemon);
      Thread& child = thread(id);
      child.spawnTime = at;
      child.spawnLane = t.lane;
      // Start-up work, then the bootstrap takes the GIL and signals start() (if waited for).
      child.ops.push_back(Op{OpKind::Work, BlockOn::Nothing, State::Starting, -1,
                             config.threadStart, intern("thread start")});
      child.ops.push_back(Op{OpKind::TakeGil});
      if (spec.waitStarted) child.ops.push_back(Op{OpKind::SignalStarted});
      child.ops.push_back(Op{OpKind::Body});
      instant(child.lane, InstantKind::ThreadStart, at);
      makeRunnable(child, at);
      t.result = id;
      if (spec.waitStarted) {
        child.startedWaiter = t.id;
        blockingCall(t, BlockOn::Started, id, -1, intern("start()"));
      }
      break;
    }
    case RequestKind::SpawnProcess: {
      if (static_cast<int>(processes.size()) >= limits::kMaxProcesses) {
        stopWith("stopped: the program started more than " +
                 std::to_string(limits::kMaxProcesses) + " processes (limit kMaxProcesses)");
        return;
      }
      ProcessSpec& spec = *r.process;
      StartMethod method = config.startMethod;
      if (!spec.startMethod.empty()) parseStartMethod(spec.startMethod, &method);  // the program chose one
      int32_t pid = createProcess(t.process, spec.name, std::move(spec.mainBody), config.processStartCost(method));
      for (int32_t pipe : spec.inheritedPipeWriters) addWriteEnd(pipe, pid);
      Thread& child = thread(process(pid).mainThread);
      flow(FlowKind::SpawnToStart, t.lane, at, child.lane, at);
      t.result = pid;
      break;
    }
    case RequestKind::Join: {
      int64_t target = r.target;
      if (target < 0 || target >= static_cast<int64_t>(threads.size())) {
        t.resultOk = false;
        break;
      }
      if (thread(static_cast<int32_t>(target)).phase == Phase::Done) break;
      thread(static_cast<int32_t>(target)).joiners.push_back(t.id);
      blockingCall(t, BlockOn::Join, target, r.duration, intern("join()"));
      break;
    }
    case RequestKind::JoinProcess: {
      int64_t target = r.target;
      if (target < 0 || target >= static_cast<int64_t>(processes.size())) {
        t.resultOk = false;
        break;
      }
      Process& p = process(static_cast<int32_t>(target));
      if (p.done) {
        t.result = p.exitCode;
        break;
      }
      p.joiners.push_back(t.id);
      blockingCall(t, BlockOn::JoinProcess, target, r.duration, intern("Process.join()"));
      break;
    }
    case RequestKind::KillProcess: {
      int64_t target = r.target;
      if (target < 0 || target >= static_cast<int64_t>(processes.size()) || target == t.process) {
        t.resultOk = false;
        break;
      }
      Process& p = process(static_cast<int32_t>(target));
      if (p.done) break;
      p.exitCode = r.value;
      finishProcess(p, at);
      break;
    }
    case RequestKind::TraceLane: t.result = traceLane(t, r, at); break;
    case RequestKind::LockAcquire: lockAcquire(t, r); break;
    case RequestKind::LockRelease: lockRelease(t, r); break;
    case RequestKind::SemAcquire: semAcquire(t, r); break;
    case RequestKind::SemRelease: semRelease(t, r); break;
    case RequestKind::EventSet: eventSet(t, r); break;
    case RequestKind::EventClear:
      if (r.target >= 0 && r.target < static_cast<int64_t>(primitives.size()))
        primitives[static_cast<size_t>(r.target)].flag = false;
      break;
    case RequestKind::EventWait: eventWait(t, r); break;
    case RequestKind::QueuePut: queuePut(t, r); break;
    case RequestKind::QueueGet: queueGet(t, r); break;
    case RequestKind::PipeWrite: pipeWrite(t, r); break;
    case RequestKind::PipeRead: pipeRead(t, r); break;
    case RequestKind::PipeCloseWriter: pipeCloseWriter(t, r); break;
    case RequestKind::WaitReady: waitReady(t, r); break;
    case RequestKind::SemValue: semValue(t, r); break;
    case RequestKind::Sync: break;
    case RequestKind::Print: {
      if (outputBytes + r.text.size() > limits::kMaxOutputBytes) {
        stopWith("stopped: the program printed more than " +
                 std::to_string(limits::kMaxOutputBytes / (1024 * 1024)) +
                 " MiB of output (limit kMaxOutputBytes)");
        return;
      }
      outputBytes += r.text.size();
      // One OutputLine per line (print("a\nb") is two); text after the last newline is a
      // partial line (print(x, end="")), so the exact bytes can be rebuilt.
      uint8_t stream = static_cast<uint8_t>(r.value == 2 ? 2 : 1);
      size_t start = 0;
      while (start < r.text.size()) {
        size_t nl = r.text.find('\n', start);
        bool partial = nl == std::string::npos;
        std::string line = r.text.substr(start, partial ? std::string::npos : nl - start);
        trace.output.push_back(OutputLine{at, t.id, stream, line, partial});
        instant(t.lane, InstantKind::Output, at, -1);
        if (partial) break;
        start = nl + 1;
      }
      break;
    }
    case RequestKind::SetSwitchInterval:
      // CPython clamps to at least 1 us (ceval_gil.c: interval >= 1 ? interval : 1).
      process(t.process).gil.interval = std::max<Nanos>(kMicrosecond, r.duration);
      break;
    case RequestKind::Mark: instant(t.lane, InstantKind::Mark, at, intern(r.text)); break;
    case RequestKind::MemoryDelta: memory(process(t.process), r.value, at); break;
    case RequestKind::Abort:
      stopWith(r.text);
      return;
    case RequestKind::Exit:
      if (t.id == process(t.process).mainThread) process(t.process).exitCode = r.value;
      t.ops.clear();
      if (t.holdsGil && config.gil) t.ops.push_back(Op{OpKind::DropGil});
      if (t.id == process(t.process).mainThread && process(t.process).parent >= 0 && config.processExit > 0) {
        t.ops.push_back(Op{OpKind::Work, BlockOn::Nothing, State::RunningNative, -1, config.processExit,
                           intern("process exit")});
      }
      t.ops.push_back(Op{OpKind::ThreadExit});
      break;
  }
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Lifecycle
//-----------------------------------------------------------------------------------------------
int32_t Simulation::Impl::createThread(int32_t pid, std::string name,
                                       std::unique_ptr<ThreadBody> body, bool daemon) {
  auto t = std::make_unique<Thread>();
  t->id = static_cast<int32_t>(threads.size());
  t->process = pid;
  t->name = name.empty() ? "Thread-" + std::to_string(t->id) : std::move(name);
  t->body = std::move(body);
  t->daemon = daemon;
  Process& p = process(pid);
  std::string laneName = processes.size() > 1 || p.parent >= 0 ? p.name + " / " + t->name : t->name;
  t->lane = addLane(LaneKind::Thread, pid, t->id, laneName);
  t->traceSince = now();
  p.threads.push_back(t->id);
  ++p.liveThreads;
  if (!daemon) ++p.liveNonDaemon;
  trace.threads.push_back(ThreadInfo{t->id, pid, t->lane, t->name, now(), 0});
  ++trace.metrics.threadsStarted;
  threads.push_back(std::move(t));
  memory(p, config.threadStackBytes, now());
  return static_cast<int32_t>(threads.size() - 1);
}

int32_t Simulation::Impl::createProcess(int32_t parent, std::string name,
                                        std::unique_ptr<ThreadBody> body, Nanos startCost) {
  Process p;
  p.id = static_cast<int32_t>(processes.size());
  p.parent = parent;
  p.name = name.empty() ? (parent < 0 ? "MainProcess" : "Process-" + std::to_string(p.id)) : name;
  p.osPid = 4242 + 17 * p.id;  // stable fake pids
  p.gil.interval = config.switchInterval;
  processes.push_back(std::move(p));
  Process& proc = processes.back();
  // The free-threaded build has no GIL: no GIL lane either.
  if (config.gil) proc.gilLane = addLane(LaneKind::Gil, proc.id, -1, proc.name + " GIL");
  proc.memoryCounter = static_cast<int32_t>(trace.counters.size());
  trace.counters.push_back(Counter{"memory", proc.id, {}});
  trace.processes.push_back(ProcessInfo{proc.id, parent, proc.osPid, proc.name, proc.gilLane, now(), 0});
  ++trace.metrics.processesStarted;
  memory(proc, config.processBaseBytes, now());
  int32_t pid = proc.id;
  int32_t tid = createThread(pid, "MainThread", std::move(body), false);
  process(pid).mainThread = tid;
  Thread& t = thread(tid);
  if (startCost > 0) {
    t.ops.push_back(Op{OpKind::Work, BlockOn::Nothing, State::Starting, -1, startCost,
                       intern("process start-up")});
  }
  t.ops.push_back(Op{OpKind::TakeGil});
  t.ops.push_back(Op{OpKind::Body});
  instant(t.lane, InstantKind::ProcessStart, now());
  makeRunnable(t, now());
  return pid;
}

void Simulation::Impl::finishThread(Thread& t) {
  Nanos at = t.clock;
  Process& p = process(t.process);
  // CPython's interpreter shutdown: the main thread waits for non-daemon threads.
  if (t.id == p.mainThread && p.liveNonDaemon > 1) {
    t.ops.clear();
    Op b{OpKind::Block, BlockOn::Shutdown};
    b.label = intern("interpreter shutdown: joining threads");
    t.ops.push_back(b);
    t.ops.push_back(Op{OpKind::ThreadExit});
    advanceRunner(t);
    return;
  }
  t.ops.clear();
  leaveCore(t);
  t.phase = Phase::Done;
  closeState(t, at);
  instant(t.lane, InstantKind::ThreadEnd, at);
  trace.threads[static_cast<size_t>(t.id)].end = at;
  lastActivity = std::max(lastActivity, at);
  --p.liveThreads;
  if (!t.daemon) --p.liveNonDaemon;
  memory(p, -config.threadStackBytes, at);
  for (int32_t j : t.joiners) {
    Thread& w = thread(j);
    if (w.phase == Phase::Blocked && w.blockedOn == BlockOn::Join && w.blockTarget == t.id) {
      wakeFlow(t, w, at);
      wake(w, 0, true, at);
    }
  }
  t.joiners.clear();
  if (t.startedWaiter >= 0) {  // died before signalling start (cannot happen normally)
    Thread& w = thread(t.startedWaiter);
    t.startedWaiter = -1;
    if (w.phase == Phase::Blocked) wake(w, t.id, true, at);
  }
  // The main thread may be waiting for us at shutdown.
  if (p.liveNonDaemon == 1 && p.mainThread != t.id) {
    Thread& m = thread(p.mainThread);
    if (m.phase == Phase::Blocked && m.blockedOn == BlockOn::Shutdown) wake(m, 0, true, at);
  }
  if (t.id == p.mainThread) finishProcess(p);
}

void Simulation::Impl::finishProcess(Process& p, Nanos at) {
  if (at < 0) at = std::max(now(), thread(p.mainThread).clock);
  // Daemon threads die with the interpreter (and every thread when the process is killed).
  for (int32_t id : p.threads) {
    Thread& d = thread(id);
    if (d.phase == Phase::Done) continue;
    if (d.phase == Phase::OnCore) leaveCore(d);
    if (d.phase == Phase::Runnable) {
      auto it = std::find(runQueue.begin(), runQueue.end(), d.id);
      if (it != runQueue.end()) runQueue.erase(it);
    }
    if (d.phase == Phase::Blocked) removeWaiter(d, at);
    ++d.timerGeneration;
    d.phase = Phase::Done;
    closeState(d, at);
    trace.threads[static_cast<size_t>(d.id)].end = at;
    --p.liveThreads;
    memory(p, -config.threadStackBytes, at);
  }
  if (p.gil.locked) {
    gilSegmentClose(p, at);
    p.gil.locked = false;
  }
  p.done = true;
  memory(p, -p.memory, at);
  trace.processes[static_cast<size_t>(p.id)].end = at;
  instant(thread(p.mainThread).lane, InstantKind::ProcessEnd, at);
  for (int32_t j : p.joiners) {
    Thread& w = thread(j);
    if (w.phase == Phase::Blocked && w.blockedOn == BlockOn::JoinProcess && w.blockTarget == p.id) {
      wakeFlow(thread(p.mainThread), w, at);
      wake(w, p.exitCode, true, at);
    }
  }
  p.joiners.clear();
  wakePollers(p.sentinelWaiters, &thread(p.mainThread), at);  // its sentinel is ready
  // The kernel closes the process's descriptors: its pipes' write ends.
  for (Primitive& pipe : primitives) {
    if (pipe.kind == PrimitiveKind::Pipe && pipe.openWriteEnds > 0) closeWriteEnds(pipe, p.id, -1, &thread(p.mainThread), at);
  }
}

void Simulation::Impl::stopWith(const std::string& reason) {
  stop = reason;
  finalize();
}

}  // namespace interleave
