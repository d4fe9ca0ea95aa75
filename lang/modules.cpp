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

#include "compiler.h"
#include "mersenne_twister.h"
#include "modules.h"
#include "parser.h"
#include "simulation.h"
#include "vm_internal.h"

namespace interleave::lang {

namespace {
bool isKind(const Value& v, ObjKind k) { return v.isObj() && v.asObj()->kind == k; }

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

RuntimeState& state(Vm& vm) { return *static_cast<RuntimeState*>(vm.runtime); }

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
  r.thread->body = state(vm).makeThreadBody(c.args[0], name);
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
  return NativeResult::ret(Value::boolean(state(vm).threadAlive(static_cast<int32_t>(c.args[0].asInt()))));
}

// threading.get_ident(): CPython returns the pthread_t, an address; stacks 8 MiB + 4 KiB apart.
constexpr int64_t kIdentBase = 139870000000000;
constexpr int64_t kIdentStride = 8392704;
NativeResult thread_ident(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::integer(kIdentBase + kIdentStride * (vm.ctx ? vm.ctx->threadId() : 0)));
}
NativeResult thread_engine_id(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::integer(vm.ctx ? vm.ctx->threadId() : 0)); }

NativeResult thread_active_count(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::integer(state(vm).aliveThreads()));
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

NativeResult wake_set(Vm& vm, NativeCall& c) {
  Request r;
  r.kind = RequestKind::EventSet;
  r.target = c.args[0].asInt();
  return NativeResult::engine(std::move(r), returnNone);
}

//-----------------------------------------------------------------------------------------------
// [SECTION] time, sys, os
//-----------------------------------------------------------------------------------------------
double nowSeconds(Vm& vm) { return vm.ctx ? static_cast<double>(vm.ctx->now()) / 1e9 : 0.0; }
// time.time(): virtual time after a fixed epoch (2024-01-01T00:00:00Z), for reproducibility.
constexpr double kEpochSeconds = 1704067200.0;

NativeResult time_perf_counter(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::flt(nowSeconds(vm))); }
NativeResult time_time(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::flt(kEpochSeconds + nowSeconds(vm))); }
NativeResult time_ns(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::integer(vm.ctx ? vm.ctx->now() : 0));
}
NativeResult time_time_ns(Vm& vm, NativeCall& c) {
  return NativeResult::ret(Value::integer(static_cast<int64_t>(kEpochSeconds) * 1000000000LL + (vm.ctx ? vm.ctx->now() : 0)));
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
  state(vm).switchInterval = r.duration;
  return NativeResult::engine(std::move(r), returnNone);
}

NativeResult sys_getswitchinterval(Vm& vm, NativeCall& c) {
  Nanos d = vm.ctx ? vm.ctx->switchInterval() : state(vm).switchInterval;
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

// The in-memory file system arrives with open(); until then nothing exists.
NativeResult fs_exists(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::boolean(false)); }

NativeResult os_cpu_count(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::integer(vm.ctx ? vm.ctx->cpuCount() : 1)); }
NativeResult os_getpid(Vm& vm, NativeCall& c) { return NativeResult::ret(Value::integer(vm.ctx ? vm.ctx->osPid() : 4242)); }

//-----------------------------------------------------------------------------------------------
// [SECTION] random
//-----------------------------------------------------------------------------------------------
MersenneTwister& twister(Vm& vm) { return state(vm).twister(); }

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
    seedFromBigInt(twister(vm), BigInt(static_cast<int64_t>(state(vm).seed)));
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
// threading and queue follow CPython 3.11's threading.py / queue.py algorithms (Condition
// wakes waiters FIFO through per-waiter locks; Semaphore and Queue let a running thread barge).
static const char* kThreadingSource = R"PY(
from _interleave_thread import _start_thread, _join_thread, _thread_alive, _get_ident, _engine_id, _active_count, _lock_new, _lock_acquire, _lock_release

TIMEOUT_MAX = 9223372036.0

class Lock:
    def __init__(self):
        self._id = _lock_new(False)
        self._held = False
    def acquire(self, blocking=True, timeout=-1):
        got = _lock_acquire(self._id, blocking, timeout)
        if got:
            self._held = True
        return got
    def release(self):
        _lock_release(self._id)
        self._held = False
    def locked(self):
        return self._held
    def __enter__(self):
        return self.acquire()
    def __exit__(self, t, v, tb):
        self.release()
    def __repr__(self):
        return "<%s _thread.lock object at 0x%x>" % ("locked" if self._held else "unlocked", id(self))

class RLock:
    def __init__(self):
        self._id = _lock_new(True)
        self._count = 0
    def acquire(self, blocking=True, timeout=-1):
        got = _lock_acquire(self._id, blocking, timeout)
        if got:
            self._count += 1
        return got
    def release(self):
        _lock_release(self._id, True)
        self._count -= 1
    def __enter__(self):
        return self.acquire()
    def __exit__(self, t, v, tb):
        self.release()
    def _is_owned(self):
        return self._count > 0

class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []
    def __enter__(self):
        return self._lock.__enter__()
    def __exit__(self, *args):
        return self._lock.__exit__(*args)
    def wait(self, timeout=None):
        waiter = Lock()
        waiter.acquire()
        self._waiters.append(waiter)
        self._lock.release()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._lock.acquire()
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass
    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            self.wait(timeout)
            result = predicate()
        return result
    def notify(self, n=1):
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass
    def notify_all(self):
        self.notify(len(self._waiters))

class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value
    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None and timeout <= 0:
                    break
                if not self._cond.wait(timeout) and timeout is not None:
                    break
            else:
                self._value -= 1
                rc = True
        return rc
    __enter__ = acquire
    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()
    def __exit__(self, t, v, tb):
        self.release()

class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value
    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()

class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False
    def is_set(self):
        return self._flag
    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()
    def clear(self):
        with self._cond:
            self._flag = False
    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled

_counter = 0
_active = {}

def _newname(name_template="Thread-%d"):
    global _counter
    _counter += 1
    return name_template % _counter

class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._tid = None
        self._started = False
    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._tid = _start_thread(self._bootstrap, self._name, self._daemonic)
    def _bootstrap(self):
        self._ident = _get_ident()
        self._tid = _engine_id()
        _active[_get_ident()] = self
        try:
            self.run()
        finally:
            del _active[_get_ident()]
    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs
    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        _join_thread(self._tid, timeout)
    def is_alive(self):
        return self._started and _thread_alive(self._tid)
    @property
    def name(self):
        return self._name
    @name.setter
    def name(self, name):
        self._name = str(name)
    @property
    def ident(self):
        return self._ident
    @property
    def native_id(self):
        return self._ident
    @property
    def daemon(self):
        return self._daemonic
    @daemon.setter
    def daemon(self, daemonic):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic
    def getName(self):
        return self._name
    def isDaemon(self):
        return self._daemonic
    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
        if self._started and not self.is_alive():
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

class _MainThread(Thread):
    def __init__(self):
        self._target = None
        self._name = "MainThread"
        self._args = ()
        self._kwargs = {}
        self._daemonic = False
        self._started = True
        self._ident = _get_ident()
        self._tid = _engine_id()

class _DummyThread(Thread):
    def __init__(self):
        self._target = None
        self._name = _newname("Dummy-%d")
        self._args = ()
        self._kwargs = {}
        self._daemonic = True
        self._started = True
        self._ident = _get_ident()
        self._tid = _engine_id()

_main_thread = None

def current_thread():
    ident = _get_ident()
    t = _active.get(ident)
    if t is None:
        if _main_thread is not None and _main_thread._ident == ident:
            return _main_thread
        return _DummyThread()
    return t

currentThread = current_thread

def main_thread():
    return _main_thread

def get_ident():
    return _get_ident()

def get_native_id():
    return _get_ident()

def active_count():
    return _active_count()

activeCount = active_count

def enumerate():
    result = [_main_thread]
    for t in _active.values():
        result.append(t)
    return result

_main_thread = _MainThread()
)PY";

static const char* kQueueSource = R"PY(
import threading

class Empty(Exception):
    pass

class Full(Exception):
    pass

class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0
    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished
    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()
    def qsize(self):
        with self.mutex:
            return self._qsize()
    def empty(self):
        with self.mutex:
            return not self._qsize()
    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()
    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()
    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = _time() + timeout
                while not self._qsize():
                    remaining = endtime - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item
    def put_nowait(self, item):
        return self.put(item, block=False)
    def get_nowait(self):
        return self.get(block=False)
    def _init(self, maxsize):
        self.queue = []
    def _qsize(self):
        return len(self.queue)
    def _put(self, item):
        self.queue.append(item)
    def _get(self):
        return self.queue.pop(0)

class LifoQueue(Queue):
    def _get(self):
        return self.queue.pop()

class PriorityQueue(Queue):
    def _put(self, item):
        self.queue.append(item)
        self.queue.sort()
    def _get(self):
        return self.queue.pop(0)

class SimpleQueue(Queue):
    pass

from time import monotonic as _time
)PY";

static const char* kRandomSource = R"PY(
from _interleave_random import seed, random, getrandbits

def _randbelow(n):
    k = n.bit_length()
    r = getrandbits(k)
    while r >= n:
        r = getrandbits(k)
    return r

def randrange(start, stop=None, step=1):
    istart = int(start)
    if stop is None:
        if istart > 0:
            return _randbelow(istart)
        raise ValueError("empty range for randrange()")
    istop = int(stop)
    width = istop - istart
    istep = int(step)
    if istep == 1:
        if width > 0:
            return istart + _randbelow(width)
        raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
    if istep > 0:
        n = (width + istep - 1) // istep
    elif istep < 0:
        n = (width + istep + 1) // istep
    else:
        raise ValueError("zero step for randrange()")
    if n <= 0:
        raise ValueError("empty range for randrange()")
    return istart + istep * _randbelow(n)

def randint(a, b):
    return randrange(a, b + 1)

def choice(seq):
    if not len(seq):
        raise IndexError('Cannot choose from an empty sequence')
    return seq[_randbelow(len(seq))]

def shuffle(x):
    for i in reversed(range(1, len(x))):
        j = _randbelow(i + 1)
        x[i], x[j] = x[j], x[i]

def sample(population, k):
    n = len(population)
    if not 0 <= k <= n:
        raise ValueError("Sample larger than population or is negative")
    result = [None] * k
    setsize = 21
    if k > 5:
        setsize += 4 ** _ceil_log(k * 3, 4)
    if n <= setsize:
        pool = list(population)
        for i in range(k):
            j = _randbelow(n - i)
            result[i] = pool[j]
            pool[j] = pool[n - i - 1]
    else:
        selected = set()
        selected_add = selected.add
        for i in range(k):
            j = _randbelow(n)
            while j in selected:
                j = _randbelow(n)
            selected_add(j)
            result[i] = population[j]
    return result

def _ceil_log(x, base):
    n = 0
    p = 1
    while p < x:
        p *= base
        n += 1
    return n

def uniform(a, b):
    return a + (b - a) * random()

def choices(population, weights=None, *, cum_weights=None, k=1):
    n = len(population)
    if cum_weights is None:
        if weights is None:
            return [population[int(random() * n)] for i in range(k)]
        cum_weights = []
        total = 0
        for w in weights:
            total += w
            cum_weights.append(total)
    total = cum_weights[-1] + 0.0
    result = []
    for i in range(k):
        x = random() * total
        lo, hi = 0, n - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if x < cum_weights[mid]:
                hi = mid
            else:
                lo = mid + 1
        result.append(population[lo])
    return result

seed()
)PY";

static const char* kOsPathSource = R"PY(
from _interleave_fs import _exists
sep = "/"

def exists(path):
    return _exists(path)

def isfile(path):
    return _exists(path)

def isdir(path):
    return path in ("", ".", "/")

def join(a, *parts):
    path = a
    for b in parts:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path

def basename(p):
    return p[p.rfind("/") + 1:]

def dirname(p):
    head = p[:p.rfind("/") + 1]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head

def split(p):
    return dirname(p), basename(p)

def splitext(p):
    base = basename(p)
    dot = base.rfind(".")
    if dot <= 0 or base[:dot] == "." * dot:
        return p, ""
    cut = len(p) - len(base) + dot
    return p[:cut], p[cut:]

def abspath(p):
    return p if p.startswith("/") else join("/home/interleave", p)
)PY";

// concurrent.futures: CPython 3.11's _base.py and thread.py algorithms (Future with a
// Condition, lazy workers gated by an idle semaphore, a FIFO work queue, map in input order).
static const char* kFuturesSource = R"PY(
import os
import threading
import queue
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

class Error(Exception):
    pass

class CancelledError(Error):
    pass

TimeoutError = TimeoutError

class InvalidStateError(Error):
    pass

class BrokenExecutor(RuntimeError):
    pass

class _Waiter:
    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []
    def add_result(self, future):
        self.finished_futures.append(future)
    def add_exception(self, future):
        self.finished_futures.append(future)
    def add_cancelled(self, future):
        self.finished_futures.append(future)

class _AsCompletedWaiter(_Waiter):
    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()
    def add_result(self, future):
        with self.lock:
            super().add_result(future)
            self.event.set()
    def add_exception(self, future):
        with self.lock:
            super().add_exception(future)
            self.event.set()
    def add_cancelled(self, future):
        with self.lock:
            super().add_cancelled(future)
            self.event.set()

class _FirstCompletedWaiter(_Waiter):
    def add_result(self, future):
        super().add_result(future)
        self.event.set()
    def add_exception(self, future):
        super().add_exception(future)
        self.event.set()
    def add_cancelled(self, future):
        super().add_cancelled(future)
        self.event.set()

class _AllCompletedWaiter(_Waiter):
    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()
        super().__init__()
    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()
    def add_result(self, future):
        super().add_result(future)
        self._decrement_pending_calls()
    def add_exception(self, future):
        super().add_exception(future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._decrement_pending_calls()
    def add_cancelled(self, future):
        super().add_cancelled(future)
        self._decrement_pending_calls()

def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = sum(f._state not in [CANCELLED_AND_NOTIFIED, FINISHED] for f in fs)
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)
        else:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)
    for f in fs:
        f._waiters.append(waiter)
    return waiter

def as_completed(fs, timeout=None):
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total_futures = len(fs)
    finished = set(f for f in fs if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
    pending = fs - finished
    waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
    finished = list(finished)
    try:
        while finished:
            f = finished[-1]
            del finished[-1]
            pending.discard(f)
            f._waiters.remove(waiter)
            yield f
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total_futures))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            finished.reverse()
            while finished:
                f = finished[-1]
                del finished[-1]
                pending.discard(f)
                f._waiters.remove(waiter)
                yield f
    finally:
        for f in fs:
            if waiter in f._waiters:
                f._waiters.remove(waiter)

class DoneAndNotDoneFutures:
    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done
    def __iter__(self):
        return iter((self.done, self.not_done))
    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = set(f for f in fs if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
    not_done = fs - done
    if (return_when == FIRST_COMPLETED) and done:
        return DoneAndNotDoneFutures(done, not_done)
    elif (return_when == FIRST_EXCEPTION) and done:
        if any(f for f in done if not f.cancelled() and f.exception() is not None):
            return DoneAndNotDoneFutures(done, not_done)
    if len(done) == len(fs):
        return DoneAndNotDoneFutures(done, not_done)
    waiter = _create_and_install_waiters(fs, return_when)
    waiter.event.wait(timeout)
    for f in fs:
        f._waiters.remove(waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)

class Future:
    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []
    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                pass
    def __repr__(self):
        with self._condition:
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (self.__class__.__name__, id(self), self._state.lower(), self._exception.__class__.__name__)
                else:
                    return '<%s at %#x state=%s returned %s>' % (self.__class__.__name__, id(self), self._state.lower(), self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (self.__class__.__name__, id(self), self._state.lower())
    def cancel(self):
        with self._condition:
            if self._state in [RUNNING, FINISHED]:
                return False
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True
    def cancelled(self):
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]
    def running(self):
        with self._condition:
            return self._state == RUNNING
    def done(self):
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]
    def __get_result(self):
        if self._exception:
            raise self._exception
        else:
            return self._result
    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            pass
    def result(self, timeout=None):
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self.__get_result()
            self._condition.wait(timeout)
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self.__get_result()
            else:
                raise TimeoutError()
    def exception(self, timeout=None):
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            else:
                raise TimeoutError()
    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            else:
                raise RuntimeError('Future in unexpected state')
    def set_result(self, result):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()
    def set_exception(self, exception):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()

class Executor:
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()
    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()
    def shutdown(self, wait=True, *, cancel_futures=False):
        pass
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False

def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        del fut

class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)

def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        executor._shutdown = True
        work_queue.put(None)
        return

_pool_counter = 0

class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        global _pool_counter
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % _pool_counter)
        _pool_counter += 1
        self._initializer = initializer
        self._initargs = initargs
    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f
    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.append(t)
    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
)PY";

// asyncio: CPython 3.11's event loop iteration (base_events._run_once), Future, Task.__step /
// __wakeup, sleep, gather, wait_for, wait, as_completed, locks, queues, timeout and TaskGroup.
static const char* kAsyncioSource = R"PY(
import threading
import time
import functools
from _interleave_loop import _wake_new, _select, _wake_set

class CancelledError(BaseException):
    pass

class InvalidStateError(Exception):
    pass

TimeoutError = TimeoutError

class QueueEmpty(Exception):
    pass

class QueueFull(Exception):
    pass

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

# heapq's algorithm (Lib/heapq.py), so timers with equal deadlines run in CPython's order.
def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem

def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)

def _heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)

def _heappop(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt

class Handle:
    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
    def cancel(self):
        self._cancelled = True
        self._callback = None
        self._args = None
    def cancelled(self):
        return self._cancelled
    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop._report("Exception in callback", exc)

class TimerHandle(Handle):
    def __init__(self, when, callback, args, loop):
        super().__init__(callback, args, loop)
        self._when = when
        self._scheduled = False
    def __lt__(self, other):
        return self._when < other._when
    def __le__(self, other):
        return self._when <= other._when
    def __gt__(self, other):
        return self._when > other._when
    def __ge__(self, other):
        return self._when >= other._when
    def when(self):
        return self._when
    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

_running_loop = None

def _get_running_loop():
    return _running_loop

def get_running_loop():
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop

def get_event_loop():
    loop = _running_loop
    if loop is None:
        raise RuntimeError('There is no current event loop')
    return loop

class BaseEventLoop:
    def __init__(self):
        self._ready = []
        self._scheduled = []
        self._timer_cancelled_count = 0
        self._stopping = False
        self._closed = False
        self._default_executor = None
        self._wake = _wake_new()
        self._clock_resolution = 1e-09
    def time(self):
        return time.monotonic()
    def call_soon(self, callback, *args, context=None):
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle
    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)
    def call_at(self, when, callback, *args, context=None):
        timer = TimerHandle(when, callback, args, self)
        _heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer
    def call_soon_threadsafe(self, callback, *args, context=None):
        handle = self.call_soon(callback, *args)
        _wake_set(self._wake)
        return handle
    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1
    def create_future(self):
        return Future(loop=self)
    def create_task(self, coro, *, name=None, context=None):
        return Task(coro, loop=self, name=name)
    def is_running(self):
        return _running_loop is self
    def is_closed(self):
        return self._closed
    def stop(self):
        self._stopping = True
    def close(self):
        self._closed = True
    def _report(self, message, exc):
        import sys
        sys.stderr.write(message + ": " + repr(exc) + "\n")
    def run_until_complete(self, future):
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        self.run_forever()
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()
    def run_forever(self):
        global _running_loop
        if _running_loop is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        _running_loop = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            _running_loop = None
    def _run_once(self):
        # Base_events.py: select timeout 0 if callbacks are ready, else until the next timer;
        # due timers move to the ready queue; exactly the callbacks ready now run, FIFO.
        sched_count = len(self._scheduled)
        if sched_count > 100 and self._timer_cancelled_count / sched_count > 0.5:
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            new_scheduled.sort()
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = _heappop(self._scheduled)
                handle._scheduled = False
        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            when = self._scheduled[0]._when
            timeout = min(max(0, when - self.time()), 86400)
        _select(self._wake, timeout)
        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = _heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
        ntodo = len(self._ready)
        for i in range(ntodo):
            handle = self._ready.pop(0)
            if handle._cancelled:
                continue
            handle._run()
    def run_in_executor(self, executor, func, *args):
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)
    def shutdown_default_executor(self):
        if self._default_executor is not None:
            self._default_executor.shutdown(wait=True)

def _run_until_complete_cb(fut):
    fut.get_loop().stop()

class Future:
    _asyncio_future_blocking = False
    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None
    def get_loop(self):
        return self._loop
    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)
    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self.__schedule_callbacks()
        return True
    def __schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)
    def cancelled(self):
        return self._state == _CANCELLED
    def done(self):
        return self._state != _PENDING
    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not ready.')
        if self._exception is not None:
            raise self._exception
        return self._result
    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        return self._exception
    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)
    def remove_done_callback(self, fn):
        filtered = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(filtered)
        if removed:
            self._callbacks[:] = filtered
        return removed
    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self.__schedule_callbacks()
    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self.__schedule_callbacks()
    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()
    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, self._state.lower())

def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)

_task_counter = 0
_all_tasks = []
_current_tasks = {}

class Task(Future):
    def __init__(self, coro, *, loop=None, name=None):
        global _task_counter
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._num_cancels_requested = 0
        _task_counter += 1
        self._name = str(name) if name is not None else f'Task-{_task_counter}'
        self._loop.call_soon(self.__step)
        _all_tasks.append(self)
    def get_name(self):
        return self._name
    def set_name(self, value):
        self._name = str(value)
    def get_coro(self):
        return self._coro
    def __repr__(self):
        return "<Task %s name='%s' coro=%r>" % (self._state.lower(), self._name, self._coro)
    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True
    def cancelling(self):
        return self._num_cancels_requested
    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested
    def __step(self, exc=None):
        if self.done():
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        _current_tasks[self._loop] = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as exc:
            if self._must_cancel:
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(exc.value)
        except CancelledError as exc:
            self._cancelled_exc = exc
            super().cancel()
        except (KeyboardInterrupt, SystemExit) as exc:
            super().set_exception(exc)
            raise
        except BaseException as exc:
            super().set_exception(exc)
        else:
            blocking = getattr(result, '_asyncio_future_blocking', None)
            if blocking is not None:
                if blocking:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.__wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
                else:
                    self._loop.call_soon(self.__step, RuntimeError(f'yield was used instead of yield from in task {self!r} with {result!r}'))
            elif result is None:
                self._loop.call_soon(self.__step)
            else:
                self._loop.call_soon(self.__step, RuntimeError(f'Task got bad yield: {result!r}'))
        finally:
            _current_tasks.pop(self._loop, None)
            self = None
    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()
        self = None

def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)

def all_tasks(loop=None):
    return set(t for t in _all_tasks if not t.done())

def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'

def iscoroutinefunction(func):
    return getattr(getattr(func, '__code__', None), 'co_flags', 0) & 128 != 0

def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, '__await__'):
        async def _wrap_awaitable(awaitable):
            return await awaitable
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')

def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)

class _Sleep0:
    def __await__(self):
        yield

async def sleep(delay, result=None):
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()

class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False
    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret

def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if nfinished == nfuts:
            results = []
            for fut in children:
                if fut.cancelled():
                    res = CancelledError('' if fut._cancel_message is None else fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)
            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)
    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer

def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)

async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)

async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = functools.partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    loop = get_running_loop()
    fs = set(ensure_future(f, loop=loop) for f in fs)
    assert fs, 'Set of Tasks/Futures is empty.'
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)
    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)
    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending

def as_completed(fs, *, timeout=None):
    loop = get_event_loop()
    todo = set(ensure_future(f, loop=loop) for f in fs)
    done = []
    timeout_handle = None
    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.append(None)
        todo.clear()
    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.append(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()
    async def _wait_for_one():
        while not done:
            await sleep(0)
        f = done.pop(0)
        if f is None:
            raise TimeoutError
        return f.result()
    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()

def wrap_future(future, *, loop=None):
    if isinstance(future, Future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()
    def _call_check_cancel(destination):
        if destination.cancelled():
            future.cancel()
    def _set_state(source):
        if new_future.cancelled():
            return
        if source.cancelled():
            new_future.cancel()
        elif source.exception() is not None:
            new_future.set_exception(source.exception())
        else:
            new_future.set_result(source.result())
    def _call_set_state(source):
        if loop.is_closed():
            return
        loop.call_soon_threadsafe(_set_state, source)
    new_future.add_done_callback(_call_check_cancel)
    future.add_done_callback(_call_set_state)
    return new_future

async def to_thread(func, /, *args, **kwargs):
    loop = get_running_loop()
    func_call = functools.partial(func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)

class Event:
    def __init__(self):
        self._waiters = []
        self._value = False
    def is_set(self):
        return self._value
    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)
    def clear(self):
        self._value = False
    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)

class Lock:
    def __init__(self):
        self._waiters = None
        self._locked = False
    def locked(self):
        return self._locked
    async def __aenter__(self):
        await self.acquire()
        return None
    async def __aexit__(self, exc_type, exc, tb):
        self.release()
    async def acquire(self):
        if (not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters))):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = []
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True
    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')
    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)

class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value
    async def __aenter__(self):
        await self.acquire()
        return None
    async def __aexit__(self, exc_type, exc, tb):
        self.release()
    def locked(self):
        return self._value == 0 or (any(not w.cancelled() for w in (self._waiters or ())))
    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True
    def release(self):
        self._value += 1
        self._wake_up_next()
    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False

class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)
    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()

class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._queue = []
    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break
    def qsize(self):
        return len(self._queue)
    @property
    def maxsize(self):
        return self._maxsize
    def empty(self):
        return not self._queue
    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize
    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)
    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._queue.append(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)
    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()
    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._queue.pop(0)
        self._wakeup_next(self._putters)
        return item
    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()
    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()

class Timeout:
    def __init__(self, when):
        self._when = when
        self._timeout_handler = None
        self._task = None
        self._expired = False
    def when(self):
        return self._when
    def reschedule(self, when):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        self._when = when
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)
    def expired(self):
        return self._expired
    async def __aenter__(self):
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self
    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._expired:
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError from exc_val
        return None
    def _on_timeout(self):
        self._task.cancel()
        self._expired = True
        self._timeout_handler = None

def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)

def timeout_at(when):
    return Timeout(when)

class TaskGroup:
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None
    async def __aenter__(self):
        if self._entered:
            raise RuntimeError("TaskGroup has been already entered")
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError('TaskGroup cannot determine the parent task')
        return self
    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if (exc is not None and self._is_base_error(exc) and self._base_error is None):
            self._base_error = exc
        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None
            finally:
                self._errors = None
    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro)
        if name is not None:
            task.set_name(name)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks.add(task)
            task.add_done_callback(self._on_task_done)
        return task
    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))
    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()
    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop._report('Task has errored out but its parent task is already completed', exc)
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()

def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))

def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got {!r}".format(main))
    loop = BaseEventLoop()
    try:
        task = loop.create_task(main)
        return loop.run_until_complete(task)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.shutdown_default_executor()
        finally:
            loop.close()

def new_event_loop():
    return BaseEventLoop()
)PY";

// json: dumps/loads with CPython's output format (separators, indent, sort_keys, ensure_ascii).
static const char* kJsonSource = R"PY(
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}

def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7e):
            n = ord(ch)
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)

def _float_str(o):
    if o != o:
        return 'NaN'
    if o == float('inf'):
        return 'Infinity'
    if o == -float('inf'):
        return '-Infinity'
    return repr(o)

def _encode(o, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers):
    if isinstance(o, str):
        return _encode_str(o, ensure_ascii)
    if o is None:
        return 'null'
    if o is True:
        return 'true'
    if o is False:
        return 'false'
    if isinstance(o, int):
        return int.__repr__(o) if False else repr(o)
    if isinstance(o, float):
        return _float_str(o)
    if isinstance(o, (list, tuple)):
        if not o:
            return '[]'
        if id(o) in markers:
            raise ValueError("Circular reference detected")
        markers.append(id(o))
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = item_sep + newline
            parts = [_encode(v, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers) for v in o]
            result = '[' + newline + sep.join(parts) + '\n' + indent * (level - 1) + ']'
        else:
            parts = [_encode(v, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers) for v in o]
            result = '[' + item_sep.join(parts) + ']'
        markers.pop()
        return result
    if isinstance(o, dict):
        if not o:
            return '{}'
        if id(o) in markers:
            raise ValueError("Circular reference detected")
        markers.append(id(o))
        items = list(o.items())
        if sort_keys:
            items = sorted(items)
        parts = []
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = _float_str(k)
            elif k is True:
                k = 'true'
            elif k is False:
                k = 'false'
            elif k is None:
                k = 'null'
            elif isinstance(k, int):
                k = repr(k)
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {k.__class__.__name__}')
            parts.append((k, v))
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = item_sep + newline
            body = sep.join(_encode_str(k, ensure_ascii) + key_sep + _encode(v, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers) for k, v in parts)
            result = '{' + newline + body + '\n' + indent * (level - 1) + '}'
        else:
            body = item_sep.join(_encode_str(k, ensure_ascii) + key_sep + _encode(v, level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers) for k, v in parts)
            result = '{' + body + '}'
        markers.pop()
        return result
    if default is not None:
        return _encode(default(o), level, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, markers)
    raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    if separators is not None:
        item_sep, key_sep = separators
    elif indent is not None:
        item_sep, key_sep = ',', ': '
    else:
        item_sep, key_sep = ', ', ': '
    return _encode(obj, 0, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, [])

def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))

_WS = ' \t\n\r'

class _Decoder:
    def __init__(self, s):
        self.s = s
        self.i = 0
    def ws(self):
        s = self.s
        while self.i < len(s) and s[self.i] in _WS:
            self.i += 1
    def fail(self, msg, pos=None):
        raise JSONDecodeError(msg, self.s, self.i if pos is None else pos)
    def value(self):
        self.ws()
        s = self.s
        if self.i >= len(s):
            self.fail("Expecting value")
        c = s[self.i]
        if c == '{':
            return self.obj()
        if c == '[':
            return self.arr()
        if c == '"':
            return self.string()
        if s.startswith('null', self.i):
            self.i += 4
            return None
        if s.startswith('true', self.i):
            self.i += 4
            return True
        if s.startswith('false', self.i):
            self.i += 5
            return False
        if s.startswith('NaN', self.i):
            self.i += 3
            return float('nan')
        if s.startswith('Infinity', self.i):
            self.i += 8
            return float('inf')
        if s.startswith('-Infinity', self.i):
            self.i += 9
            return float('-inf')
        return self.number()
    def number(self):
        s = self.s
        start = self.i
        if self.i < len(s) and s[self.i] == '-':
            self.i += 1
        if self.i >= len(s) or not s[self.i].isdigit():
            self.fail("Expecting value", start)
        if s[self.i] == '0':
            self.i += 1
        else:
            while self.i < len(s) and s[self.i].isdigit():
                self.i += 1
        is_float = False
        if self.i < len(s) and s[self.i] == '.' and self.i + 1 < len(s) and s[self.i + 1].isdigit():
            is_float = True
            self.i += 1
            while self.i < len(s) and s[self.i].isdigit():
                self.i += 1
        if self.i < len(s) and s[self.i] in 'eE':
            j = self.i + 1
            if j < len(s) and s[j] in '+-':
                j += 1
            if j < len(s) and s[j].isdigit():
                is_float = True
                self.i = j
                while self.i < len(s) and s[self.i].isdigit():
                    self.i += 1
        text = s[start:self.i]
        return float(text) if is_float else int(text)
    def string(self):
        s = self.s
        self.i += 1
        out = []
        while True:
            if self.i >= len(s):
                self.fail("Unterminated string starting at", self.i)
            c = s[self.i]
            if c == '"':
                self.i += 1
                return ''.join(out)
            if c == '\\':
                self.i += 1
                e = s[self.i] if self.i < len(s) else ''
                if e == 'u':
                    code = int(s[self.i + 1:self.i + 5], 16)
                    self.i += 5
                    if 0xd800 <= code < 0xdc00 and s.startswith('\\u', self.i):
                        low = int(s[self.i + 2:self.i + 6], 16)
                        if 0xdc00 <= low < 0xe000:
                            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                            self.i += 6
                    out.append(chr(code))
                    continue
                mapping = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
                if e not in mapping:
                    self.fail("Invalid \\escape")
                out.append(mapping[e])
                self.i += 1
                continue
            if ord(c) < 0x20:
                self.fail("Invalid control character at")
            out.append(c)
            self.i += 1
    def obj(self):
        self.i += 1
        result = {}
        self.ws()
        if self.i < len(self.s) and self.s[self.i] == '}':
            self.i += 1
            return result
        while True:
            self.ws()
            if self.i >= len(self.s) or self.s[self.i] != '"':
                self.fail("Expecting property name enclosed in double quotes")
            key = self.string()
            self.ws()
            if self.i >= len(self.s) or self.s[self.i] != ':':
                self.fail("Expecting ':' delimiter")
            self.i += 1
            result[key] = self.value()
            self.ws()
            if self.i < len(self.s) and self.s[self.i] == ',':
                self.i += 1
                continue
            if self.i < len(self.s) and self.s[self.i] == '}':
                self.i += 1
                return result
            self.fail("Expecting ',' delimiter")
    def arr(self):
        self.i += 1
        result = []
        self.ws()
        if self.i < len(self.s) and self.s[self.i] == ']':
            self.i += 1
            return result
        while True:
            result.append(self.value())
            self.ws()
            if self.i < len(self.s) and self.s[self.i] == ',':
                self.i += 1
                continue
            if self.i < len(self.s) and self.s[self.i] == ']':
                self.i += 1
                return result
            self.fail("Expecting ',' delimiter")

def loads(s, **kw):
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    d = _Decoder(s)
    value = d.value()
    d.ws()
    if d.i != len(s):
        d.fail("Extra data")
    return value

def load(fp, **kw):
    return loads(fp.read(), **kw)
)PY";

static const char* kFunctoolsSource = R"PY(
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator

def reduce(function, iterable, *initial):
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    for element in it:
        value = function(value, element)
    return value

def partial(func, *args, **keywords):
    def newfunc(*fargs, **fkeywords):
        newkeywords = {**keywords, **fkeywords}
        return func(*args, *fargs, **newkeywords)
    newfunc.func = func
    newfunc.args = args
    newfunc.keywords = keywords
    return newfunc
)PY";

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
  ParseResult parsed = parseModule(source, "<" + m->name + ">");
  if (!parsed.module) {
    *error = m->name + ": " + (parsed.error ? parsed.error->message : std::string("unsupported"));
    return false;
  }
  CompileResult compiled = compileModule(vm.heap, *parsed.module, "<" + m->name + ">", false);
  if (!compiled.code) {
    *error = m->name + ": " + compiled.error->message;
    return false;
  }
  markLibrary(compiled.code);
  return vm.runModuleBody(compiled.code, m, error);
}
}  // namespace

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
  struct Lib { const char* name; const char* source; };
  nativeModule(vm, "_interleave_fs", {{"_exists", fs_exists}});
  nativeModule(vm, "_interleave_loop", {{"_wake_new", wake_new}, {"_select", loop_select}, {"_wake_set", wake_set}});
  for (const Lib& lib : {Lib{"os.path", kOsPathSource}, Lib{"threading", kThreadingSource}, Lib{"queue", kQueueSource},
                         Lib{"random", kRandomSource}, Lib{"functools", kFunctoolsSource},
                         Lib{"concurrent.futures", kFuturesSource}, Lib{"asyncio", kAsyncioSource},
                         Lib{"json", kJsonSource}}) {
    ModuleObj* m = vm.newModule(lib.name);
    if (!runLibrary(vm, m, lib.source, error)) return false;
  }
  vm.dictSetStr(os->dict, "path", Value::object(vm.modules.at("os.path")));
  ModuleObj* concurrent = vm.newModule("concurrent");
  vm.dictSetStr(concurrent->dict, "futures", Value::object(vm.modules.at("concurrent.futures")));
  return true;
}

}  // namespace interleave::lang
