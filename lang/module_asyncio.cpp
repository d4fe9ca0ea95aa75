// asyncio's Future and Task in C++ (module_asyncio.h): `_interleave_asyncio._install(Future,
// Task, ...)` puts these natives into asyncio.py's classes, where the Python methods were.
//
// [SECTION] Costs            what CPython's C _asyncio charges per operation
// [SECTION] Helpers          the instance's attributes, calls back into Python
// [SECTION] Future
// [SECTION] Future.__await__ CPython's FutureIter
// [SECTION] Task             cancel/uncancel, __step and __wakeup
// [SECTION] Installation
#include "module_asyncio.h"

#include <algorithm>

#include "cost_model.h"
#include "vm_internal.h"

namespace interleave::lang {

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Costs
//-----------------------------------------------------------------------------------------------
// Virtual CPU of the C code, in cost units, on top of what the VM already charges for reaching
// the native (LOAD_METHOD/CALL with callCost(C), or the class call of Future()). Measured on
// CPython 3.11.7 with _asyncio's C Future and Task, each operation on preallocated futures minus
// the empty loop, best of 15 rounds under SCHED_RR (docs/cost-model.md, "asyncio's Future and
// Task"), against the same program on Interleave with these costs at 0:
//   Future(loop=loop) 203-208 ns (Interleave 186), add_done_callback 84-87 (22), an `await` of
//   a finished future 25-34 (4.5): the differences are charged here;
//   set_result 17, cancel 18-19, done() 12, result() 13 ns: less than the VM already charges
//   for any C method call (callCost(C), 20.7 ns, the median of the C calls), so nothing more.
// The task step is calibrated as a whole: CPython runs a `sleep(0)` step (100 tasks x 100 awaits)
// in 1.29 us here, Interleave simulates its Python part (the event loop, the Handle, call_soon,
// the coroutines) at 718 ns with these costs at 0; the C step (task_step and the coroutine
// machinery it drives: entering and leaving the task, the send through the coroutine chain and
// StopIteration, the TaskStepMethWrapper, and the C-level allocation and cyclic GC of the step's
// objects, which the cost table does not model per step) is the difference, 572 ns, split
// between before and after the coroutine runs.
struct AsyncioCosts {
  int64_t init;         // Future.__init__ (future_init: the loop, loop.get_debug(), the slots)
  int64_t result;       // result()/exception() of a finished future (the state checks)
  int64_t setResult;    // set_result/set_exception/cancel: the state change (callbacks apart)
  int64_t perCallback;  // scheduling one done callback (call_soon's own Python is charged too)
  int64_t addCallback;  // add_done_callback of a pending future (context copy, list append)
  int64_t awaitStep;    // fut.__await__() and each FutureIter send
  int64_t stepEnter;    // task_step before the coroutine runs
  int64_t stepLeave;    // after it: the yielded future's protocol, leave_task
  int64_t wakeup;       // task_wakeup before its task_step (the future's result)
};
constexpr AsyncioCosts kCosts{
    /*init=*/cost_detail::ns(19.0),     /*result=*/0,
    /*setResult=*/0,                      /*perCallback=*/0,
    /*addCallback=*/cost_detail::ns(64.0), /*awaitStep=*/cost_detail::ns(11.5),
    /*stepEnter=*/cost_detail::ns(286.0), /*stepLeave=*/cost_detail::ns(286.0),
    /*wakeup=*/0};

//-----------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------------------------
using N = Vm::LibName;

// What `_install` gave: asyncio.py's classes and tables, shared by every native (their data).
struct Config {
  TypeObj* cancelledError = nullptr;
  TypeObj* invalidStateError = nullptr;
  DictObj* currentTasks = nullptr;
  Value getEventLoop;
};
enum ConfigSlot { kCancelledError, kInvalidStateError, kCurrentTasks, kGetEventLoop, kConfigSlots };

bool config(const Value& data, Config* out) {
  if (!isKind(data, ObjKind::Tuple)) return false;
  const auto& items = static_cast<TupleObj*>(data.asObj())->items;
  if (items.size() != kConfigSlots || !isKind(items[kCancelledError], ObjKind::Type) ||
      !isKind(items[kInvalidStateError], ObjKind::Type) || !isKind(items[kCurrentTasks], ObjKind::Dict)) {
    return false;
  }
  out->cancelledError = static_cast<TypeObj*>(items[kCancelledError].asObj());
  out->invalidStateError = static_cast<TypeObj*>(items[kInvalidStateError].asObj());
  out->currentTasks = static_cast<DictObj*>(items[kCurrentTasks].asObj());
  out->getEventLoop = items[kGetEventLoop];
  return true;
}

// An attribute in the instance's own dict (undefined if absent): where asyncio.py kept it.
Value own(Vm& vm, InstanceObj* o, N name) {
  Value v = Value::undefined();
  if (o->dict) findStrKey(o->dict, vm.libName(name), &v, true);
  return v;
}

bool setOwn(Vm& vm, PyThread& t, InstanceObj* o, N name, Value v) {
  if (!o->dict) o->dict = vm.newDict();
  Value old = Value::undefined();
  DictEntry* e = nullptr;
  if (findStrKey(o->dict, vm.libName(name), &old, true, &e) == StrLookup::Found) {
    e->value = v;
    return true;
  }
  if (!vm.dictSet(t, o->dict, Value::object(vm.libName(name)), v)) return false;
  // As after a STORE_ATTR of a new attribute: the class's next instances reserve as many.
  int64_t n = std::min<int64_t>(o->dict->used, kInstanceDictReserve);
  if (o->cls && n > o->cls->instanceAttrs) o->cls->instanceAttrs = static_cast<int32_t>(n);
  return true;
}

bool isStrValue(const Value& v, StrObj* s) {
  return isKind(v, ObjKind::Str) && (v.asObj() == s || asStr(v)->s == s->s);
}

// The future's _state is 'PENDING' / 'CANCELLED' / 'FINISHED'.
bool stateIs(Vm& vm, InstanceObj* f, N state) { return isStrValue(own(vm, f, N::State), vm.libName(state)); }
bool isDone(Vm& vm, InstanceObj* f) { return !stateIs(vm, f, N::Pending); }
bool truthyOwn(Vm& vm, InstanceObj* f, N name) {
  Value v = own(vm, f, name);
  return v.isBool() ? v.asBool() : (v.isInt() ? v.asInt() != 0 : false);
}

// The receiver: a bound native's own, or the first argument of an unbound one (Future.cancel(t)
// through a class, or a bound method made of the native).
bool receiver(Vm& vm, NativeCall& c, InstanceObj** self, size_t* first) {
  Value s = c.self;
  *first = 0;
  if (s.isUndefined()) {
    if (c.args.empty()) return false;
    s = c.args[0];
    *first = 1;
  }
  if (!isKind(s, ObjKind::Instance)) return false;
  *self = static_cast<InstanceObj*>(s.asObj());
  return true;
}

NativeResult badReceiver(Vm& vm, NativeCall& c) {
  return vm.raise(*c.thread, vm.types.TypeError, "descriptor '" + c.callee->name + "' requires a Future object");
}

// Calls `callable(*args)` from C (it must not block): asyncio.py's Python parts, e.g. call_soon.
bool callPython(Vm& vm, PyThread& t, Value callable, const std::vector<Value>& args, Value* out) {
  Value ignored;
  return vm.callReentrant(t, callable, args, out ? out : &ignored);
}

// obj.<name>(*args), found as Python would find it. The usual case, a Python method of the
// instance's class (loop.call_soon), is called as the function with `obj` first: no bound method.
bool callMethod(Vm& vm, PyThread& t, Value obj, StrObj* name, const std::vector<Value>& args, Value* out) {
  if (isKind(obj, ObjKind::Instance)) {
    auto* inst = static_cast<InstanceObj*>(obj.asObj());
    Value fn = findClassAttr(inst->cls, name);
    Value mine = Value::undefined();
    if (isKind(fn, ObjKind::Function) && (!inst->dict || findStrKey(inst->dict, name, &mine, true) == StrLookup::Missing)) {
      std::vector<Value> all;
      all.reserve(args.size() + 1);
      all.push_back(obj);
      all.insert(all.end(), args.begin(), args.end());
      return callPython(vm, t, fn, all, out);
    }
  }
  Value m;
  if (!vm.getAttr(t, obj, name, &m)) return false;
  return callPython(vm, t, m, args, out);
}

std::string reprOf(Vm& vm, PyThread& t, Value v) {
  std::string s;
  if (!vm.repr(t, v, &s)) {
    t.raising = Value::undefined();
    s = "<?>";
  }
  return s;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Future
//-----------------------------------------------------------------------------------------------
// __schedule_callbacks: every done callback goes to loop.call_soon(callback, self), the list
// is emptied in place (`self._callbacks[:] = []`).
bool scheduleCallbacks(Vm& vm, PyThread& t, InstanceObj* f) {
  Value cbs = own(vm, f, N::Callbacks);
  if (!isKind(cbs, ObjKind::List)) return true;
  auto* list = static_cast<ListObj*>(cbs.asObj());
  if (list->items.empty()) return true;
  std::vector<Value> callbacks;
  callbacks.swap(list->items);
  Value loop = own(vm, f, N::Loop);
  Value self = Value::object(f);
  for (const Value& cb : callbacks) {
    vm.charged += kCosts.perCallback;
    if (!callMethod(vm, t, loop, vm.libName(N::CallSoon), {cb, self}, nullptr)) return false;
  }
  return true;
}

Value makeCancelledError(Vm& vm, PyThread& t, const Config& cfg, InstanceObj* f) {
  Value exc = own(vm, f, N::CancelledExc);
  if (!exc.isUndefined() && !exc.isNone()) {
    setOwn(vm, t, f, N::CancelledExc, Value::none());
    return exc;
  }
  Value msg = own(vm, f, N::CancelMessage);
  if (msg.isUndefined() || msg.isNone()) return vm.newExceptionArgs(cfg.cancelledError, {});
  return vm.newExceptionArgs(cfg.cancelledError, {msg});
}

// Future.cancel(msg): false when already done.
bool futureCancel(Vm& vm, PyThread& t, InstanceObj* f, Value msg, bool* cancelled) {
  *cancelled = false;
  if (!stateIs(vm, f, N::Pending)) return true;
  vm.charged += kCosts.setResult;
  if (!setOwn(vm, t, f, N::State, Value::object(vm.libName(N::Cancelled))) || !setOwn(vm, t, f, N::CancelMessage, msg)) return false;
  *cancelled = true;
  return scheduleCallbacks(vm, t, f);
}

bool invalidState(Vm& vm, PyThread& t, const Config& cfg, InstanceObj* f) {
  Value state = own(vm, f, N::State);
  std::string s = isKind(state, ObjKind::Str) ? asStr(state)->s : reprOf(vm, t, state);
  vm.raise(t, cfg.invalidStateError, s + ": " + reprOf(vm, t, Value::object(f)));
  return false;
}

bool futureSetResult(Vm& vm, PyThread& t, const Config& cfg, InstanceObj* f, Value result) {
  if (!stateIs(vm, f, N::Pending)) return invalidState(vm, t, cfg, f);
  vm.charged += kCosts.setResult;
  if (!setOwn(vm, t, f, N::Result, result) || !setOwn(vm, t, f, N::State, Value::object(vm.libName(N::Finished)))) return false;
  return scheduleCallbacks(vm, t, f);
}

bool futureSetException(Vm& vm, PyThread& t, const Config& cfg, InstanceObj* f, Value exc) {
  if (!stateIs(vm, f, N::Pending)) return invalidState(vm, t, cfg, f);
  if (isKind(exc, ObjKind::Type)) {
    Value inst;
    if (!callPython(vm, t, exc, {}, &inst)) return false;
    exc = inst;
  }
  if (vm.typeOf(exc) == vm.types.StopIteration) {
    vm.raise(t, vm.types.TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
    return false;
  }
  vm.charged += kCosts.setResult;
  if (!setOwn(vm, t, f, N::Exception, exc) || !setOwn(vm, t, f, N::State, Value::object(vm.libName(N::Finished)))) return false;
  return scheduleCallbacks(vm, t, f);
}

// result(): the value, or raises the exception / a CancelledError / InvalidStateError.
bool futureResult(Vm& vm, PyThread& t, const Config& cfg, InstanceObj* f, Value* out) {
  vm.charged += kCosts.result;
  if (stateIs(vm, f, N::Cancelled)) {
    t.raising = makeCancelledError(vm, t, cfg, f);
    return false;
  }
  if (!stateIs(vm, f, N::Finished)) {
    vm.raise(t, cfg.invalidStateError, "Result is not ready.");
    return false;
  }
  Value exc = own(vm, f, N::Exception);
  if (!exc.isUndefined() && !exc.isNone()) {
    t.raising = exc;
    return false;
  }
  *out = own(vm, f, N::Result);
  if (out->isUndefined()) *out = Value::none();
  return true;
}

// Raising an exception object from a native: Python's `raise exc` (no context chaining here,
// as when asyncio.py raised it from a method without an active handler).
NativeResult raiseValue(PyThread& t, Value exc) {
  t.raising = exc;
  return NativeResult::raise();
}

#define FUTURE_SELF()                                  \
  InstanceObj* self = nullptr;                         \
  size_t first = 0;                                    \
  if (!receiver(vm, c, &self, &first)) return badReceiver(vm, c); \
  Config cfg;                                          \
  if (!config(c.callee->data, &cfg)) return vm.raise(*c.thread, vm.types.RuntimeError, "asyncio natives not installed"); \
  PyThread& t = *c.thread;                             \
  (void)first;                                         \
  (void)t

size_t positional(NativeCall& c, size_t first) { return c.args.size() - first; }

NativeResult tooMany(Vm& vm, NativeCall& c, const char* name, size_t takes, size_t given) {
  return vm.raise(*c.thread, vm.types.TypeError,
                  std::string(name) + "() takes " + std::to_string(takes) + " positional argument" + (takes == 1 ? "" : "s") +
                      " but " + std::to_string(given) + " were given");
}

NativeResult future_init(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  Value loop = c.takeKw("loop");
  if (!c.kwargs.empty()) return vm.raise(t, vm.types.TypeError, "__init__() got an unexpected keyword argument '" + c.kwargs[0].first->s + "'");
  if (positional(c, first) != 0) return tooMany(vm, c, "__init__", 1, positional(c, first) + 1);
  if (loop.isUndefined() || loop.isNone()) {
    if (!callPython(vm, t, cfg.getEventLoop, {}, &loop)) return NativeResult::raise();
  }
  vm.charged += kCosts.init;
  // asyncio.py's order of the attributes (vars(future) shows it).
  setOwn(vm, t, self, N::Loop, loop);
  setOwn(vm, t, self, N::State, Value::object(vm.libName(N::Pending)));
  setOwn(vm, t, self, N::Result, Value::none());
  setOwn(vm, t, self, N::Exception, Value::none());
  setOwn(vm, t, self, N::Callbacks, vm.list({}));
  setOwn(vm, t, self, N::CancelMessage, Value::none());
  setOwn(vm, t, self, N::CancelledExc, Value::none());
  return NativeResult::ret(Value::none());
}

NativeResult future_get_loop(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  Value loop = own(vm, self, N::Loop);
  return NativeResult::ret(loop.isUndefined() ? Value::none() : loop);
}

NativeResult future_make_cancelled_error(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  return NativeResult::ret(makeCancelledError(vm, t, cfg, self));
}

NativeResult future_cancel(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  Value msg = c.takeKw("msg");
  if (positional(c, first) > 1) return tooMany(vm, c, "cancel", 2, positional(c, first) + 1);
  if (positional(c, first) == 1) {
    if (!msg.isUndefined()) return vm.raise(t, vm.types.TypeError, "cancel() got multiple values for argument 'msg'");
    msg = c.args[first];
  }
  if (msg.isUndefined()) msg = Value::none();
  bool cancelled = false;
  if (!futureCancel(vm, t, self, msg, &cancelled)) return NativeResult::raise();
  return NativeResult::ret(Value::boolean(cancelled));
}

NativeResult future_schedule_callbacks(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  if (!scheduleCallbacks(vm, t, self)) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

NativeResult future_cancelled(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  return NativeResult::ret(Value::boolean(stateIs(vm, self, N::Cancelled)));
}

NativeResult future_done(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  return NativeResult::ret(Value::boolean(isDone(vm, self)));
}

NativeResult future_result(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  Value out;
  if (!futureResult(vm, t, cfg, self, &out)) return NativeResult::raise();
  return NativeResult::ret(out);
}

NativeResult future_exception(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  vm.charged += kCosts.result;
  if (stateIs(vm, self, N::Cancelled)) return raiseValue(t, makeCancelledError(vm, t, cfg, self));
  if (!stateIs(vm, self, N::Finished)) return vm.raise(t, cfg.invalidStateError, "Exception is not set.");
  Value exc = own(vm, self, N::Exception);
  return NativeResult::ret(exc.isUndefined() ? Value::none() : exc);
}

// add_done_callback: later through call_soon if already done, else into _callbacks.
bool addDoneCallback(Vm& vm, PyThread& t, InstanceObj* f, Value fn) {
  if (!stateIs(vm, f, N::Pending)) {
    vm.charged += kCosts.perCallback;
    return callMethod(vm, t, own(vm, f, N::Loop), vm.libName(N::CallSoon), {fn, Value::object(f)}, nullptr);
  }
  vm.charged += kCosts.addCallback;
  Value cbs = own(vm, f, N::Callbacks);
  if (isKind(cbs, ObjKind::List)) {
    static_cast<ListObj*>(cbs.asObj())->items.push_back(fn);
    return true;
  }
  // A program replaced _callbacks: append as Python would.
  Value append;
  if (!vm.getAttr(t, cbs, vm.libName(N::Append), &append)) return false;
  return callPython(vm, t, append, {fn}, nullptr);
}

NativeResult future_add_done_callback(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  c.takeKw("context");
  if (!c.kwargs.empty()) return vm.raise(t, vm.types.TypeError, "add_done_callback() got an unexpected keyword argument '" + c.kwargs[0].first->s + "'");
  if (positional(c, first) != 1) return tooMany(vm, c, "add_done_callback", 2, positional(c, first) + 1);
  if (!addDoneCallback(vm, t, self, c.args[first])) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

NativeResult future_remove_done_callback(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  if (positional(c, first) != 1) return tooMany(vm, c, "remove_done_callback", 2, positional(c, first) + 1);
  Value fn = c.args[first];
  Value cbs = own(vm, self, N::Callbacks);
  if (!isKind(cbs, ObjKind::List)) return NativeResult::ret(Value::integer(0));
  auto* list = static_cast<ListObj*>(cbs.asObj());
  std::vector<Value> kept;
  std::vector<Value> items = list->items;  // `f != fn` may run Python code
  for (const Value& f : items) {
    bool same = false;
    if (!vm.equals(t, f, fn, &same)) return NativeResult::raise();
    if (!same) kept.push_back(f);
  }
  int64_t removed = static_cast<int64_t>(list->items.size()) - static_cast<int64_t>(kept.size());
  if (removed) list->items = std::move(kept);
  return NativeResult::ret(Value::integer(removed));
}

NativeResult future_set_result(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  if (positional(c, first) != 1) return tooMany(vm, c, "set_result", 2, positional(c, first) + 1);
  if (!futureSetResult(vm, t, cfg, self, c.args[first])) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

NativeResult future_set_exception(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  if (positional(c, first) != 1) return tooMany(vm, c, "set_exception", 2, positional(c, first) + 1);
  if (!futureSetException(vm, t, cfg, self, c.args[first])) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Future.__await__
//-----------------------------------------------------------------------------------------------
// The iterator `await future` drives: an instance of Vm::futureIterType holding the future
// (nativeValue) and whether it has yielded it (nativeId 1).
NativeResult future_await(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  auto* it = vm.heap.make<InstanceObj>();
  it->cls = vm.futureIterType;
  it->nativeValue = Value::object(self);
  it->nativeId = 0;
  vm.charged += kCosts.awaitStep;
  return NativeResult::ret(Value::object(it));
}

NativeResult iter_next(Vm& vm, NativeCall& c) {
  InstanceObj* it = nullptr;
  size_t first = 0;
  if (!receiver(vm, c, &it, &first) || it->cls != vm.futureIterType) {
    return vm.raise(*c.thread, vm.types.TypeError, "FutureIter.__next__ requires a FutureIter");
  }
  Value out;
  switch (futureIterSend(vm, *c.thread, it, &out)) {
    case FutureSend::Yield: return NativeResult::ret(out);
    case FutureSend::Return:
      c.thread->raising = out.isNone() ? vm.newExceptionArgs(vm.types.StopIteration, {}) : vm.newExceptionArgs(vm.types.StopIteration, {out});
      return NativeResult::raise();
    case FutureSend::Raise: return NativeResult::raise();
  }
  return NativeResult::raise();
}

NativeResult iter_iter(Vm& vm, NativeCall& c) {
  return NativeResult::ret(c.self.isUndefined() && !c.args.empty() ? c.args[0] : c.self);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Task
//-----------------------------------------------------------------------------------------------
NativeResult task_cancel(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  Value msg = c.takeKw("msg");
  if (positional(c, first) > 1) return tooMany(vm, c, "cancel", 2, positional(c, first) + 1);
  if (positional(c, first) == 1) msg = c.args[first];
  if (msg.isUndefined()) msg = Value::none();
  if (isDone(vm, self)) return NativeResult::ret(Value::boolean(false));
  vm.charged += kCosts.result;
  Value n = own(vm, self, N::NumCancels);
  setOwn(vm, t, self, N::NumCancels, Value::integer((n.isInt() ? n.asInt() : 0) + 1));
  Value waiter = own(vm, self, N::FutWaiter);
  if (!waiter.isUndefined() && !waiter.isNone()) {
    Value r;
    if (!callMethod(vm, t, waiter, vm.libName(N::CancelMethod), {msg}, &r)) return NativeResult::raise();
    bool yes = false;
    if (!vm.truthy(t, r, &yes)) return NativeResult::raise();
    if (yes) return NativeResult::ret(Value::boolean(true));
  }
  setOwn(vm, t, self, N::MustCancel, Value::boolean(true));
  setOwn(vm, t, self, N::CancelMessage, msg);
  return NativeResult::ret(Value::boolean(true));
}

NativeResult task_cancelling(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  Value n = own(vm, self, N::NumCancels);
  return NativeResult::ret(n.isUndefined() ? Value::integer(0) : n);
}

NativeResult task_uncancel(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  Value n = own(vm, self, N::NumCancels);
  int64_t k = n.isInt() ? n.asInt() : 0;
  if (k > 0) {
    --k;
    setOwn(vm, t, self, N::NumCancels, Value::integer(k));
  }
  return NativeResult::ret(Value::integer(k));
}

// The bound method `task.__wakeup` / `task.__step` as asyncio.py made it (a BoundMethodObj:
// the lanes and the trace's resources find the task in it).
Value boundTaskMethod(Vm& vm, InstanceObj* task, N name) {
  Value fn = findClassAttr(task->cls, vm.libName(name));
  auto* m = vm.heap.make<BoundMethodObj>();
  m->self = Value::object(task);
  m->func = fn;
  return Value::object(m);
}

// loop.call_soon(self.__step[, arg], context=self._context); Interleave's Context is one
// object, so passing it or not is the same.
bool scheduleStep(Vm& vm, PyThread& t, InstanceObj* task, Value arg) {
  std::vector<Value> args{boundTaskMethod(vm, task, N::Step)};
  if (!arg.isUndefined()) args.push_back(arg);
  return callMethod(vm, t, own(vm, task, N::Loop), vm.libName(N::CallSoon), args, nullptr);
}

// A native step without resuming the coroutine (it cannot be resumed: the exception comes
// straight out of coro.send/throw, as CPython's would).
NativeResult stepFailsAtOnce(Vm& vm, PyThread& t, InstanceObj* task) {
  if (!finishTaskStep(vm, t, Value::object(task), StepEnd::Raised, t.raising)) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

NativeResult task_step(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  Value exc = positional(c, first) >= 1 ? c.args[first] : c.takeKw("exc");
  if (exc.isUndefined()) exc = Value::none();
  if (isDone(vm, self)) {
    return vm.raise(t, cfg.invalidStateError,
                    "_step(): already done: " + reprOf(vm, t, Value::object(self)) + ", " + reprOf(vm, t, exc));
  }
  vm.charged += kCosts.stepEnter;
  if (truthyOwn(vm, self, N::MustCancel)) {
    if (!vm.isInstance(exc, cfg.cancelledError)) exc = makeCancelledError(vm, t, cfg, self);
    setOwn(vm, t, self, N::MustCancel, Value::boolean(false));
  }
  Value coro = own(vm, self, N::Coro);
  setOwn(vm, t, self, N::FutWaiter, Value::none());
  Value loop = own(vm, self, N::Loop);
  if (!vm.dictSet(t, cfg.currentTasks, loop, Value::object(self))) return NativeResult::raise();
  taskStepLane(vm, self, true);
  if (!isKind(coro, ObjKind::Generator)) {
    vm.raise(t, vm.types.TypeError, "a coroutine was expected, got " + reprOf(vm, t, coro));
    return stepFailsAtOnce(vm, t, self);
  }
  auto* gen = static_cast<GeneratorObj*>(coro.asObj());
  if (gen->state == GenState::Running) {
    vm.raise(t, vm.types.ValueError, "coroutine already executing");
    return stepFailsAtOnce(vm, t, self);
  }
  if (gen->state == GenState::Done) {
    vm.raise(t, vm.types.RuntimeError, "cannot reuse already awaited coroutine");
    return stepFailsAtOnce(vm, t, self);
  }
  if (!exc.isNone() && gen->state == GenState::Created) {
    // throw() into a coroutine that never ran: it is closed, the exception comes out.
    gen->state = GenState::Done;
    if (gen->coroutine && !gen->awaitedOnce) --vm.unstartedCoroutines;
    gen->awaitedOnce = true;
    if (isKind(exc, ObjKind::Type)) {
      Value inst;
      if (!callPython(vm, t, exc, {}, &inst)) return stepFailsAtOnce(vm, t, self);
      exc = inst;
    }
    t.raising = exc;
    return stepFailsAtOnce(vm, t, self);
  }
  gen->frame->payload = Value::object(self);  // Delivery::TaskStep finds its task here
  NativeResult r = NativeResult::resume(coro, Value::none());
  if (!exc.isNone()) r.args.push_back(exc);  // coro.throw(exc)
  r.data = Value::object(self);
  return r;
}

NativeResult task_wakeup(Vm& vm, NativeCall& c) {
  FUTURE_SELF();
  if (positional(c, first) != 1) return tooMany(vm, c, "__wakeup", 2, positional(c, first) + 1);
  Value future = c.args[first];
  vm.charged += kCosts.wakeup;
  // future.result(): natively for asyncio's futures, else the method.
  Value exc = Value::none();
  Value fr = Value::undefined();
  Value m = isKind(future, ObjKind::Instance) ? findClassAttr(static_cast<InstanceObj*>(future.asObj())->cls, vm.libName(N::ResultMethod)) : Value::undefined();
  bool native = isKind(m, ObjKind::Builtin) && static_cast<BuiltinObj*>(m.asObj())->fn == future_result;
  bool ok = native ? futureResult(vm, t, cfg, static_cast<InstanceObj*>(future.asObj()), &fr)
                   : callMethod(vm, t, future, vm.libName(N::ResultMethod), {}, &fr);
  if (!ok) {
    exc = t.raising;
    t.raising = Value::undefined();
  }
  NativeCall step;
  step.callee = c.callee;
  step.self = Value::object(self);
  step.thread = &t;
  if (!exc.isNone()) step.args.push_back(exc);
  Value stepFn = findClassAttr(self->cls, vm.libName(N::Step));
  if (!isKind(stepFn, ObjKind::Builtin)) return vm.raise(t, vm.types.TypeError, "Task.__step is missing");
  step.callee = static_cast<BuiltinObj*>(stepFn.asObj());
  return task_step(vm, step);
}

// _asyncio_future_blocking of what the coroutine yielded: None when it has none (not a future).
bool blockingOf(Vm& vm, PyThread& t, Value result, Value* out) {
  *out = Value::none();
  if (result.isNone() || !result.isObj()) return true;
  if (isKind(result, ObjKind::Instance)) {
    auto* inst = static_cast<InstanceObj*>(result.asObj());
    Value v = own(vm, inst, N::Blocking);
    if (!v.isUndefined()) { *out = v; return true; }
    Value cv = findClassAttr(inst->cls, vm.libName(N::Blocking));
    if (cv.isUndefined()) return true;
    if (!isKind(cv, ObjKind::Property)) { *out = cv; return true; }
  }
  Value v;
  if (!vm.lookupAttr(result, "_asyncio_future_blocking", &v)) return true;
  if (!vm.getAttr(t, result, vm.libName(N::Blocking), out)) {
    t.raising = Value::undefined();
    *out = Value::none();
  }
  return true;
}

Config taskConfig(Vm& vm, InstanceObj* task) {
  Config cfg;
  Value step = findClassAttr(task->cls, vm.libName(N::Step));
  if (isKind(step, ObjKind::Builtin)) config(static_cast<BuiltinObj*>(step.asObj())->data, &cfg);
  return cfg;
}

}  // namespace

bool finishTaskStep(Vm& vm, PyThread& t, Value taskValue, StepEnd how, Value v) {
  auto* task = static_cast<InstanceObj*>(taskValue.asObj());
  Config cfg = taskConfig(vm, task);
  if (!cfg.cancelledError) return true;
  vm.charged += kCosts.stepLeave;
  bool ok = true;
  Value reraise = Value::undefined();
  switch (how) {
    case StepEnd::Returned:
      if (truthyOwn(vm, task, N::MustCancel)) {
        setOwn(vm, t, task, N::MustCancel, Value::boolean(false));
        bool cancelled;
        ok = futureCancel(vm, t, task, own(vm, task, N::CancelMessage), &cancelled);
      } else {
        ok = futureSetResult(vm, t, cfg, task, v);
      }
      break;
    case StepEnd::Raised: {
      Value exc = t.raising;
      t.raising = Value::undefined();
      if (vm.isInstance(exc, cfg.cancelledError)) {
        setOwn(vm, t, task, N::CancelledExc, exc);
        bool cancelled;
        ok = futureCancel(vm, t, task, Value::none(), &cancelled);
      } else {
        ok = futureSetException(vm, t, cfg, task, exc);
        if (ok && (vm.isInstance(exc, vm.types.KeyboardInterrupt) || vm.isInstance(exc, vm.types.SystemExit))) reraise = exc;
      }
      break;
    }
    case StepEnd::Yielded: {
      Value result = v;
      Value blocking;
      blockingOf(vm, t, result, &blocking);
      if (!blocking.isNone()) {
        bool yes = false;
        ok = vm.truthy(t, blocking, &yes);
        if (ok && yes) {
          auto* fut = isKind(result, ObjKind::Instance) ? static_cast<InstanceObj*>(result.asObj()) : nullptr;
          if (fut) ok = setOwn(vm, t, fut, N::Blocking, Value::boolean(false));
          else ok = vm.setAttr(t, result, vm.libName(N::Blocking), Value::boolean(false));
          Value wakeup = boundTaskMethod(vm, task, N::Wakeup);
          if (ok) {
            Value m = fut ? findClassAttr(fut->cls, vm.libName(N::AddDoneCallback)) : Value::undefined();
            if (isKind(m, ObjKind::Builtin) && static_cast<BuiltinObj*>(m.asObj())->fn == future_add_done_callback) {
              ok = addDoneCallback(vm, t, fut, wakeup);
            } else {
              ok = callMethod(vm, t, result, vm.libName(N::AddDoneCallback), {wakeup}, nullptr);
            }
          }
          if (ok) ok = setOwn(vm, t, task, N::FutWaiter, result);
          if (ok && truthyOwn(vm, task, N::MustCancel)) {
            Value r;
            ok = callMethod(vm, t, result, vm.libName(N::CancelMethod), {own(vm, task, N::CancelMessage)}, &r);
            bool yes2 = false;
            if (ok) ok = vm.truthy(t, r, &yes2);
            if (ok && yes2) ok = setOwn(vm, t, task, N::MustCancel, Value::boolean(false));
          }
        } else if (ok) {
          std::string msg = "yield was used instead of yield from in task " + reprOf(vm, t, taskValue) + " with " + reprOf(vm, t, result);
          ok = scheduleStep(vm, t, task, vm.newException(vm.types.RuntimeError, msg));
        }
      } else if (result.isNone()) {
        ok = scheduleStep(vm, t, task, Value::undefined());
      } else {
        ok = scheduleStep(vm, t, task, vm.newException(vm.types.RuntimeError, "Task got bad yield: " + reprOf(vm, t, result)));
      }
      break;
    }
  }
  // finally: leave the task (an exception from above passes through), then the lane.
  Value pending = t.raising;
  t.raising = Value::undefined();
  bool found = false;
  if (!vm.dictDel(t, cfg.currentTasks, own(vm, task, N::Loop), &found)) t.raising = Value::undefined();
  taskStepLane(vm, task, false);
  if (!ok) {
    t.raising = pending;
    return false;
  }
  if (!reraise.isUndefined()) {
    t.raising = reraise;
    return false;
  }
  return true;
}

FutureSend futureIterSend(Vm& vm, PyThread& t, InstanceObj* it, Value* out) {
  Value fv = it->nativeValue;
  if (!isKind(fv, ObjKind::Instance)) {
    // Exhausted (CPython's FutureIter drops its future at the end).
    *out = Value::none();
    return FutureSend::Return;
  }
  auto* f = static_cast<InstanceObj*>(fv.asObj());
  vm.charged += kCosts.awaitStep;
  if (it->nativeId == 0 && !isDone(vm, f)) {
    it->nativeId = 1;
    setOwn(vm, t, f, N::Blocking, Value::boolean(true));
    *out = fv;
    return FutureSend::Yield;
  }
  it->nativeValue = Value::undefined();
  if (!isDone(vm, f)) {
    vm.raise(t, vm.types.RuntimeError, "await wasn't used with future");
    return FutureSend::Raise;
  }
  // self.result(), as asyncio.py's __await__ called it (a subclass's own result() included).
  Value m = findClassAttr(f->cls, vm.libName(N::ResultMethod));
  if (isKind(m, ObjKind::Builtin) && static_cast<BuiltinObj*>(m.asObj())->fn == future_result) {
    Config cfg;
    config(static_cast<BuiltinObj*>(m.asObj())->data, &cfg);
    if (cfg.cancelledError && futureResult(vm, t, cfg, f, out)) return FutureSend::Return;
    return FutureSend::Raise;
  }
  if (!callMethod(vm, t, fv, vm.libName(N::ResultMethod), {}, out)) return FutureSend::Raise;
  return FutureSend::Return;
}

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Installation
//-----------------------------------------------------------------------------------------------
// _install(Future, Task, CancelledError, InvalidStateError, current_tasks, get_event_loop):
// the natives into the two classes (one set per import of asyncio: each bound to its classes).
NativeResult asyncio_install(Vm& vm, NativeCall& c) {
  PyThread& t = *c.thread;
  if (c.args.size() != 6 || !isKind(c.args[0], ObjKind::Type) || !isKind(c.args[1], ObjKind::Type)) {
    return vm.raise(t, vm.types.TypeError, "_install(Future, Task, CancelledError, InvalidStateError, current_tasks, get_event_loop)");
  }
  Value data = vm.tuple({c.args[2], c.args[3], c.args[4], c.args[5]});
  Config cfg;
  if (!config(data, &cfg)) return vm.raise(t, vm.types.TypeError, "_install: bad arguments");
  struct Method { const char* name; NativeFn fn; };
  auto put = [&](Value cls, const char* owner, std::initializer_list<Method> methods) {
    for (const Method& m : methods) {
      auto* b = vm.heap.make<BuiltinObj>();
      b->name = m.name;
      b->ownerType = owner;
      b->fn = m.fn;
      b->data = data;
      if (!vm.setAttr(t, cls, vm.heap.str(m.name), Value::object(b))) return false;
    }
    return true;
  };
  bool ok = put(c.args[0], "Future",
                {{"__init__", future_init}, {"get_loop", future_get_loop}, {"_make_cancelled_error", future_make_cancelled_error},
                 {"cancel", future_cancel}, {"__schedule_callbacks", future_schedule_callbacks},
                 {"cancelled", future_cancelled}, {"done", future_done}, {"result", future_result},
                 {"exception", future_exception}, {"add_done_callback", future_add_done_callback},
                 {"remove_done_callback", future_remove_done_callback}, {"set_result", future_set_result},
                 {"set_exception", future_set_exception}, {"__await__", future_await}}) &&
            put(c.args[1], "Task",
                {{"cancel", task_cancel}, {"cancelling", task_cancelling}, {"uncancel", task_uncancel},
                 {"__step", task_step}, {"__wakeup", task_wakeup}});
  if (!ok) return NativeResult::raise();
  return NativeResult::ret(Value::none());
}

}  // namespace

void installAsyncioNatives(Vm& vm) {
  ModuleObj* m = vm.newModule("_interleave_asyncio");
  vm.defineNative(m->dict, "_install", asyncio_install, "_interleave_asyncio");
  TypeObj* iter = vm.newType("FutureIter", {vm.types.object_}, true);
  iter->module = "_asyncio";
  vm.defineNative(iter->dict, "__next__", iter_next, "FutureIter");
  vm.defineNative(iter->dict, "__iter__", iter_iter, "FutureIter");
  vm.futureIterType = iter;
  vm.roots.push_back(Value::object(iter));
}

}  // namespace interleave::lang
