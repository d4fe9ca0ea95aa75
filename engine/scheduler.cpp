// The OS scheduler: cores, a FIFO run queue, round-robin time slices, context-switch cost.
// Placement is deterministic: a woken thread goes to its last core if idle, else the
// lowest-numbered idle core, else the back of the run queue.
#include <algorithm>

#include "simulation_impl.h"

namespace interleave {

void Simulation::Impl::makeRunnable(Thread& t, Nanos at) {
  if (t.phase == Phase::Blocked) refillAfterOtherProcess(t, at);
  t.phase = Phase::Runnable;
  t.blockedOn = BlockOn::Nothing;
  setState(t, State::Runnable, at);
  int32_t chosen = -1;
  if (t.lastCore >= 0 && cores[static_cast<size_t>(t.lastCore)].thread < 0) {
    chosen = t.lastCore;
  } else {
    for (size_t i = 0; i < cores.size(); ++i) {
      if (cores[i].thread < 0) {
        chosen = static_cast<int32_t>(i);
        break;
      }
    }
  }
  if (chosen >= 0) {
    dispatch(chosen, t, at);
  } else {
    runQueue.push_back(t.id);
  }
}

void Simulation::Impl::dispatch(int32_t coreIndex, Thread& t, Nanos at) {
  Core& c = cores[static_cast<size_t>(coreIndex)];
  c.thread = t.id;
  t.core = coreIndex;
  t.phase = Phase::OnCore;
  t.clock = at;
  // Every dispatch is a context switch (from another thread, or waking from idle).
  {
    coreSegment(c, t.id, State::ContextSwitch, at, -1, -1);
    t.clock = at + config.contextSwitch;
    ++trace.metrics.contextSwitches;
  }
  ++process(t.process).onCore;
  if (t.burstStart < 0) t.burstStart = t.clock;
  c.lastThread = t.id;
  t.lastCore = coreIndex;
  t.runnerSequence = events.stampSequence();
  runners.push_back(t.id);
  scheduleSlice(coreIndex, at + config.timeSlice);
}

// A thread woken from a wait during which another process ran reloads its working set first:
// the other process's data evicted it from the caches and the TLB. Threads of one process
// share their working set, so a program of one process never pays this. What it reloads is
// estimated by how long it ran before the wait (a short burst touched little), up to the
// measured cost. The reload is the thread's own code running slowly: CPU time, with the GIL
// when the thread runs Python. It comes on top of an idle core's exit latency: the two were
// measured apart (process_switch.py on one core, where nothing idles; lock_wake_cost.py between
// threads of one process, where nothing needs reloading).
void Simulation::Impl::refillAfterOtherProcess(Thread& t, Nanos at) {
  if (config.crossProcessRefill <= 0) return;
  bool otherRan = false;
  for (const Process& p : processes) {
    if (p.id != t.process && (p.onCore > 0 || p.lastOffCore > t.blockedSince)) otherRan = true;
  }
  if (!otherRan) return;
  auto body = std::find_if(t.ops.begin(), t.ops.end(), [](const Op& op) { return op.kind == OpKind::Body; });
  if (body == t.ops.end()) return;  // ending: nothing of its own left to run
  Nanos cost = std::min(config.crossProcessRefill, t.lastBurst * config.refillPercentOfBurst / 100);
  if (cost <= 0) return;
  Op refill{OpKind::Work, BlockOn::Nothing, t.pythonMode && config.gil ? State::RunningPython : State::RunningNative,
            -1, cost, intern("cache refill: another process ran meanwhile")};
  t.ops.insert(body, refill);
  t.refilled += cost;
  (void)at;
}

void Simulation::Impl::scheduleSlice(int32_t coreIndex, Nanos at) {
  Core& c = cores[static_cast<size_t>(coreIndex)];
  ++c.sliceGeneration;
  events.push(at, EventPriority::Scheduler, EventPayload{EventPayload::SliceEnd, coreIndex, c.sliceGeneration});
}

// Takes `t` off its core at its clock; the core picks the next runnable thread.
void Simulation::Impl::leaveCore(Thread& t) {
  if (t.core < 0) return;
  Core& c = cores[static_cast<size_t>(t.core)];
  Nanos at = t.clock;
  coreIdle(c, at);
  c.thread = -1;
  c.idleSince = at;
  ++c.sliceGeneration;  // cancel the pending slice end
  int32_t coreIndex = t.core;
  t.core = -1;
  Process& p = process(t.process);
  --p.onCore;
  p.lastOffCore = at;
  runners.erase(std::find(runners.begin(), runners.end(), t.id));
  if (t.phase == Phase::OnCore) t.phase = Phase::Runnable;
  if (!runQueue.empty()) {
    int32_t next = runQueue.front();
    runQueue.pop_front();
    dispatch(coreIndex, thread(next), at);
  }
}

void Simulation::Impl::block(Thread& t, BlockOn on, int64_t target, Nanos timeout, State state,
                             int32_t label) {
  Nanos at = t.clock;
  leaveCore(t);
  t.phase = Phase::Blocked;
  t.blockedOn = on;
  t.blockTarget = target;
  t.blockedSince = at;
  if (t.burstStart >= 0) t.lastBurst = std::max<Nanos>(0, at - t.burstStart - t.refilled);
  t.burstStart = -1;
  t.refilled = 0;
  setState(t, state, at, label);
  if (timeout >= 0) {
    ++t.timerGeneration;
    // hrtimer expiry is rounded up by the slack; a device's completion (disk, network) is not.
    Nanos slack = timeout > 0 && !(on == BlockOn::Io && target == kDeviceIo) ? config.timerSlack : 0;
    events.push(at + timeout + slack, on == BlockOn::Io ? EventPriority::Completion : EventPriority::Timeout,
                EventPayload{EventPayload::ThreadTimer, t.id, t.timerGeneration});
  }
}

// A thread woken onto an idle core starts after the core's idle-exit latency (the IPI, the
// vCPU's halt), which grows a little with how long the core idled. Every program pays it: a
// lock, a queue, a pipe, a sleep or the GIL handing a thread to an idle core
// (engine/machine_config.h, lock_wake_cost.py). Returns false (nothing done) when no core is
// idle or the latency is nil: the caller wakes the thread now.
bool Simulation::Impl::wakeAfterIdleExit(Thread& w, Nanos at) {
  Nanos delay = idleExitDelay(w, at);
  if (delay <= 0) return false;
  ++w.timerGeneration;
  w.blockedOn = BlockOn::WakingUp;
  events.push(at + delay, EventPriority::Wake, EventPayload{EventPayload::ThreadTimer, w.id, w.timerGeneration});
  return true;
}

Nanos Simulation::Impl::idleExitDelay(const Thread& w, Nanos at) {
  int32_t core = -1;
  if (w.lastCore >= 0 && cores[static_cast<size_t>(w.lastCore)].thread < 0) {
    core = w.lastCore;
  } else {
    for (size_t i = 0; i < cores.size(); ++i) {
      if (cores[i].thread < 0) {
        core = static_cast<int32_t>(i);
        break;
      }
    }
  }
  if (core < 0) return 0;  // every core busy: it waits in the run queue instead
  Nanos idle = std::max<Nanos>(0, at - cores[static_cast<size_t>(core)].idleSince);
  return std::min(config.idleWakeupMax, config.idleWakeupFixed + idle * config.idleWakeupPercent / 100);
}

void Simulation::Impl::wake(Thread& t, int64_t result, bool ok, Nanos at) {
  ++t.timerGeneration;  // any pending timeout is now stale
  t.result = result;
  t.resultOk = ok;
  if (t.phase == Phase::Blocked && wakeAfterIdleExit(t, at)) return;
  loopUnfreeze(t, at);
  makeRunnable(t, at);
}

void Simulation::Impl::resume(Thread& t, Nanos at) {
  ++t.timerGeneration;
  if (t.phase == Phase::Blocked && t.blockedOn != BlockOn::WakingUp && wakeAfterIdleExit(t, at)) {
    return;
  }
  loopUnfreeze(t, at);
  makeRunnable(t, at);
}

void Simulation::Impl::onSliceEnd(int32_t coreIndex, uint32_t generation) {
  Core& c = cores[static_cast<size_t>(coreIndex)];
  if (generation != c.sliceGeneration || c.thread < 0) return;
  if (!runQueue.empty()) {
    thread(c.thread).preempt = true;  // honoured at the runner's next step
  } else {
    scheduleSlice(coreIndex, now() + config.timeSlice);
  }
}

void Simulation::Impl::onThreadTimer(int32_t threadId, uint32_t generation) {
  Thread& t = thread(threadId);
  if (generation != t.timerGeneration || t.phase != Phase::Blocked) return;
  switch (t.blockedOn) {
    case BlockOn::Io:
      wake(t, 0, true, now());
      break;
    case BlockOn::WakingUp:  // woken onto an idle core: its exit latency has passed
      loopUnfreeze(t, now());
      makeRunnable(t, now());
      break;
    case BlockOn::GilWait:
      onGilTimeout(t);
      break;
    default:
      // A timeout on a lock, semaphore, event, queue or join: leave the waiter list.
      removeWaiter(t);
      wake(t, 0, false, now());
      break;
  }
}

}  // namespace interleave
