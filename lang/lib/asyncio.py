# asyncio: CPython 3.11's event loop iteration (base_events._run_once), Future, Task.__step /
# __wakeup, sleep, gather, wait_for, wait, as_completed, locks, queues, timeout and TaskGroup.
import threading
import time
import functools
from _interleave_loop import _wake_new, _select, _wake_set, _copy_context
# The timer heap: heapq's algorithm in C++ (timers with equal deadlines run in CPython's order),
# comparing TimerHandles by _when as their __lt__ does.
from _interleave_loop import _heappush, _heappop
from _interleave_asyncio import _install
# The trace's event-loop and task lanes: `_interleave_lane(action, local, ...)` statements are
# instrumentation, compiled to one LANE instruction that costs no virtual CPU (it is no part
# of CPython's event loop); the lane id lives in the loop's or task's native slot.

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

# Handles as in events.py: each runs its callback in a contextvars Context (an empty one here:
# Interleave has no context variables, but the copy and Context.run are CPython's work per
# callback); debug mode never on (no source tracebacks are kept).
class Handle:
    def __init__(self, callback, args, loop, context=None):
        if context is None:
            context = _copy_context()
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        if self._loop.get_debug():
            self._source_traceback = []
        else:
            self._source_traceback = None
    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            if self._loop.get_debug():
                self._repr = repr(self)
            self._callback = None
            self._args = None
    def cancelled(self):
        return self._cancelled
    def _run(self):
        try:
            self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop._report("Exception in callback", exc)

class TimerHandle(Handle):
    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        if self._source_traceback:
            del self._source_traceback[-1]
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
        self._debug = False
        _interleave_lane('open_loop', self)
    def get_debug(self):
        return self._debug
    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')
    def time(self):
        return time.monotonic()
    # call_soon, call_later, call_at: base_events.py's checks and steps (the debug-mode ones
    # never run).
    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if self._debug:
            raise RuntimeError('asyncio debug mode is not supported by Interleave')
        handle = self._call_soon(callback, args, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        return handle
    def _call_soon(self, callback, args, context):
        handle = Handle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        return handle
    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        timer = self.call_at(self.time() + delay, callback, *args, context=context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        return timer
    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            raise RuntimeError('asyncio debug mode is not supported by Interleave')
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        _heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer
    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = self._call_soon(callback, args, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
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
            _interleave_lane('loop_end', self)
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
        if timeout != 0:
            _interleave_lane('loop_idle', self)
        _select(self._wake, timeout)
        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = _heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
        # CPython pops the ntodo handles ready now from the left of a deque; callbacks they
        # schedule go to the right and wait for the next iteration. Here those go to a fresh
        # list (no O(n) pop(0)); if a callback raises SystemExit, the rest stay first in line.
        ready = self._ready
        ntodo = len(ready)
        if ntodo == 0:
            return
        self._ready = []
        i = 0
        try:
            while i < ntodo:
                handle = ready[i]
                i += 1
                if handle._cancelled:
                    continue
                # The lane shows the task's name for a step, else the callback's __qualname__.
                _interleave_lane('loop_running', self, handle)
                handle._run()
        finally:
            if i < ntodo:
                self._ready[0:0] = ready[i:]
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

# Future and Task: their methods are natives (lang/module_asyncio.cpp, CPython's C _asyncio),
# installed into these classes by _install below; their state stays in the instance's dict.
class Future:
    _asyncio_future_blocking = False
    def __repr__(self):
        # base_futures._future_repr_info: state, then result= or exception=.
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={_reprlib_repr(self._result)}')
        return '<%s %s>' % (self.__class__.__name__, ' '.join(info))

def _reprlib_repr(x):
    # reprlib.repr's limits for strings (30) and ints (40): cut in the middle with '...'.
    if isinstance(x, str):
        s = repr(x[:30])
        if len(s) > 30:
            i = 13
            j = 14
            s = repr(x[:i] + x[len(x) - j:])
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    s = repr(x)
    if type(x) is int and len(s) > 40:
        s = s[:18] + '...' + s[len(s) - 19:]
    return s

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
        _interleave_lane('open_task', self)
        # _asyncio.Task: one context copy per task, every step scheduled in it.
        self._context = _copy_context()
        self._loop.call_soon(self.__step, context=self._context)
        _all_tasks.append(self)
    def get_name(self):
        return self._name
    def set_name(self, value):
        self._name = str(value)
    def get_coro(self):
        return self._coro
    def __repr__(self):
        return "<Task %s name='%s' coro=%r>" % (self._state.lower(), self._name, self._coro)

_install(Future, Task, CancelledError, InvalidStateError, _current_tasks, get_event_loop)

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

def shield(arg):
    # tasks.shield: an outer future that follows the inner one; cancelling it leaves the inner alone.
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()
    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())
    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)
    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
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
    # tasks.py: finished futures go through a Queue; each yielded coroutine awaits its get().
    if isinstance(fs, Future) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    done = Queue()
    loop = get_event_loop()
    todo = set(ensure_future(f, loop=loop) for f in set(fs))
    timeout_handle = None
    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()
    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()
    async def _wait_for_one():
        f = await done.get()
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
        # 3.11.7: cancel requests already pending on entry are not this timeout's.
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self
    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._expired:
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
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
