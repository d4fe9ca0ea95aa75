// The simulated standard library: time, sys, os, random, threading, queue, interleave.
//
// Natives are the only places that talk to the engine (sleep, thread start/join, locks);
// everything else is library Python (the `kLibrarySource` of each module) with CPython's
// algorithms, so that semantics such as Condition's FIFO waiters or Queue's barging follow
// from the same code CPython runs. Library code is costed and has eval breakers like user
// code, but is hidden from tracebacks.
//
// [SECTION] Engine calls      sleep, threads, locks
// [SECTION] time, sys, os
// [SECTION] random            CPython's Mersenne Twister, bit for bit
// [SECTION] interleave        cpu(), native(), io()
// [SECTION] Library Python
// [SECTION] Installation
#include <cmath>

#include "cost_model.h"
#include "library_cache.h"
#include "mersenne_twister.h"
#include "module_asyncio.h"
#include "modules.h"
#include "resource_watch.h"
#include "simulation.h"
#include "vm_internal.h"

namespace interleave::lang {

namespace {

bool seconds(Vm& vm, PyThread& t, Value v, const char* what, Nanos* out) {
  double s;
  if (!toDouble(v, &s)) {
    vm.raise(t, vm.types.TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
    return false;
  }
  if (std::isnan(s)) {
    vm.raise(t, vm.types.ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (s < 0) {
    vm.raise(t, vm.types.ValueError, std::string(what) + " length must be non-negative");
    return false;
  }
  if (s * 1e9 >= 9.2e18) {  // CPython's _PyTime_t is int64 nanoseconds
    vm.raise(t, vm.types.OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  *out = static_cast<Nanos>(std::llround(s * 1e9));
  return true;
}


NativeResult returnNone(Vm&, PyThread&, int64_t, bool, Value) { return NativeResult::ret(Value::none()); }
NativeResult returnBool(Vm&, PyThread&, int64_t result, bool ok, Value) {
  return NativeResult::ret(Value::boolean(ok && result != 0));
}
NativeResult returnInt(Vm&, PyThread&, int64_t result, bool, Value) { return NativeResult::ret(Value::integer(result)); }

//-----------------------------------------------------------------------------------------------
// [SECTION] Engine calls
//-----------------------------------------------------------------------------------------------
NativeResult time_sleep(Vm& vm, NativeCall& c) {
  if (c.argc() != 1) return vm.raise(*c.thread, vm.types.TypeError, "time.sleep() takes exactly one argument (" + std::to_string(c.argc()) + " given)");
  Nanos d;
  if (!seconds(vm, *c.thread, c.args[0], "sleep", &d)) return NativeResult::raise();
  Request r;
  r.kind = RequestKind::Sleep;
  r.duration = d;
  r.text = "time.sleep";
  return NativeResult::engine(std::move(r), returnNone);
}

NativeResult thread_start(Vm& vm, NativeCall& c) {
  // _start_thread(callable, name, daemon) -> ident, once the new thread has started.
  std::string name = isKind(c.args[1], ObjKind::Str) ? static_cast<StrObj*>(c.args[1].asObj())->s : "Thread";
  bool daemon = c.args[2].isBool() && c.args[2].asBool();
  Request r;
  r.kind = RequestKind::Spawn;
  r.thread = std::make_shared<ThreadSpec>();
  r.thread->name = name;
  r.thread->daemon = daemon;
  r.thread->waitStarted = true;
  r.thread->body = runtimeState(vm).makeThreadBody(c.args[0], name);
  return NativeResult::engine(std::move(r), returnInt);
}

NativeResult thread_join(Vm& vm, NativeCall& c) {
  Request r;
  r.kind = RequestKind::Join;
  r.target = c.args[0].asInt();
  r.duration = -1;
  if (c.argc() > 1 && !c.args[1].isNone()) {
    Nanos d;
    if (!seconds(vm, *c.thread, c.args[1], "timeout", &d)) return NativeResult::raise();
    r.duration = d;
  }
  return NativeResult::engine(std::move(r), returnNone);
}

NativeResult thread_alive(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::boolean(runtimeState(vm).threadAlive(static_cast<int32_t>(c.args[0].asInt()))));
}

// threading.get_ident(): CPython returns the pthread_t, an address; stacks 8 MiB + 4 KiB apart.
constexpr int64_t kIdentBase = 139870000000000;
constexpr int64_t kIdentStride = 8392704;
NativeResult thread_ident(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::integer(kIdentBase + kIdentStride * (vm.ctx ? vm.ctx->threadId() : 0)));
}
NativeResult thread_engine_id(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::integer(vm.ctx ? vm.ctx->threadId() : 0)); }

NativeResult thread_active_count(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::integer(runtimeState(vm).aliveThreads()));
}

NativeResult lock_new(Vm& vm, NativeCall& c) {
  bool reentrant = c.argc() > 0 && c.args[0].isBool() && c.args[0].asBool();
  return NativeResult::ret(Value::integer(vm.simulation->createLock(reentrant)));
}

NativeResult lock_acquire(Vm& vm, NativeCall& c) {
  // _lock_acquire(id, blocking, timeout)
  bool blocking = true;
  if (c.argc() > 1) {
    bool b;
    if (!vm.truthy(*c.thread, c.args[1], &b)) return NativeResult::raise();
    blocking = b;
  }
  Nanos timeout = -1;
  if (c.argc() > 2) {
    double s;
    if (!toDouble(c.args[2], &s)) return vm.raise(*c.thread, vm.types.TypeError, "timeout must be a number");
    if (s >= 0) {
      if (!blocking) return vm.raise(*c.thread, vm.types.ValueError, "can't specify a timeout for a non-blocking call");
      timeout = static_cast<Nanos>(std::llround(s * 1e9));
    } else if (s != -1) {
      return vm.raise(*c.thread, vm.types.ValueError, "timeout value must be a non-negative number");
    }
  }
  Request r;
  r.kind = RequestKind::LockAcquire;
  r.target = c.args[0].asInt();
  r.blocking = blocking;
  r.duration = timeout;
  return NativeResult::engine(std::move(r), returnBool);
}

NativeResult lockReleased(Vm& vm, PyThread& t, int64_t, bool ok, Value data) {
  if (!ok) {
    return vm.raise(t, vm.types.RuntimeError, data.isBool() && data.asBool() ? "cannot release un-acquired lock" : "release unlocked lock");
  }
  return NativeResult::ret(Value::none());
}

NativeResult lock_release(Vm& vm, NativeCall& c) {
  Request r;
  r.kind = RequestKind::LockRelease;
  r.target = c.args[0].asInt();
  return NativeResult::engine(std::move(r), lockReleased, c.argc() > 1 ? c.args[1] : Value::boolean(false));
}

// The event loop's selector: an engine event that call_soon_threadsafe sets.
NativeResult wake_new(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::integer(vm.simulation->createEvent())); }

NativeResult selectCleared(Vm&, PyThread&, int64_t, bool, Value) { return NativeResult::ret(Value::none()); }
NativeResult selectWoke(Vm& vm, PyThread& t, int64_t, bool, Value id) {
  Request r;
  r.kind = RequestKind::EventClear;
  r.target = id.asInt();
  return NativeResult::engine(std::move(r), selectCleared);
}

NativeResult loop_select(Vm& vm, NativeCall& c) {
  // _select(wake, timeout): timeout None blocks until woken, 0 returns at once.
  Nanos d = -1;
  if (!c.args[1].isNone()) {
    double s;
    toDouble(c.args[1], &s);
    if (s <= 0) return NativeResult::ret(Value::none());
    d = static_cast<Nanos>(std::llround(s * 1e9));
  }
  Request r;
  r.kind = RequestKind::EventWait;
  r.target = c.args[0].asInt();
  r.duration = d;
  r.text = "select";
  return NativeResult::engine(std::move(r), selectWoke, c.args[0]);
}

// contextvars.copy_context() and Context.run(callable, *args): asyncio runs each callback in a
// Context. Interleave has no context variables, so every copy would be the same empty Context
// (no program can see one): one object serves; the copy and the run are the C calls CPython
// makes per callback.
NativeResult copy_context(Vm& vm, NativeCall& c) { return NativeResult::ret(c.callee->data); }

NativeResult context_run(Vm& vm, NativeCall& c) {
  if (c.args.empty()) return vm.raise(*c.thread, vm.types.TypeError, "run() missing 1 required positional argument");
  if (!c.kwargs.empty()) return vm.raise(*c.thread, vm.types.TypeError, "Context.run() takes no keyword arguments");
  std::vector<Value> args(c.args.begin() + 1, c.args.end());
  return NativeResult::tailCall(c.args[0], std::move(args));
}

// The event loop's timer heap: _heappush(heap, timer) and _heappop(heap), heapq's algorithm
// (Lib/heapq.py, the same as CPython's C _heapq), so timers with equal deadlines come out in
// CPython's order. Items are asyncio TimerHandles, whose __lt__ is `self._when < other._when`:
// that comparison is made here directly on the instances' `_when` (any other item goes through
// `<`), and each one is charged what CPython pays for calling that Python __lt__.
struct TimerHeap {
  Vm& vm;
  PyThread& t;
  std::vector<Value>* heap;
  int64_t ltCost;      // cost units of one TimerHandle.__lt__ call in CPython
  int64_t charged = 0;
  bool less(Value a, Value b, bool* out) {
    if (isKind(a, ObjKind::Instance) && isKind(b, ObjKind::Instance)) {
      auto* ia = static_cast<InstanceObj*>(a.asObj());
      auto* ib = static_cast<InstanceObj*>(b.asObj());
      if (ia->dict && ib->dict) {
        StrObj* when = vm.libName(Vm::LibName::When);
        Value wa = Value::undefined();
        Value wb = Value::undefined();
        findStrKey(ia->dict, when, &wa, true);
        findStrKey(ib->dict, when, &wb, true);
        double x, y;
        if (!wa.isUndefined() && !wb.isUndefined() && !wa.isBool() && !wb.isBool() &&
            (wa.isInt() || wa.isFloat()) && (wb.isInt() || wb.isFloat()) && toDouble(wa, &x) &&
            toDouble(wb, &y)) {
          charged += ltCost;
          *out = x < y;
          return true;
        }
      }
    }
    // Python code may run (a user __lt__): CPython's heapq stops if it changes the heap's size.
    size_t n = heap->size();
    if (!vm.lessThan(t, a, b, out)) return false;
    if (heap->size() != n) {
      vm.raise(t, vm.types.RuntimeError, "list changed size during iteration");
      return false;
    }
    return true;
  }
  // heapq's _siftdown and _siftup, moving items by swaps rather than through a hole: the same
  // final order, and every item stays in the list (reachable by the collector) while a user
  // __lt__ runs. siftup sifts within heap[0:endpos].
  bool siftdown(std::vector<Value>& heap, size_t startpos, size_t pos) {
    while (pos > startpos) {
      size_t parentpos = (pos - 1) >> 1;
      bool lt;
      if (!less(heap[pos], heap[parentpos], &lt)) return false;
      if (!lt) break;
      std::swap(heap[pos], heap[parentpos]);
      pos = parentpos;
    }
    return true;
  }
  bool siftup(std::vector<Value>& heap, size_t pos, size_t endpos) {
    size_t startpos = pos;
    size_t childpos = 2 * pos + 1;
    while (childpos < endpos) {
      size_t rightpos = childpos + 1;
      if (rightpos < endpos) {
        bool lt;
        if (!less(heap[childpos], heap[rightpos], &lt)) return false;
        if (!lt) childpos = rightpos;
      }
      std::swap(heap[pos], heap[childpos]);
      pos = childpos;
      childpos = 2 * pos + 1;
    }
    return siftdown(heap, startpos, pos);
  }
};

TimerHeap timerHeap(Vm& vm, PyThread& t, std::vector<Value>* heap) {
  // RESUME, LOAD_FAST, LOAD_ATTR, LOAD_FAST, LOAD_ATTR, COMPARE_OP, RETURN_VALUE and the call.
  auto cost = [&](Op op) { return vm.opCost[static_cast<size_t>(op)]; };
  int64_t lt = callCost(CallKind::Python, false) + cost(Op::RESUME) + 2 * cost(Op::LOAD_FAST) +
               2 * cost(Op::LOAD_ATTR) + cost(Op::COMPARE_OP) + compareOpCost(false, Value::flt(0.0)) +
               cost(Op::RETURN_VALUE);
  return TimerHeap{vm, t, heap, lt};
}

NativeResult loop_heappush(Vm& vm, NativeCall& c) {
  if (c.argc() != 2 || !isKind(c.args[0], ObjKind::List)) {
    return vm.raise(*c.thread, vm.types.TypeError, "_heappush(heap, item): heap must be a list");
  }
  auto& heap = static_cast<ListObj*>(c.args[0].asObj())->items;
  heap.push_back(c.args[1]);
  TimerHeap h = timerHeap(vm, *c.thread, &heap);
  bool ok = h.siftdown(heap, 0, heap.size() - 1);
  vm.charged += h.charged;
  return ok ? NativeResult::ret(Value::none()) : NativeResult::raise();
}

NativeResult loop_heappop(Vm& vm, NativeCall& c) {
  if (c.argc() != 1 || !isKind(c.args[0], ObjKind::List)) {
    return vm.raise(*c.thread, vm.types.TypeError, "_heappop(heap): heap must be a list");
  }
  auto& heap = static_cast<ListObj*>(c.args[0].asObj())->items;
  if (heap.empty()) return vm.raise(*c.thread, vm.types.IndexError, "index out of range");
  // heapq.heappop: the last item replaces the first, which is returned; here the two swap
  // and the first stays at the end of the list until the sift is done.
  size_t endpos = heap.size() - 1;
  std::swap(heap[0], heap[endpos]);
  TimerHeap h = timerHeap(vm, *c.thread, &heap);
  bool ok = endpos == 0 || h.siftup(heap, 0, endpos);
  vm.charged += h.charged;
  if (!ok) return NativeResult::raise();
  Value top = heap.back();
  heap.pop_back();
  return NativeResult::ret(top);
}

NativeResult wake_set(Vm& vm, NativeCall& c) {
  Request r;
  r.kind = RequestKind::EventSet;
  r.target = c.args[0].asInt();
  return NativeResult::engine(std::move(r), returnNone);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] time, sys, os
//-----------------------------------------------------------------------------------------------
double nowSeconds(Vm& vm) { return static_cast<double>(vm.clock()) / 1e9; }
// time.time(): virtual time after a fixed epoch (2024-01-01T00:00:00Z), for reproducibility.
constexpr double kEpochSeconds = 1704067200.0;

NativeResult time_perf_counter(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::flt(nowSeconds(vm))); }
NativeResult time_time(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::flt(kEpochSeconds + nowSeconds(vm))); }
NativeResult time_ns(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::integer(vm.clock()));
}
NativeResult time_time_ns(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::integer(static_cast<int64_t>(kEpochSeconds) * 1000000000LL + vm.clock()));
}

NativeResult sys_setswitchinterval(Vm& vm, NativeCall& c) {
  if (c.argc() != 1) return vm.raise(*c.thread, vm.types.TypeError, "setswitchinterval() takes exactly one argument (" + std::to_string(c.argc()) + " given)");
  double s;
  if (!toDouble(c.args[0], &s)) return vm.raise(*c.thread, vm.types.TypeError, "must be real number, not " + vm.typeName(c.args[0]));
  if (s <= 0) return vm.raise(*c.thread, vm.types.ValueError, "switch interval must be strictly positive");
  // CPython keeps whole microseconds: (unsigned long)(1e6 * interval).
  auto micros = static_cast<uint64_t>(1e6 * s);
  if (micros == 0) micros = 1;
  Request r;
  r.kind = RequestKind::SetSwitchInterval;
  r.duration = static_cast<Nanos>(micros) * kMicrosecond;
  runtimeState(vm).switchInterval = r.duration;
  return NativeResult::engine(std::move(r), returnNone);
}

NativeResult sys_getswitchinterval(Vm& vm, NativeCall& c) {
  Nanos d = vm.ctx ? vm.ctx->switchInterval() : runtimeState(vm).switchInterval;
  // CPython stores microseconds: getswitchinterval() returns 1e-6 * them.
  return NativeResult::ret(Value::flt(1e-6 * static_cast<double>(d / 1000)));
}

NativeResult sys_exit(Vm& vm, NativeCall& c) {
  c.thread->raising = vm.newExceptionArgs(vm.types.SystemExit, c.args);
  return NativeResult::raise();
}

NativeResult sys_getrecursionlimit(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::integer(kMaxRecursionDepth)); }

NativeResult stream_write(Vm& vm, NativeCall& c) {
  if (c.argc() != 1 || !isKind(c.args[0], ObjKind::Str)) {
    return vm.raise(*c.thread, vm.types.TypeError, "write() argument must be str, not " + (c.argc() ? vm.typeName(c.args[0]) : std::string("nothing")));
  }
  auto* self = static_cast<InstanceObj*>(c.self.asObj());
  const std::string& s = static_cast<StrObj*>(c.args[0].asObj())->s;
  Request r;
  r.kind = RequestKind::Print;
  r.text = s;
  r.value = self->nativeValue.isInt() ? self->nativeValue.asInt() : 1;
  return NativeResult::engine(std::move(r), returnInt, Value::none());
}

NativeResult stream_flush(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::none()); }

NativeResult os_cpu_count(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::integer(vm.ctx ? vm.ctx->cpuCount() : 1)); }
NativeResult os_getpid(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::integer(vm.ctx ? vm.ctx->osPid() : 4242)); }

//-----------------------------------------------------------------------------------------------
// [SECTION] random
//-----------------------------------------------------------------------------------------------
MersenneTwister& twister(Vm& vm) { return runtimeState(vm).twister(); }

void seedFromBigInt(MersenneTwister& mt, const BigInt& seed) {
  std::vector<uint32_t> key;
  BigInt magnitude = seed.abs();  // keep the temporary alive while reading its words
  for (uint32_t w : magnitude.magnitude()) key.push_back(w);
  if (key.empty()) key.push_back(0);
  mt.initByArray(key);
}

NativeResult random_seed(Vm& vm, NativeCall& c) {
  Value a = c.argc() > 0 ? c.args[0] : Value::none();
  if (a.isNone()) {
    seedFromBigInt(twister(vm), BigInt(static_cast<int64_t>(runtimeState(vm).seed)));
    return NativeResult::ret(Value::none());
  }
  if (isIntLike(a)) {
    seedFromBigInt(twister(vm), toBigInt(a));
    return NativeResult::ret(Value::none());
  }
  if (a.isFloat()) {
    int64_t h;
    vm.hash(*c.thread, a, &h);
    seedFromBigInt(twister(vm), BigInt(h));
    return NativeResult::ret(Value::none());
  }
  return vm.raise(*c.thread, vm.types.TypeError, "random.seed() with a " + vm.typeName(a) + " is not supported by Interleave (use an int)");
}

NativeResult random_random(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::flt(twister(vm).random())); }

NativeResult random_getrandbits(Vm& vm, NativeCall& c) {
  int64_t k = c.args[0].asInt();
  if (k < 0) return vm.raise(*c.thread, vm.types.ValueError, "number of bits must be non-negative");
  if (k <= 32) return NativeResult::ret(Value::integer(k == 0 ? 0 : twister(vm).next() >> (32 - k)));
  // Little-endian 32-bit words, the last one truncated (CPython's _random_Random_getrandbits).
  std::vector<uint32_t> words;
  int64_t left = k;
  while (left > 0) {
    uint32_t r = twister(vm).next();
    if (left < 32) r >>= (32 - left);
    words.push_back(r);
    left -= 32;
  }
  BigInt v(0);
  for (size_t i = words.size(); i-- > 0;) v = v.shiftLeft(32) + BigInt(static_cast<int64_t>(words[i]));
  return NativeResult::ret(makeInt(vm, v));
}

//-----------------------------------------------------------------------------------------------
// [SECTION] interleave
//-----------------------------------------------------------------------------------------------
NativeResult interleave_cpu(Vm& vm, NativeCall& c) {
  Value kw = c.takeKw("seconds");  // cpu(seconds=0.1), as python/interleave.py allows
  if (!kw.isUndefined()) c.args.push_back(kw);
  Nanos d;
  if (c.argc() != 1 || !seconds(vm, *c.thread, c.args[0], "cpu", &d)) {
    if (c.argc() != 1) return vm.raise(*c.thread, vm.types.TypeError, "cpu() takes exactly one argument (seconds)");
    return NativeResult::raise();
  }
  c.thread->busyPython = d;  // consumed by the eval loop, with eval breakers (vm.cpp)
  return NativeResult::ret(Value::none());
}

NativeResult nativeStarted(Vm& vm, PyThread& t, int64_t, bool, Value data) {
  t.busyNative = data.asInt();  // consumed without the GIL; the loop re-takes it after
  return NativeResult::ret(Value::none());
}

NativeResult interleave_native(Vm& vm, NativeCall& c) {
  Value kw = c.takeKw("seconds");  // cpu(seconds=0.1), as python/interleave.py allows
  if (!kw.isUndefined()) c.args.push_back(kw);
  Nanos d;
  if (c.argc() != 1 || !seconds(vm, *c.thread, c.args[0], "native", &d)) {
    if (c.argc() != 1) return vm.raise(*c.thread, vm.types.TypeError, "native() takes exactly one argument (seconds)");
    return NativeResult::raise();
  }
  Request r;
  r.kind = RequestKind::ReleaseGil;
  return NativeResult::engine(std::move(r), nativeStarted, Value::integer(d));
}

NativeResult interleave_io(Vm& vm, NativeCall& c) {
  Value kw = c.takeKw("seconds");  // cpu(seconds=0.1), as python/interleave.py allows
  if (!kw.isUndefined()) c.args.push_back(kw);
  Nanos d;
  if (c.argc() != 1 || !seconds(vm, *c.thread, c.args[0], "io", &d)) {
    if (c.argc() != 1) return vm.raise(*c.thread, vm.types.TypeError, "io() takes exactly one argument (seconds)");
    return NativeResult::raise();
  }
  Request r;
  r.kind = RequestKind::Sleep;
  r.duration = d;
  r.text = "io";
  return NativeResult::engine(std::move(r), returnNone);
}

}  // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] Library Python
//-----------------------------------------------------------------------------------------------
// The library modules written in Python live in lang/lib/*.py (embedded at build time by
// lang/lib/embed.cmake); each file says which CPython algorithm it follows.

//-----------------------------------------------------------------------------------------------
// [SECTION] Installation
//-----------------------------------------------------------------------------------------------
namespace {
ModuleObj* nativeModule(Vm& vm, const std::string& name,
                        std::initializer_list<std::pair<const char*, NativeFn>> fns) {
  ModuleObj* m = vm.newModule(name);
  for (auto& [n, f] : fns) vm.defineNative(m->dict, n, f, name);
  return m;
}

// Runs library Python source as the body of module `m` (at interpreter set-up, no thread).
bool runLibrary(Vm& vm, ModuleObj* m, const char* source, std::string* error) {
  if (!source) {  // a build that did not embed lang/lib/*.py
    *error = m->name + ": library module not built in";
    return false;
  }
  std::string message;
  CodeObj* code = compileLibraryCode(vm.heap, source, "<" + m->name + ">", false, &message);  // library_cache.h
  if (!code) {
    *error = m->name + ": " + message;
    return false;
  }
  markLibrary(code);
  return vm.runModuleBody(code, m, error);
}
}  // namespace

// Library modules load on their first import (in each process image: a fork copies what its
// parent had loaded): a program pays for compiling only what it uses. Runs inside the importing
// instruction (or the unpickling native): no engine requests, no thread context, the
// instruction's own cost kept, as when they were all loaded at start-up.
namespace {
struct LazyModule {
  const char* name;    // what is imported
  const char* file;    // lang/lib/<file>.py
  const char* module;  // the module object it names (a submodule may name its package)
};
constexpr LazyModule kLazyModules[] = {
    {"threading", "threading", "threading"},
    {"queue", "queue", "queue"},
    {"random", "random", "random"},
    {"functools", "functools", "functools"},
    {"pickle", "pickle", "pickle"},
    {"multiprocessing", "multiprocessing", "multiprocessing"},
    // CPython's submodules, one module here (classes name them, pickle looks them up).
    {"concurrent.futures", "concurrent_futures", "concurrent.futures"},
    {"concurrent.futures._base", "concurrent_futures", "concurrent.futures"},
    {"concurrent.futures.thread", "concurrent_futures", "concurrent.futures"},
    {"concurrent.futures.process", "concurrent_futures", "concurrent.futures"},
    {"asyncio", "asyncio", "asyncio"},
    {"json", "json", "json"},
    {"pprint", "pprint", "pprint"},
    {"_interleave_http", "_interleave_http", "_interleave_http"},
    {"requests", "requests", "requests"},
    {"requests.exceptions", "requests", "requests"},
    {"aiohttp", "aiohttp", "aiohttp"},
};

// What a module needs once its body ran: other names for it, its package's attribute.
void afterLoad(Vm& vm, const std::string& moduleName) {
  if (vm.resourceWatch) vm.resourceWatch->markLibraryTypes();  // its locks and queues are resources
  if (moduleName == "requests") finishNetworkModules(vm);  // module_network.cpp
  if (moduleName == "concurrent.futures") {
    ModuleObj* futures = vm.image->modules.at("concurrent.futures");
    for (const LazyModule& l : kLazyModules) {
      if (std::string(l.module) == moduleName) vm.image->modules[l.name] = futures;
    }
    auto pkg = vm.image->modules.find("concurrent");
    if (pkg != vm.image->modules.end()) vm.dictSetStr(pkg->second->dict, "futures", Value::object(futures));
  }
}
}  // namespace

ModuleObj* loadLazyModule(Vm& vm, const std::string& name) {
  const LazyModule* lazy = nullptr;
  for (const LazyModule& l : kLazyModules) {
    if (name == l.name) lazy = &l;
  }
  if (!lazy) return nullptr;
  std::string moduleName = lazy->module;
  if (!vm.image->modules.count(moduleName)) {
    // Invisible to the program's clock and instruction count, as set-up is (runner.cpp).
    ThreadContext* ctx = vm.ctx;
    int64_t charged = vm.charged, remainder = vm.chargeRemainder, instructions = vm.instructions;
    vm.ctx = nullptr;
    ModuleObj* m = vm.newModule(moduleName);
    std::string error;
    bool ok = runLibrary(vm, m, librarySource(lazy->file), &error);
    if (ok) afterLoad(vm, moduleName);
    vm.ctx = ctx;
    vm.charged = charged;
    vm.chargeRemainder = remainder;
    vm.instructions = instructions;
    if (!ok) {
      vm.image->modules.erase(moduleName);
      return nullptr;
    }
  }
  auto it = vm.image->modules.find(name);
  return it == vm.image->modules.end() ? nullptr : it->second;
}

void markLibrary(CodeObj* code) {
  code->flags |= kCodeLibrary;
  for (Value& c : code->constants) {
    if (c.isObj() && c.asObj()->kind == ObjKind::Code) markLibrary(static_cast<CodeObj*>(c.asObj()));
  }
}

bool installModules(Vm& vm, std::string* error) {
  nativeModule(vm, "time", {{"sleep", time_sleep}, {"perf_counter", time_perf_counter}, {"monotonic", time_perf_counter},
                            {"time", time_time}, {"perf_counter_ns", time_ns}, {"monotonic_ns", time_ns},
                            {"time_ns", time_time_ns}, {"process_time", time_perf_counter}});
  ModuleObj* sys = nativeModule(vm, "sys", {{"setswitchinterval", sys_setswitchinterval}, {"getswitchinterval", sys_getswitchinterval},
                                            {"exit", sys_exit}, {"getrecursionlimit", sys_getrecursionlimit}});
  TypeObj* streamType = vm.newType("TextIOWrapper", {vm.types.object_}, true);
  streamType->module = "_io";
  vm.defineNative(streamType->dict, "write", stream_write, "TextIOWrapper");
  vm.defineNative(streamType->dict, "flush", stream_flush, "TextIOWrapper");
  for (int stream : {1, 2}) {
    auto* s = vm.heap.make<InstanceObj>();
    s->cls = streamType;
    s->nativeValue = Value::integer(stream);
    vm.dictSetStr(sys->dict, stream == 1 ? "stdout" : "stderr", Value::object(s));
  }
  vm.dictSetStr(sys->dict, "argv", vm.list({vm.str(vm.filename)}));
  vm.dictSetStr(sys->dict, "platform", vm.str("linux"));
  vm.dictSetStr(sys->dict, "version", vm.str("3.11.7 (Interleave simulation)"));
  vm.dictSetStr(sys->dict, "version_info", vm.tuple({Value::integer(3), Value::integer(11), Value::integer(7), vm.str("final"), Value::integer(0)}));
  vm.dictSetStr(sys->dict, "maxsize", Value::integer(INT64_MAX));
  ModuleObj* os = nativeModule(vm, "os", {{"cpu_count", os_cpu_count}, {"getpid", os_getpid}});
  vm.dictSetStr(os->dict, "sep", vm.str("/"));
  vm.dictSetStr(os->dict, "name", vm.str("posix"));
  nativeModule(vm, "interleave", {{"cpu", interleave_cpu}, {"native", interleave_native}, {"io", interleave_io}});
  nativeModule(vm, "_interleave_thread", {{"_start_thread", thread_start}, {"_join_thread", thread_join},
                                          {"_thread_alive", thread_alive}, {"_get_ident", thread_ident}, {"_engine_id", thread_engine_id},
                                          {"_active_count", thread_active_count}, {"_lock_new", lock_new},
                                          {"_lock_acquire", lock_acquire}, {"_lock_release", lock_release}});
  nativeModule(vm, "_interleave_random", {{"seed", random_seed}, {"random", random_random}, {"getrandbits", random_getrandbits}});
  struct Lib { const char* name; const char* file; };
  installFileNatives(vm);     // module_files.cpp
  installNetworkNatives(vm);  // module_network.cpp
  ModuleObj* loop = nativeModule(vm, "_interleave_loop", {{"_wake_new", wake_new}, {"_select", loop_select}, {"_wake_set", wake_set},
                                                          {"_heappush", loop_heappush}, {"_heappop", loop_heappop}});
  TypeObj* contextType = vm.newType("Context", {vm.types.object_}, true);
  contextType->module = "_contextvars";
  vm.defineNative(contextType->dict, "run", context_run, "Context");
  auto* emptyContext = vm.heap.make<InstanceObj>();
  emptyContext->cls = contextType;
  vm.defineNative(loop->dict, "_copy_context", copy_context, "_interleave_loop")->data = Value::object(emptyContext);
  installMultiprocessingNatives(vm);  // module_multiprocessing.cpp
  installAsyncioNatives(vm);          // module_asyncio.cpp: asyncio's Future and Task
  // open(), os.remove & co. and OSError's attributes come from these: loaded now.
  for (const Lib& lib : {Lib{"os.path", "os_path"}, Lib{"io", "io"}, Lib{"_interleave_os", "_interleave_os"}}) {
    ModuleObj* m = vm.newModule(lib.name);
    if (!runLibrary(vm, m, librarySource(lib.file), error)) return false;
  }
  vm.dictSetStr(os->dict, "path", Value::object(vm.image->modules.at("os.path")));
  finishFileModules(vm);     // module_files.cpp: open(), os.remove/listdir/..., OSError's errno
  vm.lazyModule = loadLazyModule;  // the others: on first import
  vm.newModule("concurrent");      // its `futures` attribute once concurrent.futures is loaded
  return true;
}

}  // namespace interleave::lang
