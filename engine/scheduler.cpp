// The OS scheduler: cores, a FIFO run queue, round-robin time slices, context-switch cost.
// Placement is deterministic: a woken thread goes to its last core if idle, else the
// lowest-numbered idle core, else the back of the run queue.
#include <algorithm>

#include "simulation_impl.h"

namespace interleave {

void Simulation::Impl::makeRunnable(Thread& t, Nanos at) {
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
  c.lastThread = t.id;
  t.lastCore = coreIndex;
  t.runnerSequence = events.stampSequence();
  runners.push_back(t.id);
  scheduleSlice(coreIndex, at + config.timeSlice);
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
  ++c.sliceGeneration;  // cancel the pending slice end
  int32_t coreIndex = t.core;
  t.core = -1;
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
  setState(t, state, at, label);
  if (timeout >= 0) {
    ++t.timerGeneration;
    // hrtimer expiry is rounded up by the slack; a device's completion (disk, network) is not.
    Nanos slack = timeout > 0 && !(on == BlockOn::Io && target == kDeviceIo) ? config.timerSlack : 0;
    events.push(at + timeout + slack, on == BlockOn::Io ? EventPriority::Completion : EventPriority::Timeout,
                EventPayload{EventPayload::ThreadTimer, t.id, t.timerGeneration});
  }
}

void Simulation::Impl::wake(Thread& t, int64_t result, bool ok, Nanos at) {
  ++t.timerGeneration;  // any pending timeout is now stale
  t.result = result;
  t.resultOk = ok;
  loopUnfreeze(t, at);
  makeRunnable(t, at);
}

void Simulation::Impl::resume(Thread& t, Nanos at) {
  ++t.timerGeneration;
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
