// Trace resources of a Python program (see resource_watch.h).
//
// [SECTION] shortRepr        an item's repr without running Python code
// [SECTION] Registry         objects being freed
// [SECTION] ResourceWatch    finding, binding and observing the objects
#include "resource_watch.h"

#include <algorithm>

#include "number_format.h"
#include "vm_internal.h"

namespace interleave::lang {

std::string strRepr(const std::string& s);              // objects.cpp
const std::vector<int32_t>& setOrder(SetObj* set);      // objects.cpp

//-----------------------------------------------------------------------------------------------
// [SECTION] shortRepr
//-----------------------------------------------------------------------------------------------
namespace {

// Big ints are printed only up to this size (the decimal conversion is quadratic); larger
// ones show as "<int of N bits>".
constexpr uint64_t kMaxReprIntBits = 4096;

// Cuts `s` to at most `limit` bytes without splitting a UTF-8 sequence.
size_t utf8Cut(const std::string& s, size_t limit) {
  if (s.size() <= limit) return s.size();
  size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

struct ReprWriter {
  Vm& vm;
  size_t limit;
  std::string out;
  std::vector<const Obj*> open;  // containers being written (cycles print as [...])

  bool full() const { return out.size() > limit; }

  void seq(const std::vector<Value>& items, const char* l, const char* r, bool tupleComma, int depth) {
    out += l;
    if (depth >= kMaxItemReprDepth && !items.empty()) {
      out += "...";
    } else {
      for (size_t i = 0; i < items.size() && !full(); ++i) {
        if (i) out += ", ";
        value(items[i], depth + 1);
      }
      if (tupleComma && items.size() == 1) out += ',';
    }
    out += r;
  }

  void value(Value v, int depth) {
    if (full()) return;
    switch (v.tag()) {
      case Value::Tag::None: case Value::Tag::Undefined: out += "None"; return;
      case Value::Tag::Bool: out += v.asBool() ? "True" : "False"; return;
      case Value::Tag::Int: out += std::to_string(v.asInt()); return;
      case Value::Tag::Float: out += floatRepr(v.asFloat()); return;
      case Value::Tag::Obj: break;
    }
    Obj* o = v.asObj();
    if (std::find(open.begin(), open.end(), o) != open.end()) {
      out += o->kind == ObjKind::List ? "[...]" : o->kind == ObjKind::Tuple ? "(...)" : "{...}";
      return;
    }
    open.push_back(o);
    switch (o->kind) {
      case ObjKind::Str: {
        const std::string& s = static_cast<StrObj*>(o)->s;
        // Only what can show: the cut below removes the rest (and the closing quote with it).
        out += strRepr(s.size() <= limit + 8 ? s : s.substr(0, utf8Cut(s, limit + 8)));
        break;
      }
      case ObjKind::BigInt: {
        const BigInt& b = static_cast<BigIntObj*>(o)->value;
        out += b.bitLength() <= kMaxReprIntBits ? b.toString() : "<int of " + std::to_string(b.bitLength()) + " bits>";
        break;
      }
      case ObjKind::List: seq(static_cast<ListObj*>(o)->items, "[", "]", false, depth); break;
      case ObjKind::Tuple: seq(static_cast<TupleObj*>(o)->items, "(", ")", true, depth); break;
      case ObjKind::Set: {
        auto* s = static_cast<SetObj*>(o);
        if (s->table.used == 0) {
          out += s->frozen ? "frozenset()" : "set()";
          break;
        }
        std::vector<Value> keys;
        for (int32_t i : setOrder(s)) {
          keys.push_back(s->table.entries[static_cast<size_t>(i)].key);
          if (keys.size() > limit) break;  // each takes at least one byte
        }
        if (s->frozen) out += "frozenset(";
        seq(keys, "{", "}", false, depth);
        if (s->frozen) out += ')';
        break;
      }
      case ObjKind::Dict: {
        out += '{';
        if (depth >= kMaxItemReprDepth && static_cast<DictObj*>(o)->used > 0) {
          out += "...";
        } else {
          bool first = true;
          for (const DictEntry& e : static_cast<DictObj*>(o)->entries) {
            if (!e.live || full()) continue;
            if (!first) out += ", ";
            first = false;
            value(e.key, depth + 1);
            out += ": ";
            value(e.value, depth + 1);
          }
        }
        out += '}';
        break;
      }
      case ObjKind::Type: {
        auto* t = static_cast<TypeObj*>(o);
        out += "<class '" + (t->module == "builtins" ? t->name : t->module + "." + t->name) + "'>";
        break;
      }
      case ObjKind::Function:
        out += "<function " + static_cast<FunctionObj*>(o)->qualname->s + ">";
        break;
      default:
        // Instances of Python classes: their __repr__ would be Python code to run.
        out += "<" + vm.typeName(v) + " object>";
        break;
    }
    open.pop_back();
  }
};

}  // namespace

std::string shortRepr(Vm& vm, Value v, size_t limit) {
  ReprWriter w{vm, limit, {}, {}};
  w.value(v, 0);
  if (w.out.size() > limit) {
    w.out.resize(utf8Cut(w.out, limit));
    w.out += "\xE2\x80\xA6";  // "…"
  }
  return w.out;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Registry
//-----------------------------------------------------------------------------------------------
namespace {
struct Watcher {
  ResourceWatch* watch;
  size_t entry;
};
// Objects being watched (Obj::watched), by address: their destructor tells the watcher.
std::unordered_map<const Obj*, Watcher>& registry() {
  static auto* r = new std::unordered_map<const Obj*, Watcher>();
  return *r;
}

int64_t mutexKey(int32_t process, int64_t mutex) { return (static_cast<int64_t>(process) << 40) ^ mutex; }
}  // namespace

void forgetWatchedObject(const Obj* o) { ResourceWatch::forget(o); }

//-----------------------------------------------------------------------------------------------
// [SECTION] ResourceWatch
//-----------------------------------------------------------------------------------------------
namespace {
struct LibraryClass {
  const char* module;
  const char* name;
  ResourceKind kind;
};
constexpr LibraryClass kLibraryClasses[] = {
    {"threading", "Lock", ResourceKind::Lock},
    {"threading", "RLock", ResourceKind::RLock},
    {"threading", "Semaphore", ResourceKind::Semaphore},
    {"threading", "BoundedSemaphore", ResourceKind::BoundedSemaphore},
    {"queue", "Queue", ResourceKind::Queue},
    {"queue", "LifoQueue", ResourceKind::LifoQueue},
    {"queue", "PriorityQueue", ResourceKind::PriorityQueue},
    {"queue", "SimpleQueue", ResourceKind::SimpleQueue},
    {"multiprocessing", "Queue", ResourceKind::MpQueue},
    {"multiprocessing", "SimpleQueue", ResourceKind::MpSimpleQueue},
    {"multiprocessing", "Lock", ResourceKind::MpLock},
    {"multiprocessing", "RLock", ResourceKind::MpRLock},
    {"asyncio", "Lock", ResourceKind::AsyncLock},
    {"asyncio", "Semaphore", ResourceKind::AsyncSemaphore},
    {"asyncio", "BoundedSemaphore", ResourceKind::AsyncBoundedSemaphore},
    {"asyncio", "Queue", ResourceKind::AsyncQueue},
};

// The variable the value made by the instruction before `f->ip` is stored in: `x = ...`
// (a local, global, cell or module name) or `obj.attr = ...`; "" if it is not stored there.
std::string bindingName(const Frame* f) {
  const CodeObj* c = f->code;
  auto local = [&](const Instr& in, std::string* out) {
    switch (static_cast<Op>(in.op)) {
      case Op::STORE_NAME: case Op::STORE_GLOBAL: case Op::LOAD_NAME: case Op::LOAD_GLOBAL:
        if (in.arg < c->names.size()) *out = c->names[in.arg]->s;
        return !out->empty();
      case Op::STORE_FAST: case Op::LOAD_FAST:
        if (in.arg < c->varnames.size()) *out = c->varnames[in.arg];
        return !out->empty();
      case Op::STORE_DEREF: case Op::LOAD_DEREF:
        if (in.arg < c->cellvars.size()) *out = c->cellvars[in.arg];
        else if (in.arg - c->cellvars.size() < c->freevars.size()) *out = c->freevars[in.arg - c->cellvars.size()];
        return !out->empty();
      default:
        return false;
    }
  };
  auto isStore = [](Op op) {
    return op == Op::STORE_NAME || op == Op::STORE_GLOBAL || op == Op::STORE_FAST || op == Op::STORE_DEREF;
  };
  if (f->ip >= c->code.size()) return "";
  const Instr& next = c->code[f->ip];
  std::string name;
  if (isStore(static_cast<Op>(next.op))) return local(next, &name) ? name : "";
  if (f->ip + 1 < c->code.size() && static_cast<Op>(c->code[f->ip + 1].op) == Op::STORE_ATTR &&
      local(next, &name)) {
    const Instr& store = c->code[f->ip + 1];
    if (store.arg < c->names.size()) return name + "." + c->names[store.arg]->s;
  }
  return "";
}

bool intValue(Value v, int64_t* out) {
  if (!v.isInt()) return false;
  *out = v.asInt();
  return true;
}
}  // namespace

ResourceWatch::ResourceWatch(Vm& vm, Simulation& sim) : vm_(vm), sim_(sim) {
  sim_.setItemRepr([this](int64_t token) { return itemRepr(token); });
}

ResourceWatch::~ResourceWatch() {
  sim_.setItemRepr(nullptr);
  for (Entry& e : entries_) {
    if (!e.obj) continue;
    e.obj->watched = false;
    registry().erase(e.obj);
  }
  if (vm_.resourceWatch == this) vm_.resourceWatch = nullptr;
}

void ResourceWatch::markLibraryTypes() {
  for (const LibraryClass& c : kLibraryClasses) {
    auto m = vm_.image->modules.find(c.module);
    if (m == vm_.image->modules.end()) continue;
    Value cls = vm_.dictGetStr(m->second->dict, c.name);
    if (isKind(cls, ObjKind::Type)) {
      static_cast<TypeObj*>(cls.asObj())->resourceKind = static_cast<uint8_t>(static_cast<int>(c.kind) + 1);
    }
  }
}

void ResourceWatch::created(PyThread& t, InstanceObj* inst, const std::vector<Value>& pos,
                            const std::vector<std::pair<StrObj*, Value>>& kw) {
  if (t.frames.empty()) return;
  const Frame* f = t.frames.back();
  // Made by library code (a Condition's waiter, a Queue's mutex, an executor's queues): part
  // of another object, not one the program made.
  if (!f->code || (f->code->flags & (kCodePrelude | kCodeLibrary))) return;
  Entry e;
  e.obj = inst;
  e.kind = static_cast<ResourceKind>(inst->cls->resourceKind - 1);
  e.line = f->lastIp < f->code->spans.size() ? f->code->spans[f->lastIp].line : -1;
  e.name = bindingName(f);
  if (e.name.empty()) {
    e.name = inst->cls->name;
    if (e.line > 0) e.name += " (line " + std::to_string(e.line) + ")";
  }
  e.process = vm_.ctx ? vm_.ctx->processId() : 0;
  e.created = vm_.clock();
  if (sim_.trace().resources.size() >= kMaxResources || entries_.size() >= kMaxWatchedObjects) {
    sim_.skipResource();
    return;
  }
  // The constructor's maxsize / value: a queue's capacity, a semaphore's initial value.
  bool queue = resourceIsQueue(e.kind);
  Value cap = pos.empty() ? Value::undefined() : pos[0];
  for (const auto& [key, value] : kw) {
    if (key && key->s == (queue ? "maxsize" : "value")) cap = value;
  }
  bool semaphore = !queue && e.kind != ResourceKind::Lock && e.kind != ResourceKind::RLock &&
                   e.kind != ResourceKind::MpLock && e.kind != ResourceKind::MpRLock && e.kind != ResourceKind::AsyncLock;
  e.capacity = semaphore ? 1 : 0;
  if (queue || semaphore) intValue(cap, &e.capacity);
  if (queue && e.capacity < 0) e.capacity = 0;
  inst->watched = true;
  registry()[inst] = Watcher{this, entries_.size()};
  unbound_.push_back(entries_.size());
  entries_.push_back(std::move(e));
}

void ResourceWatch::forget(const Obj* o) {
  auto& reg = registry();
  auto it = reg.find(o);
  if (it == reg.end()) return;
  Watcher w = it->second;
  reg.erase(it);
  w.watch->drop(w.entry);
}

void ResourceWatch::drop(size_t index) {
  Entry& e = entries_[index];
  e.obj = nullptr;
  if (e.mutex >= 0) byMutex_.erase(mutexKey(e.process, e.mutex));
}

Value ResourceWatch::attr(Value obj, const char* name) {
  if (!isKind(obj, ObjKind::Instance)) return Value::undefined();
  auto* inst = static_cast<InstanceObj*>(obj.asObj());
  return inst->dict ? vm_.dictGetStr(inst->dict, name) : Value::undefined();
}

bool ResourceWatch::bind(Entry& e, int32_t runningTask) {
  Value o = Value::object(e.obj);
  int64_t id = -1;
  switch (e.kind) {
    case ResourceKind::Lock: case ResourceKind::RLock: case ResourceKind::MpLock: case ResourceKind::MpRLock:
    case ResourceKind::MpQueue: case ResourceKind::MpSimpleQueue:
      // The engine implements these: it records them from now on (a multiprocessing queue is
      // its pipe: what the feeder thread has sent and nobody has received yet).
      if (!intValue(e.kind == ResourceKind::MpQueue || e.kind == ResourceKind::MpSimpleQueue
                        ? attr(attr(o, "_reader"), "_rpipe") : attr(o, "_id"), &id)) return false;
      e.resource = sim_.addResource(e.kind, e.name, e.process, e.line, e.created, e.capacity);
      if (e.resource >= 0) sim_.tracePrimitive(static_cast<int32_t>(id), e.resource, e.created);
      return true;
    case ResourceKind::Queue: case ResourceKind::LifoQueue: case ResourceKind::PriorityQueue:
    case ResourceKind::SimpleQueue:
      if (!intValue(attr(attr(o, "mutex"), "_id"), &id)) return false;
      break;
    case ResourceKind::Semaphore: case ResourceKind::BoundedSemaphore:
      if (!intValue(attr(attr(attr(o, "_cond"), "_lock"), "_id"), &id)) return false;
      break;
    case ResourceKind::AsyncLock:
      if (attr(o, "_locked").isUndefined()) return false;
      break;
    case ResourceKind::AsyncSemaphore: case ResourceKind::AsyncBoundedSemaphore:
      if (attr(o, "_value").isUndefined()) return false;
      break;
    case ResourceKind::AsyncQueue:
      if (attr(o, "_queue").isUndefined()) return false;
      break;
    case ResourceKind::Count:
      return true;
  }
  e.resource = sim_.addResource(e.kind, e.name, e.process, e.line, e.created, e.capacity);
  if (e.resource < 0) return true;
  size_t index = static_cast<size_t>(&e - entries_.data());
  if (id >= 0) {
    e.mutex = id;
    byMutex_[mutexKey(e.process, id)] = index;
  } else {
    loopEntries_[e.process].push_back(index);
  }
  // Nothing has changed it since it was made (that would have taken a request, or, for asyncio,
  // happened in the same task step): its state now is its state from its creation.
  observe(e, e.created, runningTask);
  return true;
}

void ResourceWatch::beforeRequest(int32_t process, const Request& r, Nanos at) {
  auto running = runningTask_.find(process);
  int32_t task = running == runningTask_.end() ? -1 : running->second;
  if (!unbound_.empty()) {
    size_t keep = 0;
    for (size_t i = 0; i < unbound_.size(); ++i) {
      Entry& e = entries_[unbound_[i]];
      if (!e.obj || bind(e, e.process == process ? task : -1) || ++e.attempts >= kMaxBindAttempts) continue;
      unbound_[keep++] = unbound_[i];
    }
    unbound_.resize(keep);
  }
  if (r.kind == RequestKind::LockRelease) {
    auto it = byMutex_.find(mutexKey(process, r.target));
    if (it != byMutex_.end()) observe(entries_[it->second], at, -1);
    return;
  }
  if (r.kind != RequestKind::TraceLane || static_cast<LaneOp>(r.value) != LaneOp::SetState) return;
  // The event loop marks where each task step starts and ends: asyncio objects are observed at
  // the end of a step (the task that just ran is the one that took any asyncio.Lock found newly
  // held) and when the loop goes idle or stops (what callbacks did in between).
  if (r.duration == static_cast<int64_t>(State::TaskRunning)) {
    runningTask_[process] = static_cast<int32_t>(r.target);
  } else if (task >= 0 && r.target == task) {
    observeLoop(process, at, task);
    runningTask_[process] = -1;
  } else if (r.duration == static_cast<int64_t>(State::LoopIdle) || r.duration < 0) {
    observeLoop(process, at, -1);
  }
}

void ResourceWatch::observeLoop(int32_t process, Nanos at, int32_t runningTask) {
  auto it = loopEntries_.find(process);
  if (it == loopEntries_.end()) return;
  std::vector<size_t>& list = it->second;
  size_t keep = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    Entry& e = entries_[list[i]];
    if (!e.obj) continue;  // freed: its history ends with its last state
    observe(e, at, runningTask);
    list[keep++] = list[i];
  }
  list.resize(keep);
}

void ResourceWatch::observe(Entry& e, Nanos at, int32_t runningTask) {
  if (!e.obj || e.resource < 0) return;
  Value o = Value::object(e.obj);
  ResourceState s;
  s.time = at;
  const bool full = sim_.resourceFull(e.resource);
  switch (e.kind) {
    case ResourceKind::Queue: case ResourceKind::LifoQueue: case ResourceKind::PriorityQueue:
    case ResourceKind::SimpleQueue:
      queueItems(attr(o, "queue"), e.kind == ResourceKind::LifoQueue, !full, &s);
      s.waiting = conditionWaiters(attr(o, "not_empty"), &s.waiters);
      s.putting = conditionWaiters(attr(o, "not_full"), &s.putters);
      break;
    case ResourceKind::Semaphore: case ResourceKind::BoundedSemaphore:
      intValue(attr(o, "_value"), &s.count);
      s.waiting = conditionWaiters(attr(o, "_cond"), &s.waiters);
      break;
    case ResourceKind::AsyncLock: {
      Value locked = attr(o, "_locked");
      if (locked.isBool() && locked.asBool()) {
        if (e.owner < 0) e.owner = runningTask;
        s.owner = e.owner;
        s.count = 1;
      } else {
        e.owner = -1;
      }
      s.waiting = futureWaiters(attr(o, "_waiters"), &s.waiters);
      break;
    }
    case ResourceKind::AsyncSemaphore: case ResourceKind::AsyncBoundedSemaphore:
      intValue(attr(o, "_value"), &s.count);
      s.waiting = futureWaiters(attr(o, "_waiters"), &s.waiters);
      break;
    case ResourceKind::AsyncQueue:
      queueItems(attr(o, "_queue"), false, !full, &s);
      s.waiting = futureWaiters(attr(o, "_getters"), &s.waiters);
      s.putting = futureWaiters(attr(o, "_putters"), &s.putters);
      break;
    default:
      return;  // the engine records the others
  }
  sim_.recordResource(e.resource, std::move(s));
}

void ResourceWatch::queueItems(Value list, bool lifo, bool withItems, ResourceState* s) {
  if (!isKind(list, ObjKind::List)) return;
  const std::vector<Value>& items = static_cast<ListObj*>(list.asObj())->items;
  s->count = static_cast<int64_t>(items.size());
  // Past the history limit only changes are counted: items would not be kept.
  size_t shown = withItems ? std::min(items.size(), kMaxResourceItems) : 0;
  for (size_t i = 0; i < shown; ++i) {
    s->items.push_back(shortRepr(vm_, lifo ? items[items.size() - 1 - i] : items[i], kMaxResourceItemBytes));
  }
}

int64_t ResourceWatch::conditionWaiters(Value cond, std::vector<int32_t>* out) {
  // threading.Condition: each waiter holds its own lock and blocks acquiring it again; notify()
  // takes them off the list, so every one on it waits. The first kMaxResourceWaiters are named.
  Value waiters = attr(cond, "_waiters");
  if (!isKind(waiters, ObjKind::List)) return 0;
  const std::vector<Value>& list = static_cast<ListObj*>(waiters.asObj())->items;
  for (size_t i = 0; i < list.size() && out->size() < kMaxResourceWaiters; ++i) {
    int64_t id;
    if (!intValue(attr(list[i], "_id"), &id)) continue;
    int32_t lane = sim_.threadLane(sim_.lockOwner(static_cast<int32_t>(id)));
    if (lane >= 0) out->push_back(lane);
  }
  return static_cast<int64_t>(list.size());
}

int64_t ResourceWatch::futureWaiters(Value futures, std::vector<int32_t>* out) {
  // asyncio: a task awaiting a future has its __wakeup (a bound method of the task) among the
  // future's callbacks. A future already done is a waiter that has been woken (it leaves the
  // list when its task runs); they are woken in order, so they come first: the scan stops once
  // kMaxResourceWaiters pending ones are named and counts the rest as waiting.
  if (!isKind(futures, ObjKind::List)) return 0;
  const std::vector<Value>& list = static_cast<ListObj*>(futures.asObj())->items;
  int64_t done = 0;
  for (size_t i = 0; i < list.size() && out->size() < kMaxResourceWaiters; ++i) {
    Value state = attr(list[i], "_state");
    if (!isKind(state, ObjKind::Str) || asStr(state)->s != "PENDING") {
      ++done;
      continue;
    }
    int32_t lane = -1;
    Value callbacks = attr(list[i], "_callbacks");
    if (isKind(callbacks, ObjKind::List)) {
      // A task's lane is its nativeId (the LANE instruction's open_task, vm.cpp laneHook).
      for (Value cb : static_cast<ListObj*>(callbacks.asObj())->items) {
        if (!isKind(cb, ObjKind::BoundMethod)) continue;
        Value self = static_cast<BoundMethodObj*>(cb.asObj())->self;
        if (isKind(self, ObjKind::Instance) && static_cast<InstanceObj*>(self.asObj())->nativeId >= 0) {
          lane = static_cast<int32_t>(static_cast<InstanceObj*>(self.asObj())->nativeId);
          break;
        }
      }
    }
    if (lane >= 0) out->push_back(lane);
  }
  return static_cast<int64_t>(list.size()) - done;
}

std::string ResourceWatch::itemRepr(int64_t token) {
  // multiprocessing queues hold tokens of vm.transit: the pickled snapshot (with its size), or
  // for a negative token the object itself.
  auto it = vm_.transit.find(token);
  if (it == vm_.transit.end()) return "?";
  Value v = it->second;
  if (token > 0 && isKind(v, ObjKind::Tuple) && !static_cast<TupleObj*>(v.asObj())->items.empty()) {
    v = static_cast<TupleObj*>(v.asObj())->items[0];
  }
  return shortRepr(vm_, v, kMaxResourceItemBytes);
}

}  // namespace interleave::lang
