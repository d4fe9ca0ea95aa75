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
  if (!toDouble(v, &s) || v.isBool()) {
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
  if (s > 1e7) s = 1e7;  // ~4 months: far past the simulation's time limit anyway
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
  for (const Lib& lib : {Lib{"os.path", kOsPathSource}, Lib{"threading", kThreadingSource}, Lib{"queue", kQueueSource},
                         Lib{"random", kRandomSource}, Lib{"functools", kFunctoolsSource},
                         Lib{"concurrent.futures", kFuturesSource}}) {
    ModuleObj* m = vm.newModule(lib.name);
    if (!runLibrary(vm, m, lib.source, error)) return false;
  }
  vm.dictSetStr(os->dict, "path", Value::object(vm.modules.at("os.path")));
  ModuleObj* concurrent = vm.newModule("concurrent");
  vm.dictSetStr(concurrent->dict, "futures", Value::object(vm.modules.at("concurrent.futures")));
  return true;
}

}  // namespace interleave::lang
