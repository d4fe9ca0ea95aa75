// CPython's GIL as Python/ceval_gil.c (3.11) implements it, with FORCE_SWITCHING:
//
// take_gil(t):
//   while gil.locked:
//     saved = gil.switch_number
//     timed wait on gil.cond for `interval`
//     if timed out and gil.locked and switch_number == saved: SET_GIL_DROP_REQUEST
//   gil.locked = 1; if last_holder != t: last_holder = t, ++switch_number
//   signal switch_cond; if gil_drop_request: RESET_GIL_DROP_REQUEST
// drop_gil(t):
//   gil.locked = 0; signal gil.cond (one waiter)
//   if gil_drop_request and last_holder == t: RESET_GIL_DROP_REQUEST; wait on switch_cond
//
// The holder only looks at the drop request at eval-breaker points (the body's job). A waiter
// is a blocked OS thread: a signal or a timeout makes it runnable, and it needs a core to run
// the check above, exactly like a real condition-variable wake-up.
#include <algorithm>

#include "simulation_impl.h"

namespace interleave {

void Simulation::Impl::takeGilNow(Process& p, Thread& t, Nanos at) {
  Gil& g = p.gil;
  g.locked = true;
  g.holder = t.id;
  bool handedOff = g.lastHolder != t.id;
  if (handedOff) {
    if (g.lastHolder >= 0) {
      ++trace.metrics.gilHandoffs;
      instant(p.gilLane, InstantKind::GilHandoff, at);
    }
    g.lastHolder = t.id;
    ++g.switchNumber;
  }
  gilSegmentOpen(p, t.id, at);
  t.holdsGil = true;
  t.gilWaitSince = -1;
  // COND_SIGNAL(switch_cond): the forced-switch waiter may go on.
  if (!g.switchWaiters.empty()) {
    Thread& w = thread(g.switchWaiters.front());
    g.switchWaiters.erase(g.switchWaiters.begin());
    resume(w, at);
  }
  if (g.dropRequest) g.dropRequest = false;
  // The arrow from the drop request to the thread that got the GIL because of it.
  if (g.flowPending && handedOff) {
    g.flowPending = false;
    flow(FlowKind::DropRequestToHandoff, g.dropRequestLane, g.dropRequestTime, t.lane, at);
  }
}

void Simulation::Impl::takeGil(Thread& t) {
  Nanos at = t.clock;
  if (!config.gil) {  // free-threaded build: nothing to take
    t.holdsGil = false;
    t.ops.pop_front();
    return;
  }
  Process& p = process(t.process);
  Gil& g = p.gil;
  if (t.gilTimedOut) --p.timedOutGilWaiters;
  if (!g.locked) {
    t.gilTimedOut = false;
    takeGilNow(p, t, at);
    t.ops.pop_front();
    return;
  }
  if (t.gilTimedOut && g.switchNumber == t.gilSavedSwitch && !g.dropRequest) {
    g.dropRequest = true;
    g.dropRequestTime = at;
    g.dropRequestLane = t.lane;
    g.flowPending = true;
    ++trace.metrics.dropRequests;
    instant(t.lane, InstantKind::DropRequest, at);
  }
  t.gilTimedOut = false;
  if (t.gilWaitSince < 0) t.gilWaitSince = at;
  t.gilSavedSwitch = g.switchNumber;
  g.waiters.push_back(t.id);
  // The op stays TakeGil: after a signal or a timeout the loop above runs again.
  block(t, BlockOn::GilWait, p.id, g.interval, State::WaitingGil, -1);
}

void Simulation::Impl::onGilTimeout(Thread& t) {
  Gil& g = process(t.process).gil;
  auto it = std::find(g.waiters.begin(), g.waiters.end(), t.id);
  if (it != g.waiters.end()) g.waiters.erase(it);
  t.gilTimedOut = true;
  ++process(t.process).timedOutGilWaiters;
  resume(t, now());
}

void Simulation::Impl::dropGil(Thread& t) {
  Nanos at = t.clock;
  t.ops.pop_front();
  if (!config.gil) {
    t.holdsGil = false;
    return;
  }
  Process& p = process(t.process);
  Gil& g = p.gil;
  if (!t.holdsGil) return;
  g.locked = false;
  g.holder = -1;
  t.holdsGil = false;
  gilSegmentClose(p, at);
  // COND_SIGNAL(gil->cond): one waiter wakes.
  if (!g.waiters.empty()) {
    size_t pick = 0;
    if (config.gilWaiterChoice == GilWaiterChoice::OsNoise) {
      pick = static_cast<size_t>(sim.random().below(g.waiters.size()));
    } else {
      for (size_t i = 1; i < g.waiters.size(); ++i) {
        if (thread(g.waiters[i]).gilWaitSince < thread(g.waiters[pick]).gilWaitSince) pick = i;
      }
    }
    Thread& w = thread(g.waiters[pick]);
    g.waiters.erase(g.waiters.begin() + static_cast<ptrdiff_t>(pick));
    w.gilTimedOut = false;
    resume(w, at);
  }
  // FORCE_SWITCHING: with a drop request pending, wait until another thread has taken it.
  if (g.dropRequest && g.lastHolder == t.id) {
    g.dropRequest = false;
    g.switchWaiters.push_back(t.id);
    block(t, BlockOn::GilSwitch, p.id, -1, State::WaitingGil, intern("forced switch"));
  }
}

}  // namespace interleave
