# multiprocessing: CPython 3.11's process.py, queues.py and pool.py algorithms on simulated
# processes. start() forks (every start method: the child starts from a copy of the parent's
# modules, its writes never seen by the parent; the start method sets the start-up cost). Queue
# items are pickled on put and unpickled on get, each half costing pickling time.
import os
import sys
import threading
import queue as _queue
from _interleave_mp import _start_process, _join_process, _kill_process, _queue_new, _queue_put, _queue_get, _format_exception, _start_method
from _interleave_thread import _lock_new, _lock_acquire, _lock_release

class ProcessError(Exception):
    pass

class BufferTooShort(ProcessError):
    pass

class TimeoutError(ProcessError):
    pass

class AuthenticationError(ProcessError):
    pass

def cpu_count():
    return os.cpu_count()

def get_start_method(allow_none=False):
    return _start_method()

def set_start_method(method, force=False):
    if method not in ('fork', 'spawn', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    if method != _start_method():
        raise ValueError("set_start_method('%s'): Interleave sets the start method per scenario "
                         "(`# interleave: start_method=%s`)" % (method, method))

def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']

# -- processes ------------------------------------------------------------------------------

_EMPTY = object()

class _ProcessCounter:
    def __init__(self):
        self.value = 0
    def next(self):
        self.value += 1
        return self.value

class BaseProcess:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = _current_process._counter.next()
        self._identity = _current_process._identity + (count,)
        self._config = dict(_current_process._config)
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._pid = None
        self._exitcode = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._counter = _ProcessCounter()
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), 'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), 'daemonic processes are not allowed to have children'
        _children.append(self)
        self._popen = 'started'
        self._engine_id, self._pid = _start_process(self._bootstrap, self._name)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        if self._exitcode is None:
            code = _join_process(self._engine_id, timeout)
            if code is not None:
                self._exitcode = code
        if self._exitcode is not None and self in _children:
            _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        if self._popen is None:
            return False
        if self._exitcode is None:
            code = _join_process(self._engine_id, 0)
            if code is not None:
                self._exitcode = code
        return self._exitcode is None

    def terminate(self):
        self._check_closed()
        if self._popen is not None and self._exitcode is None:
            _kill_process(self._engine_id)

    kill = terminate

    def close(self):
        if self._popen is not None and self._exitcode is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return self._exitcode
        if self._exitcode is None and self is not _current_process:
            code = _join_process(self._engine_id, 0)
            if code is not None:
                self._exitcode = code
        return self._exitcode

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._pid

    pid = ident

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self.exitcode
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    # Runs in the child (its own copy of everything): process.py's _bootstrap.
    def _bootstrap(self):
        global _current_process, _children
        threading._after_fork()
        _children = []
        _current_process = self
        self._counter = _ProcessCounter()
        try:
            self.run()
            exitcode = 0
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            sys.stderr.write('Process %s:\n%s' % (self.name, _format_exception(e)))
        return exitcode

class Process(BaseProcess):
    pass

class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._pid = None
        self._exitcode = None
        self._closed = False
        self._config = {}
        self._counter = _ProcessCounter()
        self._target = None
        self._args = ()
        self._kwargs = {}

_current_process = _MainProcess()
_children = []

def current_process():
    return _current_process

def active_children():
    return [p for p in list(_children) if p.is_alive()]

def parent_process():
    return None

# -- queues ---------------------------------------------------------------------------------

class Queue:
    # A pipe plus a feeder: put() never blocks unless maxsize is reached; every item is pickled.
    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = 2147483647
        self._maxsize = maxsize
        self._id = _queue_new(maxsize)
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError('Queue %r is closed' % self)
        if not _queue_put(self._id, obj, block, timeout):
            raise _queue.Full

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError('Queue %r is closed' % self)
        item = _queue_get(self._id, block, timeout, _EMPTY)
        if item is _EMPTY:
            raise _queue.Empty
        return item

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass

    def _put_local(self, obj):
        # A message from this process to itself: not pickled (the executor's wake-ups).
        _queue_put(self._id, obj, True, None, False)

class SimpleQueue(Queue):
    def __init__(self):
        Queue.__init__(self)

class Lock:
    # A semaphore shared by every process that inherits it (the engine's lock, not copied).
    def __init__(self):
        self._id = _lock_new(False)
    def acquire(self, block=True, timeout=None):
        return _lock_acquire(self._id, block, -1 if timeout is None else timeout)
    def release(self):
        _lock_release(self._id)
    def __enter__(self):
        return self.acquire()
    def __exit__(self, *args):
        self.release()

class RLock(Lock):
    def __init__(self):
        self._id = _lock_new(True)

# -- pool -----------------------------------------------------------------------------------

RUN = 0
CLOSE = 1
TERMINATE = 2

def _pool_worker(inqueue, outqueue, initializer=None, initargs=()):
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))

def _mapstar(args):
    return list(map(*args))

def _starmapstar(args):
    return [args[0](*a) for a in args[1]]

class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        Exception.__init__(self, self.exc, self.value)
    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

class ApplyResult:
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = pool._next_job()
        self._callback = callback
        self._error_callback = error_callback
        pool._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._pool._cache[self._job]

AsyncResult = ApplyResult

class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del pool._cache[self._job]
        else:
            self._number_left = length // chunksize + (1 if length % chunksize else 0)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._pool._cache[self._job]
                self._event.set()
        else:
            if not success and self._success:
                self._success = False
                self._value = result
                if self._error_callback:
                    self._error_callback(self._value)
            if self._number_left == 0:
                del self._pool._cache[self._job]
                self._event.set()

class IMapIterator:
    # Results of imap (in input order) or imap_unordered (in completion order) as they arrive.
    def __init__(self, pool, ordered):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = pool._next_job()
        self._items = []
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._ordered = ordered
        pool._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while not self._items:
                if self._index == self._length:
                    raise StopIteration
                self._cond.wait(timeout)
                if not self._items and timeout is not None:
                    if self._index == self._length:
                        raise StopIteration
                    raise TimeoutError
            success, value = self._items.pop(0)
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if not self._ordered or self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._ordered and self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._pool._cache[self._job]

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._pool._cache[self._job]

class Pool:
    # pool.py: workers started at construction, a task queue and a result-handler thread; map
    # splits the input into chunks of ceil(len / (4 * processes)).
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        self._state = RUN
        self._cache = {}
        self._job_counter = 0
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._pool = []
        for i in range(processes):
            w = Process(target=_pool_worker, args=(self._inqueue, self._outqueue, initializer, initargs))
            w.name = w.name.replace('Process', 'ForkPoolWorker' if _start_method() == 'fork' else 'SpawnPoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)
        self._result_handler = threading.Thread(target=self._handle_results, daemon=True)
        self._result_handler.start()

    def _next_job(self):
        job = self._job_counter
        self._job_counter += 1
        return job

    def _handle_results(self):
        while True:
            task = self._outqueue.get()
            if task is None:
                return
            job, i, obj = task
            result = self._cache.get(job)
            if result is not None:
                result._set(i, obj)

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._inqueue.put((result._job, 0, func, args, kwds))
        return result

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        items = list(iterable)
        result = MapResult(self, chunksize, len(items), callback, error_callback)
        if chunksize > 0:
            for i in range(0, (len(items) + chunksize - 1) // chunksize):
                chunk = items[i * chunksize:(i + 1) * chunksize]
                self._inqueue.put((result._job, i, mapper, ((func, chunk),), {}))
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _mapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _mapstar, chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _starmapstar, chunksize, callback, error_callback)

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = IMapIterator(self, ordered)
        items = list(iterable)
        if chunksize == 1:
            for i, x in enumerate(items):
                self._inqueue.put((result._job, i, func, (x,), {}))
            result._set_length(len(items))
            return result
        n = 0
        for i in range(0, len(items), chunksize):
            self._inqueue.put((result._job, n, _mapstar, ((func, items[i:i + chunksize]),), {}))
            n += 1
        result._set_length(n)
        return (item for chunk in result for item in chunk)

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for w in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        self._state = TERMINATE
        for w in self._pool:
            w.terminate()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        for w in self._pool:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

# util._exit_function: at interpreter exit, daemonic children are terminated and the others
# joined (the runner calls it after the main module, or Process.run() in a child, when there
# are children).
def _exit_function():
    for p in list(_children):
        if p.daemon and p._exitcode is None:
            p.terminate()
    for p in list(_children):
        p.join()
