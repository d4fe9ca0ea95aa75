# multiprocessing: CPython 3.11's process.py, connection.py, queues.py, synchronize.py, util.py
# and pool.py algorithms on simulated processes. With fork, start() makes a child that starts
# from a copy of the parent's modules; with spawn and forkserver, a fresh interpreter that runs
# the program again as __mp_main__ and unpickles the Process object (spawn.py). Either way the
# child's writes are never seen by the parent. Pipes, pickling, select/poll and semaphores are
# natives (lang/module_multiprocessing.cpp); a Queue has CPython's feeder thread.
import os
import sys
import threading
import queue as _queue
import time
from _interleave_mp import _start_process, _join_process, _kill_process, _format_exception, _start_method
from _interleave_mp import _spawn_process, _run_main
from _interleave_mp import _dumps, _loads, _pipe_new, _pipe_send, _pipe_recv, _pipe_close_writer, _wait, _sem_new, _sem_acquire, _sem_release, _sem_value, _semlock_created
from _interleave_mp import _shm_new, _shm_read, _shm_write, _shm_peek
from interleave import cpu as _cpu
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

# The start method (context.py): the scenario's `start_method` setting plays the platform's
# default; set_start_method() or a context object may choose another, as in CPython. Asking for
# the default (get_start_method(), get_context(), starting a process) fixes it.
_context_set = False
_method = None

def get_start_method(allow_none=False):
    global _context_set, _method
    if not _context_set:
        if allow_none:
            return None
        _context_set = True
        _method = _start_method()
    return _method

def set_start_method(method, force=False):
    global _context_set, _method
    if _context_set and not force:
        raise RuntimeError('context has already been set')
    if method is None and force:
        _context_set = False
        _method = None
        return
    if method not in _CONTEXT_NAMES:
        raise ValueError('cannot find context for %r' % method)
    _method = method
    _context_set = True

def get_context(method=None):
    if method is None:
        return _contexts[get_start_method()]
    if method not in _CONTEXT_NAMES:
        raise ValueError('cannot find context for %r' % method)
    return _contexts[method]

def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']

# -- first use: CPython imports multiprocessing's submodules when they are first needed ------------
# `import multiprocessing` loads little; the first Queue() imports multiprocessing.util (and
# subprocess, locale...), connection, synchronize and queues, the first start() popen_fork, the
# first Value() ctypes: milliseconds of the program's own time (the first Queue() 4.1-4.3 ms, the
# second 0.1 ms). Each submodule costs its own import time once per process (a forked child
# inherits what its parent imported). Self times measured with `python3 -X importtime` here.
_IMPORT_COST = {'util': 0.00219, 'connection': 0.00057, 'synchronize': 0.000445,
                'queues': 0.00107, 'popen_fork': 0.000153, 'popen_spawn_posix': 0.00121,
                'popen_forkserver': 0.00265, 'sharedctypes': 0.00231, 'pool': 0.00277}
_IMPORT_NEEDS = {'connection': ('util',), 'synchronize': ('util',), 'queues': ('connection',),
                 'popen_fork': ('util',), 'popen_spawn_posix': ('util',),
                 'popen_forkserver': ('util', 'connection'), 'sharedctypes': ('synchronize',),
                 'pool': ('queues', 'synchronize')}
_imported = set()

def _first_use(name):
    if name in _imported:
        return
    for need in _IMPORT_NEEDS.get(name, ()):
        _first_use(need)
    _imported.add(name)
    _cpu(_IMPORT_COST[name])

def _already_imported(*names):
    # Imported by another module's import statement (concurrent.futures.process), which the
    # program's time does not include.
    for name in names:
        _imported.add(name)

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
        method = self._start_method_name or get_start_method()
        _first_use('popen_' + method.replace('spawn', 'spawn_posix'))
        if method == 'fork':
            _children.append(self)
            self._popen = 'started'
            self._engine_id, self._pid = _start_process(self._bootstrap, self._name, method)
        else:
            # popen_spawn_posix: the child gets the Process object pickled (target and
            # arguments by CPython's rules; queues and locks allowed while spawning).
            _check_not_importing_main()
            blob = _dumps(self, True)
            _children.append(self)
            self._popen = 'started'
            self._engine_id, self._pid = _spawn_process(blob, self._name, method)
        self._sentinel = _new_fd(-1 - self._engine_id)

    @property
    def sentinel(self):
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

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
        global _current_process, _children, _context_set, _method
        if self._start_method_name is not None:  # context._force_start_method
            _context_set = True
            _method = self._start_method_name
        threading._after_fork()
        _children = []
        _current_process = self
        self._counter = _ProcessCounter()
        _finalizer_registry.clear()
        _run_after_forkers()
        try:
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
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
    _start_method_name = None  # the default context's

class ForkProcess(Process):
    _start_method_name = 'fork'

class SpawnProcess(Process):
    _start_method_name = 'spawn'

class ForkServerProcess(Process):
    _start_method_name = 'forkserver'

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

# -- spawn (spawn.py): the child of spawn and forkserver -----------------------------------------

def _check_not_importing_main():
    if getattr(_current_process, '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')

def freeze_support():
    pass

def _spawn_child(blob, name, method):
    # The main thread of a spawned child (a fresh interpreter): prepare() (the parent's process
    # name and start method), the program again as __mp_main__, then the Process object.
    global _context_set, _method
    _current_process._inheriting = True
    _current_process._name = name
    _context_set = True
    _method = method
    try:
        _run_main()
        process = _loads(blob, True)
    finally:
        del _current_process._inheriting
    return process._bootstrap()

# -- util: finalizers and after-fork hooks (util.py) --------------------------------------------

_finalizer_registry = {}
_finalizer_counter = [0]
_afterfork_registry = []
_exiting = False

class Finalize:
    # A callback run once, by its owner or at process exit in order of exitpriority (highest
    # first, the newest first among equals).
    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, _finalizer_counter[0])
        self._pid = os.getpid()
        _finalizer_counter[0] += 1
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            return None
        if self._pid != os.getpid():
            res = None
        else:
            res = self._callback(*self._args, **self._kwargs)
        self._callback = self._args = self._kwargs = self._key = None
        return res

    def cancel(self):
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        return self._key in _finalizer_registry

def _run_finalizers(minpriority=None):
    if minpriority is None:
        keys = [key for key in list(_finalizer_registry) if key[0] is not None]
    else:
        keys = [key for key in list(_finalizer_registry) if key[0] is not None and key[0] >= minpriority]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception as e:
                sys.stderr.write(_format_exception(e))
    if minpriority is None:
        _finalizer_registry.clear()

def register_after_fork(obj, func):
    _afterfork_registry.append((obj, func))

def _run_after_forkers():
    for obj, func in list(_afterfork_registry):
        func(obj)

# -- connections (connection.py) ---------------------------------------------------------------
# A Connection end reads from one engine pipe and/or writes to another (Pipe(duplex=True) is
# two pipes, like a socketpair). Messages are pickled values; every read and write is a syscall
# without the GIL, and connection.wait() is select/poll. File descriptors are numbered per process
# from 3, as fork leaves them.

_fd_counter = [2]
_fd_targets = {}

def _new_fd(target):
    _fd_counter[0] += 1
    _fd_targets[_fd_counter[0]] = target
    return _fd_counter[0]

class Connection:
    def __init__(self, read_pipe, write_pipe, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._rpipe = read_pipe
        self._wpipe = write_pipe
        self._handle = _new_fd(read_pipe if readable else write_pipe)
        self._closed = False
        self._readable = readable
        self._writable = writable

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._handle

    def close(self):
        # Its write end closes: once no process has one open, the reader gets EOFError.
        if not self._closed:
            self._closed = True
            if self._writable and self._wpipe is not None:
                _pipe_close_writer(self._wpipe)

    def _send_bytes(self, buf):
        # One write: the 4-byte length header and the message (two above 16 KiB).
        _pipe_send(self._wpipe, buf)

    def _recv_bytes(self, maxsize=None):
        return _pipe_recv(self._rpipe)

    def _poll(self, timeout):
        r = wait([self], timeout)
        return bool(r)

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        self._send_bytes(_dumps(obj))

    def recv(self):
        self._check_closed()
        self._check_readable()
        buf = self._recv_bytes()
        return _loads(buf)

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        return self._poll(timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __repr__(self):
        return '<multiprocessing.connection.Connection object at 0x%x>' % id(self)

def Pipe(duplex=True):
    _first_use('connection')
    if duplex:
        a = _pipe_new()
        b = _pipe_new(False)
        return Connection(a, b), Connection(b, a)
    p = _pipe_new()
    return Connection(p, None, writable=False), Connection(None, p, readable=False)

def _wait_target(obj):
    if isinstance(obj, Connection):
        return obj._rpipe
    if isinstance(obj, int):
        return _fd_targets[obj]
    return _fd_targets[obj.fileno()]

def wait(object_list, timeout=None):
    # connection.wait: the objects (Connections, sentinels) that are ready, blocking until one
    # is or the timeout passes.
    object_list = list(object_list)
    if not object_list:
        if timeout is not None and timeout > 0:
            time.sleep(timeout)
        return []
    ready = _wait([_wait_target(o) for o in object_list], timeout)
    return [object_list[i] for i in ready]

class _ConnectionModule:
    # multiprocessing.connection as an attribute (import multiprocessing.connection maps here).
    pass

connection = _ConnectionModule()
connection.Connection = Connection
connection.Pipe = Pipe
connection.wait = wait

# -- synchronize (synchronize.py): SemLocks shared by every process that inherits them ----------

SEM_VALUE_MAX = 2147483647

class _SemaphoreLock:
    # A lock that is a binary semaphore, as CPython's locks are on Linux (SemLock, and
    # _thread.lock): release() frees it and wakes one waiter, and a running thread may take it
    # again before the waiter runs. (threading.Lock in Interleave hands a released lock to its
    # first waiter instead.)
    def __init__(self):
        self._id = _sem_new(1)
    def acquire(self, block=True, timeout=None):
        return _sem_acquire(self._id, block, timeout)
    def release(self):
        _sem_release(self._id)
    def __enter__(self):
        return self.acquire()
    def __exit__(self, *args):
        self.release()

class _ThreadLock(_SemaphoreLock):
    # The lock of a Queue's Condition (threading.Lock() in CPython, a semaphore too, but no
    # named one: nothing to create in the kernel).
    def __init__(self):
        self._id = _sem_new(1, False)

class Lock(_SemaphoreLock):
    def __init__(self):
        _first_use('synchronize')
        _SemaphoreLock.__init__(self)
    def __repr__(self):
        return '<Lock(owner=unknown)>'

class RLock:
    def __init__(self):
        _first_use('synchronize')
        _semlock_created()
        self._id = _lock_new(True)
    def acquire(self, block=True, timeout=None):
        return _lock_acquire(self._id, block, -1 if timeout is None else timeout)
    def release(self):
        _lock_release(self._id, True)
    def __enter__(self):
        return self.acquire()
    def __exit__(self, *args):
        self.release()

class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        _first_use('synchronize')
        self._id = _sem_new(value)
        self._maxvalue = SEM_VALUE_MAX
    def acquire(self, block=True, timeout=None):
        return _sem_acquire(self._id, block, timeout)
    def release(self):
        if self._maxvalue != SEM_VALUE_MAX and _sem_value(self._id) >= self._maxvalue:
            raise ValueError('semaphore or lock released too many times')
        _sem_release(self._id)
    def get_value(self):
        return _sem_value(self._id)
    def _get_value(self):
        return _sem_value(self._id)
    def _is_zero(self):
        return _sem_value(self._id) == 0
    def __enter__(self):
        return self.acquire()
    def __exit__(self, *args):
        self.release()

class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._maxvalue = value

# -- queues (queues.py) ---------------------------------------------------------------------------

_sentinel = object()

class Queue:
    # A pipe, a reader lock, a writer lock and a bounded semaphore of maxsize; put() appends to
    # a buffer that a feeder thread of the putting process pickles and writes to the pipe.
    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        _first_use('queues')
        self._maxsize = maxsize
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._opid = os.getpid()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._ignore_epipe = False
        self._reset()
        register_after_fork(self, Queue._after_fork)

    def _after_fork(self):
        self._reset(after_fork=True)

    def _reset(self, after_fork=False):
        self._notempty = threading.Condition(_ThreadLock())
        self._buffer = []
        self._thread = None
        self._jointhread = None
        self._joincancelled = False
        self._closed = False
        self._close = None
        self._send_bytes = self._writer._send_bytes
        self._recv_bytes = self._reader._recv_bytes
        self._poll = self._reader._poll

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise _queue.Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise _queue.Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._poll(timeout):
                        raise _queue.Empty
                elif not self._poll(0.0):
                    raise _queue.Empty
                res = self._recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return _loads(res)

    def qsize(self):
        return self._maxsize - self._sem._get_value()

    def empty(self):
        return not self._poll(0.0)

    def full(self):
        return self._sem._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True
        close = self._close
        if close:
            self._close = None
            close()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._jointhread:
            self._jointhread()

    def cancel_join_thread(self):
        self._joincancelled = True
        if self._jointhread is not None:
            self._jointhread.cancel()

    def _start_thread(self):
        self._buffer.clear()
        self._thread = threading.Thread(
            target=Queue._feed,
            args=(self._buffer, self._notempty, self._send_bytes, self._wlock,
                  self._reader.close, self._writer.close, self._ignore_epipe,
                  self._on_queue_feeder_error, self._sem),
            name='QueueFeederThread', daemon=True)
        self._thread.start()
        if not self._joincancelled:
            self._jointhread = Finalize(self._thread, Queue._finalize_join, [self._thread], exitpriority=-5)
        self._close = Finalize(self, Queue._finalize_close, [self._buffer, self._notempty], exitpriority=10)

    @staticmethod
    def _finalize_join(thread):
        thread.join()

    @staticmethod
    def _finalize_close(buffer, notempty):
        with notempty:
            buffer.append(_sentinel)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, send_bytes, writelock, reader_close, writer_close, ignore_epipe,
              onerror, queue_sem):
        # The feeder thread: wait for items, pickle each and write it to the pipe.
        nacquire = notempty.acquire
        nrelease = notempty.release
        nwait = notempty.wait
        bpopleft = buffer.pop
        sentinel = _sentinel
        wacquire = writelock.acquire
        wrelease = writelock.release
        while 1:
            try:
                nacquire()
                try:
                    if not buffer:
                        nwait()
                finally:
                    nrelease()
                try:
                    while 1:
                        obj = bpopleft(0)
                        if obj is sentinel:
                            reader_close()
                            writer_close()
                            return
                        obj = _dumps(obj)
                        wacquire()
                        try:
                            send_bytes(obj)
                        finally:
                            wrelease()
                except IndexError:
                    pass
            except Exception as e:
                queue_sem.release()
                onerror(e, obj)

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        # traceback.print_exc() in the feeder thread (its frames are the library's, not shown).
        text = _format_exception(e)
        if not text.startswith('Traceback'):
            text = 'Traceback (most recent call last):\n' + text
        sys.stderr.write(text)

    def __repr__(self):
        return '<multiprocessing.queues.Queue object at 0x%x>' % id(self)

class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = threading.Condition()

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise _queue.Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        if not self._unfinished_tasks.acquire(False):
            raise ValueError('task_done() called too many times')

    def join(self):
        while not self._unfinished_tasks._is_zero():
            time.sleep(0.001)

class SimpleQueue:
    # A pipe with a reader lock and a writer lock: put() pickles and writes in the caller.
    def __init__(self):
        _first_use('queues')
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._poll = self._reader._poll
        self._wlock = Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._poll(0.0)

    def get(self):
        with self._rlock:
            res = self._reader._recv_bytes()
        return _loads(res)

    def put(self, obj):
        obj = _dumps(obj)
        with self._wlock:
            self._writer._send_bytes(obj)

    def __repr__(self):
        return '<multiprocessing.queues.SimpleQueue object at 0x%x>' % id(self)

# -- sharedctypes (sharedctypes.py): Value and Array in memory every process shares ------------

_typecode_to_type = {'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int',
                     'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_long', 'Q': 'c_ulong',
                     'f': 'c_float', 'd': 'c_double'}

class _CValue:
    # A ctypes number in shared memory (RawValue; what a Synchronized wrapper wraps).
    def __init__(self, typecode, value):
        self._type_ = typecode
        self._id = _shm_new(typecode, [value])

    @property
    def value(self):
        return _shm_read(self._id, 0, 1)[0]

    @value.setter
    def value(self, value):
        _shm_write(self._id, 0, [value])

    def __repr__(self):
        return '%s(%r)' % (_typecode_to_type[self._type_], _shm_peek(self._id, 0, 1)[0])

class _CArray:
    # A ctypes array in shared memory (RawArray).
    def __init__(self, typecode, values):
        self._type_ = typecode
        self._length_ = len(values)
        self._id = _shm_new(typecode, values)

    def __len__(self):
        return self._length_

    def _index(self, i):
        if i < 0:
            i += self._length_
        if i < 0 or i >= self._length_:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return _shm_read(self._id, 0, self._length_)[i]
        i = self._index(i)
        return _shm_read(self._id, i, i + 1)[0]

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            values = list(value)
            indices = list(range(self._length_))[i]
            if len(values) != len(indices):
                raise ValueError('Can only assign sequence of same size')
            if not indices:
                return
            if indices == list(range(indices[0], indices[0] + len(indices))):
                _shm_write(self._id, indices[0], values)
            else:
                for k, v in zip(indices, values):
                    _shm_write(self._id, k, [v])
            return
        i = self._index(i)
        _shm_write(self._id, i, [value])

    def __iter__(self):
        return iter(_shm_read(self._id, 0, self._length_))

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s_Array_%d object at 0x%x>' % (_typecode_to_type[self._type_], self._length_, id(self))

def _check_typecode(typecode):
    if typecode not in _typecode_to_type:
        raise TypeError('this type has no size')

def RawValue(typecode_or_type, *args):
    _first_use('sharedctypes')
    _check_typecode(typecode_or_type)
    return _CValue(typecode_or_type, args[0] if args else 0)

def RawArray(typecode_or_type, size_or_initializer):
    _first_use('sharedctypes')
    _check_typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        values = [0] * size_or_initializer
    else:
        values = list(size_or_initializer)
    return _CArray(typecode_or_type, values)

class Synchronized:
    # A shared ctypes object with a lock: every access of .value takes it.
    def __init__(self, obj, lock=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            self._lock = RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value

    def __repr__(self):
        return '<%s wrapper for %r>' % (type(self).__name__, self._obj)

class SynchronizedArray(Synchronized):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

def _lock_for(lock):
    if lock is True:
        return RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method %r" % (lock, 'acquire'))
    return lock

def Value(typecode_or_type, *args, lock=True):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _lock_for(lock))

def Array(typecode_or_type, size_or_initializer, *, lock=True):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return SynchronizedArray(obj, _lock_for(lock))

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
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._ctx = context or get_context()
        self._state = RUN
        self._cache = {}
        self._job_counter = 0
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        _first_use('pool')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._pool = []
        for i in range(processes):
            w = self._ctx.Process(target=_pool_worker, args=(self._inqueue, self._outqueue, initializer, initargs))
            w.name = w.name.replace('Process', 'PoolWorker')
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

# util._exit_function: at interpreter exit the finalizers of priority >= 0 run (a Queue's
# feeder gets its sentinel), daemonic children are terminated and the others joined, then the
# remaining finalizers run (the feeder threads are joined: their buffers are flushed). A child
# calls it after Process.run(); the runner after the main module, when there are children or
# finalizers.
def _exit_function():
    global _exiting
    if _exiting:
        return
    _exiting = True
    _run_finalizers(0)
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()
    _run_finalizers()

# -- contexts (context.py): the module's API for one start method ------------------------------

class BaseContext:
    ProcessError = ProcessError
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError
    BufferTooShort = BufferTooShort
    _name = None
    Process = Process

    def get_start_method(self, allow_none=False):
        return self._name

    def get_context(self, method=None):
        return self if method is None else get_context(method)

    def get_all_start_methods(self):
        return get_all_start_methods()

    def cpu_count(self):
        return cpu_count()

    def current_process(self):
        return current_process()

    def active_children(self):
        return active_children()

    def parent_process(self):
        return parent_process()

    def Queue(self, maxsize=0):
        return Queue(maxsize)

    def JoinableQueue(self, maxsize=0):
        return JoinableQueue(maxsize)

    def SimpleQueue(self):
        return SimpleQueue()

    def Pipe(self, duplex=True):
        return Pipe(duplex)

    def Lock(self):
        return Lock()

    def RLock(self):
        return RLock()

    def Semaphore(self, value=1):
        return Semaphore(value)

    def BoundedSemaphore(self, value=1):
        return BoundedSemaphore(value)

    def Value(self, typecode_or_type, *args, lock=True):
        return Value(typecode_or_type, *args, lock=lock)

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        return Array(typecode_or_type, size_or_initializer, lock=lock)

    def RawValue(self, typecode_or_type, *args):
        return RawValue(typecode_or_type, *args)

    def RawArray(self, typecode_or_type, size_or_initializer):
        return RawArray(typecode_or_type, size_or_initializer)

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def freeze_support(self):
        pass

class ForkContext(BaseContext):
    _name = 'fork'
    Process = ForkProcess

class SpawnContext(BaseContext):
    _name = 'spawn'
    Process = SpawnProcess

class ForkServerContext(BaseContext):
    _name = 'forkserver'
    Process = ForkServerProcess

_contexts = {'fork': ForkContext(), 'spawn': SpawnContext(), 'forkserver': ForkServerContext()}
_CONTEXT_NAMES = ('fork', 'spawn', 'forkserver')
