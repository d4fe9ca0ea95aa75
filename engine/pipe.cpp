// Pipes and select/poll: the transport under multiprocessing's Queue, SimpleQueue, Pipe and the
// process pool (the language layer keeps the values; a pipe carries their tokens and sizes).
//  - A pipe holds messages up to MachineConfig::pipeCapacity bytes. write() blocks while the pipe is full
//    (a message larger than the capacity goes into an empty pipe whole, where Linux would
//    write it in parts as the reader drains it); read() takes the oldest message or blocks.
//  - Linux wakes one blocked reader per write (pipe_read's exclusive wait) and every thread in
//    select/poll on the pipe; a read that frees space wakes one blocked writer.
//  - WaitReady is select/poll over pipes and process sentinels (ready once the process ended).
//  - Each process holds a count of a pipe's write ends (one at creation, more when a fork copies
//    them); closing one, or the process ending, drops it. With none left anywhere, a read of the
//    empty pipe returns end-of-file and select/poll reports it ready, as Linux does.
#include <algorithm>

#include "simulation_impl.h"

namespace interleave {

namespace {
// WaitReady's result is a 64-bit mask (multiprocessing.connection.wait checks the count).
constexpr size_t kMaxWaitTargets = 64;

Primitive* findPipe(std::vector<Primitive>& ps, int64_t id) {
  if (id < 0 || id >= static_cast<int64_t>(ps.size())) return nullptr;
  Primitive& p = ps[static_cast<size_t>(id)];
  return p.kind == PrimitiveKind::Pipe ? &p : nullptr;
}

void erase(std::vector<int32_t>& list, int32_t id) {
  auto it = std::find(list.begin(), list.end(), id);
  if (it != list.end()) list.erase(it);
}
}  // namespace

int32_t Simulation::createPipe(int32_t process) {
  Primitive p;
  p.kind = PrimitiveKind::Pipe;
  p.writeEnds.emplace_back(process, 1);
  p.openWriteEnds = 1;
  impl_->primitives.push_back(std::move(p));
  return static_cast<int32_t>(impl_->primitives.size() - 1);
}

void Simulation::addPipeWriter(int32_t pipe, int32_t process) { impl_->addWriteEnd(pipe, process); }

void Simulation::Impl::addWriteEnd(int32_t pipe, int32_t process) {
  Primitive* p = findPipe(primitives, pipe);
  if (!p) return;
  ++p->openWriteEnds;
  for (auto& [proc, n] : p->writeEnds) {
    if (proc == process) {
      ++n;
      return;
    }
  }
  p->writeEnds.emplace_back(process, 1);
}

void Simulation::Impl::pipeCloseWriter(Thread& t, const Request& r) {
  Primitive* p = findPipe(primitives, r.target);
  if (!p) { t.resultOk = false; return; }
  closeWriteEnds(*p, t.process, 1, &t, t.clock);
}

void Simulation::Impl::closeWriteEnds(Primitive& p, int32_t process, int64_t n, Thread* closer, Nanos at) {
  for (auto& [proc, count] : p.writeEnds) {
    if (proc != process || count == 0) continue;
    int64_t drop = n < 0 ? count : std::min<int64_t>(n, count);
    count -= static_cast<int32_t>(drop);
    p.openWriteEnds -= drop;
  }
  if (p.openWriteEnds > 0 || !p.items.empty()) return;
  // End-of-file: every blocked reader returns (and sees it on its recheck).
  while (!p.waiters.empty()) {
    Thread& w = thread(p.waiters.front());
    p.waiters.pop_front();
    if (closer) wakeFlow(*closer, w, at);
    wake(w, 0, true, at);
  }
  wakePollers(p.pollers, closer, at);
}

// --- write / read --------------------------------------------------------------------------
void Simulation::Impl::pipeWrite(Thread& t, const Request& r) {
  Primitive* p = findPipe(primitives, r.target);
  if (!p) { t.resultOk = false; return; }
  int64_t size = std::max<int64_t>(0, r.size);
  if (p->bytes > 0 && p->bytes + size > config.pipeCapacity) {
    if (!r.blocking) { t.resultOk = false; return; }
    p->putWaiters.push_back(t.id);
    notePrimitive(*p, t.clock);
    Op recheck{OpKind::PipeWriteRecheck, BlockOn::Nothing, State::Runnable, r.target};
    t.pipeToken = r.value;
    t.pipeSize = size;
    t.ops.push_front(recheck);
    blockingCall(t, BlockOn::PipeWrite, r.target, -1, intern("pipe write (pipe full)"));
    return;
  }
  p->items.push_back(r.value);
  p->sizes.push_back(size);
  p->bytes += size;
  Nanos at = t.clock;
  notePrimitive(*p, at);
  if (!p->waiters.empty()) {
    Thread& w = thread(p->waiters.front());
    p->waiters.pop_front();
    wakeFlow(t, w, at);
    wake(w, 0, true, at);
  }
  wakePollers(p->pollers, &t, at);
}

void Simulation::Impl::pipeWriteRecheck(Thread& t) {
  Op op = t.ops.front();
  t.ops.pop_front();
  Request again;
  again.target = op.target;
  again.value = t.pipeToken;
  again.size = t.pipeSize;
  pipeWrite(t, again);
}

void Simulation::Impl::pipeRead(Thread& t, const Request& r) {
  pipeReadLabelled(t, r, intern(r.text.empty() ? "pipe read" : r.text));
}

void Simulation::Impl::pipeReadLabelled(Thread& t, const Request& r, int32_t label) {
  Primitive* p = findPipe(primitives, r.target);
  if (!p) { t.resultOk = false; return; }
  if (!p->items.empty()) {
    t.result = p->items.front();
    p->bytes -= p->sizes.front();
    p->items.pop_front();
    p->sizes.pop_front();
    notePrimitive(*p, t.clock);
    if (!p->putWaiters.empty()) {
      Thread& w = thread(p->putWaiters.front());
      int64_t need = w.pipeSize;
      if (p->bytes == 0 || p->bytes + need <= config.pipeCapacity) {
        p->putWaiters.pop_front();
        wakeFlow(t, w, t.clock);
        wake(w, 0, true, t.clock);
      }
    }
    return;
  }
  if (p->openWriteEnds == 0) {  // end-of-file
    t.result = kPipeEndOfFile;
    t.resultOk = false;
    return;
  }
  if (!r.blocking || r.duration == 0) { t.resultOk = false; return; }
  p->waiters.push_back(t.id);
  notePrimitive(*p, t.clock);
  Op recheck{OpKind::PipeReadRecheck, BlockOn::Nothing, State::Runnable, r.target};
  recheck.label = label;
  t.ops.push_front(recheck);
  blockingCall(t, BlockOn::PipeRead, r.target, r.duration, label);
}

void Simulation::Impl::pipeReadRecheck(Thread& t) {
  Op op = t.ops.front();
  t.ops.pop_front();
  if (!t.resultOk) return;  // timed out
  Request again;
  again.target = op.target;
  again.duration = -1;
  pipeReadLabelled(t, again, op.label);
}

// --- select / poll -------------------------------------------------------------------------
int64_t Simulation::Impl::readyMask(const std::vector<int64_t>& targets) {
  int64_t mask = 0;
  for (size_t i = 0; i < targets.size() && i < kMaxWaitTargets; ++i) {
    int64_t id = targets[i];
    bool ready = false;
    if (id >= 0) {
      Primitive* p = findPipe(primitives, id);
      ready = p && (!p->items.empty() || p->openWriteEnds == 0);
    } else {
      int64_t pid = -1 - id;
      ready = pid < static_cast<int64_t>(processes.size()) && process(static_cast<int32_t>(pid)).done;
    }
    if (ready) mask |= int64_t{1} << i;
  }
  return mask;
}

void Simulation::Impl::leaveWaitTargets(Thread& t) {
  for (int64_t id : t.waitTargets) {
    if (id >= 0) {
      if (Primitive* p = findPipe(primitives, id)) erase(p->pollers, t.id);
    } else if (-1 - id < static_cast<int64_t>(processes.size())) {
      erase(process(static_cast<int32_t>(-1 - id)).sentinelWaiters, t.id);
    }
  }
}

void Simulation::Impl::wakePollers(std::vector<int32_t>& pollers, Thread* waker, Nanos at) {
  if (pollers.empty()) return;
  std::vector<int32_t> woken;
  woken.swap(pollers);
  for (int32_t id : woken) {
    Thread& w = thread(id);
    if (w.phase != Phase::Blocked || w.blockedOn != BlockOn::WaitReady) continue;
    leaveWaitTargets(w);
    if (waker) wakeFlow(*waker, w, at);
    wake(w, 0, true, at);
  }
}

void Simulation::Impl::waitReady(Thread& t, const Request& r) {
  if (r.targets.empty() || r.targets.size() > kMaxWaitTargets) { t.resultOk = false; return; }
  int64_t mask = readyMask(r.targets);
  if (mask != 0 || r.duration == 0) {
    t.result = mask;
    return;
  }
  for (int64_t id : r.targets) {
    if (id >= 0) {
      if (Primitive* p = findPipe(primitives, id)) p->pollers.push_back(t.id);
    } else if (-1 - id < static_cast<int64_t>(processes.size())) {
      process(static_cast<int32_t>(-1 - id)).sentinelWaiters.push_back(t.id);
    }
  }
  t.waitTargets = r.targets;
  t.waitDeadline = r.duration < 0 ? -1 : t.clock + r.duration;
  t.ops.push_front(Op{OpKind::WaitRecheck});
  blockingCall(t, BlockOn::WaitReady, -1, r.duration, intern(r.text.empty() ? "wait()" : r.text));
}

void Simulation::Impl::waitRecheck(Thread& t) {
  t.ops.pop_front();
  int64_t mask = readyMask(t.waitTargets);
  bool timedOut = !t.resultOk || (t.waitDeadline >= 0 && t.clock >= t.waitDeadline);
  if (mask != 0 || timedOut) {
    t.result = mask;
    t.resultOk = true;
    t.waitTargets.clear();
    return;
  }
  // Woken, but another reader took the message first: wait for the rest of the timeout.
  Request again;
  again.targets = std::move(t.waitTargets);
  again.duration = t.waitDeadline < 0 ? -1 : t.waitDeadline - t.clock;
  waitReady(t, again);
}

void Simulation::Impl::semValue(Thread& t, const Request& r) {
  if (r.target < 0 || r.target >= static_cast<int64_t>(primitives.size()) ||
      primitives[static_cast<size_t>(r.target)].kind != PrimitiveKind::Semaphore) {
    t.resultOk = false;
    return;
  }
  t.result = primitives[static_cast<size_t>(r.target)].count;
}

}  // namespace interleave
