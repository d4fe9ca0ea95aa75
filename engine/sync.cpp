// Blocking primitives with CPython's wake-up orders:
//  - Lock / RLock: FIFO hand-off. release() gives the lock to the longest waiter directly.
//  - Semaphore: threading.Semaphore is a Condition; release() notifies the first waiter, which
//    must re-take the GIL and re-check `value` -- a running thread can barge in first, and a
//    waiter that loses goes to the back (Condition.wait appends a fresh waiter).
//  - Event: set() wakes every waiter, in the order they waited.
//  - Queue (queue.Queue): not_empty / not_full conditions, same barging as Semaphore.
// Any blocking call releases the GIL first and re-takes it after (blockingCall).
// Every change to a primitive that is a traced resource is recorded (notePrimitive): that never
// changes the run.
#include <algorithm>

#include "simulation_impl.h"

namespace interleave {

namespace {
Primitive* find(std::vector<Primitive>& ps, int64_t id, PrimitiveKind kind) {
  if (id < 0 || id >= static_cast<int64_t>(ps.size())) return nullptr;
  Primitive& p = ps[static_cast<size_t>(id)];
  return p.kind == kind ? &p : nullptr;
}
}  // namespace

void Simulation::Impl::wakeFlow(Thread& waker, Thread& woken, Nanos at) {
  flow(FlowKind::WakeUp, waker.lane, at, woken.lane, at);
}

void Simulation::Impl::removeWaiter(Thread& t, Nanos at) {
  if (at < 0) at = now();
  auto drop = [&](auto& list) {
    auto it = std::find(list.begin(), list.end(), t.id);
    if (it != list.end()) list.erase(it);
  };
  switch (t.blockedOn) {
    case BlockOn::Lock: case BlockOn::Semaphore: case BlockOn::Event: case BlockOn::QueueGet:
      if (t.blockTarget >= 0 && t.blockTarget < static_cast<int64_t>(primitives.size())) {
        Primitive& p = primitives[static_cast<size_t>(t.blockTarget)];
        drop(p.waiters);
        notePrimitive(p, at);
      }
      break;
    case BlockOn::QueuePut:
      if (t.blockTarget >= 0 && t.blockTarget < static_cast<int64_t>(primitives.size())) {
        Primitive& p = primitives[static_cast<size_t>(t.blockTarget)];
        drop(p.putWaiters);
        notePrimitive(p, at);
      }
      break;
    case BlockOn::Join:
      if (t.blockTarget >= 0) drop(thread(static_cast<int32_t>(t.blockTarget)).joiners);
      break;
    case BlockOn::JoinProcess:
      if (t.blockTarget >= 0) drop(process(static_cast<int32_t>(t.blockTarget)).joiners);
      break;
    case BlockOn::GilWait:
      drop(process(t.process).gil.waiters);
      break;
    case BlockOn::GilSwitch:
      drop(process(t.process).gil.switchWaiters);
      break;
    case BlockOn::PipeRead:
      if (t.blockTarget >= 0 && t.blockTarget < static_cast<int64_t>(primitives.size()))
        drop(primitives[static_cast<size_t>(t.blockTarget)].waiters);
      break;
    case BlockOn::PipeWrite:
      if (t.blockTarget >= 0 && t.blockTarget < static_cast<int64_t>(primitives.size()))
        drop(primitives[static_cast<size_t>(t.blockTarget)].putWaiters);
      break;
    case BlockOn::WaitReady:
      leaveWaitTargets(t);
      break;
    default: break;
  }
}

// --- Lock / RLock --------------------------------------------------------------------------
void Simulation::Impl::lockAcquire(Thread& t, const Request& r) {
  Primitive* p = find(primitives, r.target, PrimitiveKind::Lock);
  if (!p) { t.resultOk = false; return; }
  if (p->owner < 0) {
    p->owner = t.id;
    p->count = 1;
    t.result = 1;
    notePrimitive(*p, t.clock);
    return;
  }
  if (p->reentrant && p->owner == t.id) {
    ++p->count;
    t.result = 1;
    notePrimitive(*p, t.clock);
    return;
  }
  if (!r.blocking || r.duration == 0) { t.result = 0; return; }
  p->waiters.push_back(t.id);
  notePrimitive(*p, t.clock);
  blockingCall(t, BlockOn::Lock, r.target, r.duration, intern("Lock.acquire()"));
}

void Simulation::Impl::lockRelease(Thread& t, const Request& r) {
  Primitive* p = find(primitives, r.target, PrimitiveKind::Lock);
  // Releasing an unlocked lock (or an RLock we do not own) is CPython's RuntimeError.
  if (!p || p->owner < 0 || (p->reentrant && p->owner != t.id)) { t.resultOk = false; return; }
  Nanos at = t.clock;
  if (p->reentrant && --p->count > 0) {
    notePrimitive(*p, at);
    return;
  }
  if (p->waiters.empty()) {
    p->owner = -1;
    p->count = 0;
    notePrimitive(*p, at);
    return;
  }
  Thread& w = thread(p->waiters.front());
  p->waiters.pop_front();
  p->owner = w.id;
  p->count = 1;
  notePrimitive(*p, at);
  wakeFlow(t, w, at);
  wake(w, 1, true, at);
}

// --- Semaphore -----------------------------------------------------------------------------
void Simulation::Impl::semAcquire(Thread& t, const Request& r) {
  Primitive* p = find(primitives, r.target, PrimitiveKind::Semaphore);
  if (!p) { t.resultOk = false; return; }
  if (p->count > 0) {
    --p->count;
    t.result = 1;
    notePrimitive(*p, t.clock);
    return;
  }
  if (!r.blocking || r.duration == 0) { t.result = 0; return; }
  p->waiters.push_back(t.id);
  notePrimitive(*p, t.clock);
  // After the wake-up (and re-taking the GIL) the waiter re-checks the value.
  t.ops.push_front(Op{OpKind::SemRecheck, BlockOn::Nothing, State::Runnable, r.target});
  blockingCall(t, BlockOn::Semaphore, r.target, r.duration, intern("Semaphore.acquire()"));
}

void Simulation::Impl::semRecheck(Thread& t) {
  int64_t id = t.ops.front().target;
  t.ops.pop_front();
  if (!t.resultOk) { t.result = 0; return; }  // timed out
  Primitive* p = find(primitives, id, PrimitiveKind::Semaphore);
  if (p->count > 0) {
    --p->count;
    t.result = 1;
    notePrimitive(*p, t.clock);
    return;
  }
  // Lost to a barging thread: wait again at the back.
  Request again;
  again.target = id;
  again.duration = -1;
  semAcquire(t, again);
}

void Simulation::Impl::semRelease(Thread& t, const Request& r) {
  Primitive* p = find(primitives, r.target, PrimitiveKind::Semaphore);
  if (!p) { t.resultOk = false; return; }
  ++p->count;
  if (!p->waiters.empty()) {
    Thread& w = thread(p->waiters.front());
    p->waiters.pop_front();
    notePrimitive(*p, t.clock);
    wakeFlow(t, w, t.clock);
    wake(w, 1, true, t.clock);
    return;
  }
  notePrimitive(*p, t.clock);
}

// --- Event ---------------------------------------------------------------------------------
void Simulation::Impl::eventSet(Thread& t, const Request& r) {
  Primitive* p = find(primitives, r.target, PrimitiveKind::Event);
  if (!p) { t.resultOk = false; return; }
  p->flag = true;
  std::deque<int32_t> waiters;
  waiters.swap(p->waiters);
  for (int32_t id : waiters) {
    Thread& w = thread(id);
    wakeFlow(t, w, t.clock);
    wake(w, 1, true, t.clock);
  }
}

void Simulation::Impl::eventWait(Thread& t, const Request& r) {
  Primitive* p = find(primitives, r.target, PrimitiveKind::Event);
  if (!p) { t.resultOk = false; return; }
  if (p->flag) { t.result = 1; return; }
  if (r.duration == 0) { t.result = 0; return; }
  p->waiters.push_back(t.id);
  blockingCall(t, BlockOn::Event, r.target, r.duration, intern("Event.wait()"));
}

// --- Queue ---------------------------------------------------------------------------------
void Simulation::Impl::queuePut(Thread& t, const Request& r) {
  Primitive* p = find(primitives, r.target, PrimitiveKind::Queue);
  if (!p) { t.resultOk = false; return; }
  if (p->maxsize > 0 && static_cast<int64_t>(p->items.size()) >= p->maxsize) {
    if (!r.blocking || r.duration == 0) { t.resultOk = false; return; }  // queue.Full
    p->putWaiters.push_back(t.id);
    notePrimitive(*p, t.clock);
    t.result = r.value;  // the item travels with the waiter
    Op recheck{OpKind::QueuePutRecheck, BlockOn::Nothing, State::Runnable, r.target};
    recheck.duration = r.value;  // item
    t.ops.push_front(recheck);
    blockingCall(t, BlockOn::QueuePut, r.target, r.duration, intern("Queue.put()"));
    return;
  }
  p->items.push_back(r.value);
  if (!p->waiters.empty()) {  // not_empty.notify()
    Thread& w = thread(p->waiters.front());
    p->waiters.pop_front();
    notePrimitive(*p, t.clock);
    wakeFlow(t, w, t.clock);
    wake(w, 0, true, t.clock);
    return;
  }
  notePrimitive(*p, t.clock);
}

void Simulation::Impl::queuePutRecheck(Thread& t) {
  Op op = t.ops.front();
  t.ops.pop_front();
  if (!t.resultOk) return;  // timed out: queue.Full
  Request again;
  again.target = op.target;
  again.value = op.duration;
  again.duration = -1;
  queuePut(t, again);
}

void Simulation::Impl::queueGet(Thread& t, const Request& r) {
  Primitive* p = find(primitives, r.target, PrimitiveKind::Queue);
  if (!p) { t.resultOk = false; return; }
  if (!p->items.empty()) {
    t.result = p->items.front();
    p->items.pop_front();
    notePrimitive(*p, t.clock);
    if (!p->putWaiters.empty()) {  // not_full.notify()
      Thread& w = thread(p->putWaiters.front());
      p->putWaiters.pop_front();
      notePrimitive(*p, t.clock);
      wakeFlow(t, w, t.clock);
      wake(w, 0, true, t.clock);
    }
    return;
  }
  if (!r.blocking || r.duration == 0) { t.resultOk = false; return; }  // queue.Empty
  p->waiters.push_back(t.id);
  notePrimitive(*p, t.clock);
  t.ops.push_front(Op{OpKind::QueueGetRecheck, BlockOn::Nothing, State::Runnable, r.target});
  blockingCall(t, BlockOn::QueueGet, r.target, r.duration, intern("Queue.get()"));
}

void Simulation::Impl::queueGetRecheck(Thread& t) {
  int64_t id = t.ops.front().target;
  t.ops.pop_front();
  if (!t.resultOk) return;  // timed out: queue.Empty
  Request again;
  again.target = id;
  again.duration = -1;
  queueGet(t, again);
}

}  // namespace interleave
