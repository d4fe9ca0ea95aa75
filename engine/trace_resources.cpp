// Resources: the synchronisation objects a program made (locks, semaphores, queues) and their
// state over time (Trace::resources), for the playback panel's "lock owners and queue contents".
// The engine records the primitives it implements (threading.Lock/RLock, multiprocessing's
// queues and locks) at every change; the language layer records the objects that are library
// Python (queue.Queue, threading.Semaphore, asyncio's) through recordResource. Recording only
// appends to the trace: no virtual time, no event, no change to what runs.
#include <algorithm>

#include "simulation_impl.h"

namespace interleave {

namespace {
constexpr const char* kKindNames[] = {
    "threading.Lock", "threading.RLock", "threading.Semaphore", "threading.BoundedSemaphore",
    "queue.Queue", "queue.LifoQueue", "queue.PriorityQueue", "queue.SimpleQueue",
    "multiprocessing.Queue", "multiprocessing.SimpleQueue", "multiprocessing.Lock", "multiprocessing.RLock",
    "asyncio.Lock", "asyncio.Semaphore", "asyncio.BoundedSemaphore", "asyncio.Queue",
};
static_assert(sizeof(kKindNames) / sizeof(kKindNames[0]) == static_cast<size_t>(ResourceKind::Count));
}  // namespace

const char* resourceKindName(ResourceKind k) {
  return k < ResourceKind::Count ? kKindNames[static_cast<size_t>(k)] : "unknown";
}

bool resourceIsQueue(ResourceKind k) {
  switch (k) {
    case ResourceKind::Queue: case ResourceKind::LifoQueue: case ResourceKind::PriorityQueue:
    case ResourceKind::SimpleQueue: case ResourceKind::MpQueue: case ResourceKind::MpSimpleQueue:
    case ResourceKind::AsyncQueue:
      return true;
    default:
      return false;
  }
}

ResourceKind resourceKindFromName(const std::string& name) {
  for (size_t i = 0; i < static_cast<size_t>(ResourceKind::Count); ++i) {
    if (name == kKindNames[i]) return static_cast<ResourceKind>(i);
  }
  return ResourceKind::Count;
}

//-----------------------------------------------------------------------------------------------
// Simulation's API
//-----------------------------------------------------------------------------------------------
int32_t Simulation::addResource(ResourceKind kind, const std::string& name, int32_t process,
                                int32_t line, Nanos created, int64_t capacity) {
  if (trace_.resources.size() >= kMaxResources) {
    ++trace_.resourcesUnrecorded;
    return -1;
  }
  Resource r;
  r.id = static_cast<int32_t>(trace_.resources.size());
  r.kind = kind;
  int32_t& uses = impl_->resourceNames[name];
  r.name = ++uses == 1 ? name : name + " #" + std::to_string(uses);
  r.process = process;
  r.line = line;
  r.created = created;
  r.capacity = capacity;
  trace_.resources.push_back(std::move(r));
  impl_->resourceLast.emplace_back();  // used once the history is full
  return trace_.resources.back().id;
}

void Simulation::tracePrimitive(int32_t primitive, int32_t resource, Nanos at) {
  if (primitive < 0 || primitive >= static_cast<int32_t>(impl_->primitives.size())) return;
  if (resource < 0 || resource >= static_cast<int32_t>(trace_.resources.size())) return;
  Primitive& p = impl_->primitives[static_cast<size_t>(primitive)];
  p.resource = resource;
  impl_->recordPrimitive(p, at);
}

void Simulation::recordResource(int32_t resource, ResourceState state) {
  impl_->recordResource(resource, std::move(state));
}

bool Simulation::resourceFull(int32_t resource) const {
  return resource >= 0 && resource < static_cast<int32_t>(trace_.resources.size()) &&
         trace_.resources[static_cast<size_t>(resource)].truncatedAt >= 0;
}

void Simulation::setItemRepr(std::function<std::string(int64_t)> repr) { impl_->itemRepr = std::move(repr); }

int32_t Simulation::lockOwner(int32_t primitive) const {
  if (primitive < 0 || primitive >= static_cast<int32_t>(impl_->primitives.size())) return -1;
  const Primitive& p = impl_->primitives[static_cast<size_t>(primitive)];
  return p.kind == PrimitiveKind::Lock ? p.owner : -1;
}

int32_t Simulation::threadLane(int32_t id) const {
  if (id < 0 || id >= static_cast<int32_t>(impl_->threads.size())) return -1;
  return impl_->threads[static_cast<size_t>(id)]->lane;
}

//-----------------------------------------------------------------------------------------------
// Recording
//-----------------------------------------------------------------------------------------------
void Simulation::Impl::recordResource(int32_t id, ResourceState s) {
  if (id < 0 || id >= static_cast<int32_t>(trace.resources.size())) return;
  Resource& r = trace.resources[static_cast<size_t>(id)];
  std::vector<ResourceState>& h = r.history;
  if (r.truncatedAt >= 0) {
    // Past the history limit: only changes are counted (against the last state observed).
    ResourceState& last = resourceLast[static_cast<size_t>(id)];
    if (last.sameAs(s)) return;
    ++r.changes;
    last = std::move(s);
    return;
  }
  if (!h.empty() && h.back().sameAs(s)) return;
  ++r.changes;
  // Two changes at the same instant: the later one is the state from then on (and if that is
  // the state before, the instant changed nothing).
  if (!h.empty() && h.back().time == s.time) {
    h.back() = std::move(s);
    if (h.size() >= 2 && h[h.size() - 2].sameAs(h.back())) {
      h.pop_back();
      --resourceStates;
    }
    return;
  }
  if (h.size() >= kMaxResourceHistory || resourceStates >= kMaxResourceStatesTotal) {
    r.truncatedAt = s.time;
    resourceLast[static_cast<size_t>(id)] = std::move(s);
    return;
  }
  // States normally come in time order; a runner ahead of others (processes run to their own
  // horizons) may report one a little earlier: keep the history sorted.
  if (!h.empty() && s.time < h.back().time) {
    auto at = std::upper_bound(h.begin(), h.end(), s.time,
                               [](Nanos t, const ResourceState& x) { return t < x.time; });
    h.insert(at, std::move(s));
  } else {
    h.push_back(std::move(s));
  }
  ++resourceStates;
}

void Simulation::Impl::recordPrimitive(const Primitive& p, Nanos at) {
  ResourceState s;
  s.time = at;
  auto lanes = [&](const std::deque<int32_t>& ids, std::vector<int32_t>* out) {
    const size_t named = std::min(ids.size(), kMaxResourceWaiters);
    out->reserve(named);
    for (size_t i = 0; i < named; ++i) out->push_back(thread(ids[i]).lane);
  };
  s.waiting = static_cast<int64_t>(p.waiters.size());
  s.putting = static_cast<int64_t>(p.putWaiters.size());
  switch (p.kind) {
    case PrimitiveKind::Lock:
      s.owner = p.owner >= 0 ? thread(p.owner).lane : -1;
      s.count = p.owner < 0 ? 0 : p.reentrant ? p.count : 1;
      lanes(p.waiters, &s.waiters);
      break;
    case PrimitiveKind::Semaphore:
      s.count = p.count;
      lanes(p.waiters, &s.waiters);
      break;
    case PrimitiveKind::Event:
      s.count = p.flag ? 1 : 0;
      lanes(p.waiters, &s.waiters);
      break;
    case PrimitiveKind::Queue: case PrimitiveKind::Pipe: {
      // A pipe (a multiprocessing queue's) holds messages; a negative item is one part of a
      // message bigger than the pipe, not a message of its own.
      lanes(p.waiters, &s.waiters);
      lanes(p.putWaiters, &s.putters);
      // Past the history limit only changes are counted: items would not be kept.
      bool full = trace.resources[static_cast<size_t>(p.resource)].truncatedAt >= 0;
      for (int64_t item : p.items) {
        if (p.kind == PrimitiveKind::Pipe && item < 0) continue;
        ++s.count;
        if (full || s.items.size() >= kMaxResourceItems) continue;
        s.items.push_back(itemRepr ? itemRepr(item) : std::to_string(item));
      }
      break;
    }
  }
  recordResource(p.resource, std::move(s));
}

}  // namespace interleave
