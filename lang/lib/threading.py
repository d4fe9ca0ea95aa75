# threading: CPython 3.11's threading.py algorithms (Condition wakes waiters FIFO through
# per-waiter locks; Semaphore lets a running thread barge).
from time import monotonic as _monotonic
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
    # What CPython's C RLock offers Condition: release every level of recursion at once and
    # take them back after the wait.
    def _release_save(self):
        count = self._count
        while self._count:
            self.release()
        return count
    def _acquire_restore(self, count):
        while self._count < count:
            self.acquire()
    def _is_owned(self):
        return self._count > 0

class Condition:
    # CPython 3.11's steps: the lock's own _release_save/_acquire_restore/_is_owned when it has
    # them (an RLock), the Python fallbacks below when not (a Lock: three AttributeErrors).
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        try:
            self._release_save = lock._release_save
        except AttributeError:
            pass
        try:
            self._acquire_restore = lock._acquire_restore
        except AttributeError:
            pass
        try:
            self._is_owned = lock._is_owned
        except AttributeError:
            pass
        self._waiters = []
    def __enter__(self):
        return self._lock.__enter__()
    def __exit__(self, *args):
        return self._lock.__exit__(*args)
    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))
    def _release_save(self):
        self._lock.release()
    def _acquire_restore(self, x):
        self._lock.acquire()
    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        else:
            return True
    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = Lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            else:
                if timeout > 0:
                    gotit = waiter.acquire(True, timeout)
                else:
                    gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass
    def wait_for(self, predicate, timeout=None):
        # The timeout is overall: later waits get what is left, and it ends with a false result.
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _monotonic() + waittime
                else:
                    waittime = endtime - _monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result
    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
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
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _monotonic() + timeout
                    else:
                        timeout = endtime - _monotonic()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
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

class BrokenBarrierError(RuntimeError):
    pass

class Barrier:
    # threading.Barrier: states 0 filling, 1 draining, -1 resetting, -2 broken.
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0
    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()
    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise
    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()
    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()
    def abort(self):
        with self._cond:
            self._break()
    def _break(self):
        self._state = -2
        self._cond.notify_all()
    @property
    def parties(self):
        return self._parties
    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0
    @property
    def broken(self):
        return self._state == -2

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

def _after_fork():
    # In a child process only the forking thread survives; it becomes the main thread.
    global _main_thread
    _active.clear()
    _main_thread = _MainThread()
