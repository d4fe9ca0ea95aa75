# concurrent.futures: CPython 3.11's _base.py, thread.py and process.py algorithms (Future with
# a Condition; threads: lazy workers gated by an idle semaphore, a FIFO work queue; processes: a
# manager thread feeding a call queue of max_workers + 1 pickled calls, results pickled back;
# map in input order).
import os
import threading
import queue
import time
import multiprocessing as _mp
from _interleave_mp import _format_exception, _start_method

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
        if not thread_name_prefix:
            # The counter moves only for pools without a prefix (thread.py's _counter()).
            thread_name_prefix = "ThreadPoolExecutor-%d" % _pool_counter
            _pool_counter += 1
        self._thread_name_prefix = thread_name_prefix
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


# -- ProcessPoolExecutor (process.py) --------------------------------------------------------

EXTRA_QUEUED_CALLS = 1

class BrokenProcessPool(BrokenExecutor):
    pass

class _RemoteTraceback(Exception):
    __module__ = 'concurrent.futures.process'
    def __init__(self, tb):
        self.tb = tb
    def __str__(self):
        return self.tb

class _CallItem:
    def __init__(self, work_id, fn, args, kwargs):
        self.work_id = work_id
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

class _ResultItem:
    def __init__(self, work_id, exception=None, result=None, exit_pid=None):
        self.work_id = work_id
        self.exception = exception
        self.result = result
        self.exit_pid = exit_pid

def _remote_exception(exc):
    # _ExceptionWithTraceback: the worker's traceback travels as the exception's __cause__.
    exc.__cause__ = _RemoteTraceback('\n"""\n%s"""' % _format_exception(exc))
    return exc

def _process_worker(call_queue, result_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            return
    while True:
        call_item = call_queue.get(block=True)
        if call_item is None:
            result_queue.put(_ResultItem(None, exit_pid=os.getpid()))
            return
        try:
            r = call_item.fn(*call_item.args, **call_item.kwargs)
        except BaseException as e:
            result_queue.put(_ResultItem(call_item.work_id, exception=_remote_exception(e)))
        else:
            try:
                result_queue.put(_ResultItem(call_item.work_id, result=r))
            except BaseException as e:
                result_queue.put(_ResultItem(call_item.work_id, exception=_remote_exception(e)))
            del r
        del call_item

def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]

def _get_chunks(iterables, chunksize):
    it = list(zip(*iterables))
    return [it[i:i + chunksize] for i in range(0, len(it), chunksize)]

def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()

_WAKEUP = '_wakeup'

class _ExecutorManagerThread(threading.Thread):
    # Feeds the call queue, waits for a result or a wake-up, settles the future; on shutdown
    # with nothing pending, stops the workers and joins them.
    def __init__(self, executor):
        self.executor = executor
        self.held = None   # a work id taken while the call queue was full
        threading.Thread.__init__(self)

    def run(self):
        ex = self.executor
        while True:
            self.add_call_item_to_queue()
            item = ex._result_queue.get(block=True)
            if isinstance(item, _ResultItem):
                if item.exit_pid is not None:
                    ex._alive -= 1
                else:
                    work_item = ex._pending_work_items.pop(item.work_id, None)
                    if work_item is not None:
                        if item.exception is not None:
                            work_item.future.set_exception(item.exception)
                        else:
                            work_item.future.set_result(item.result)
                    ex._idle_worker_semaphore.release()
            if ex._shutdown_thread:
                if ex._cancel_pending_futures:
                    for work_id, work_item in list(ex._pending_work_items.items()):
                        if not work_item.future.running() and work_item.future.cancel():
                            del ex._pending_work_items[work_id]
                    ex._cancel_pending_futures = False
                    self.held = None
                    while True:
                        try:
                            ex._work_ids.get_nowait()
                        except queue.Empty:
                            break
                if not ex._pending_work_items:
                    self.join_executor_internals()
                    return

    def add_call_item_to_queue(self):
        ex = self.executor
        while True:
            if self.held is not None:
                work_id = self.held
                self.held = None
            else:
                try:
                    work_id = ex._work_ids.get(block=False)
                except queue.Empty:
                    return
            work_item = ex._pending_work_items.get(work_id)
            if work_item is None:
                continue
            if not work_item.future.running() and not work_item.future.set_running_or_notify_cancel():
                del ex._pending_work_items[work_id]
                continue
            try:
                sent = ex._call_queue.put(_CallItem(work_id, work_item.fn, work_item.args, work_item.kwargs), block=False)
            except queue.Full:
                self.held = work_id
                return
            except BaseException as e:
                # queues.py's feeder failed to pickle the call: the future gets the error.
                del ex._pending_work_items[work_id]
                work_item.future.set_exception(_remote_exception(e))

    def join_executor_internals(self):
        ex = self.executor
        for p in ex._processes.values():
            if p.exitcode is None:
                ex._call_queue.put(None)
        for p in ex._processes.values():
            p.join()

class ProcessPoolExecutor(Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs
        self._executor_manager_thread = None
        self._processes = {}
        self._alive = 0
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._idle_worker_semaphore = threading.Semaphore(0)
        self._broken = False
        self._queue_count = 0
        self._pending_work_items = {}
        self._cancel_pending_futures = False
        self._call_queue = _mp.Queue(self._max_workers + EXTRA_QUEUED_CALLS)
        self._result_queue = _mp.SimpleQueue()
        self._work_ids = queue.Queue()
        # fork starts every worker at the first submit; spawn/forkserver start them on demand.
        self._safe_to_dynamically_spawn_children = _start_method() != 'fork'

    def _start_executor_manager_thread(self):
        if self._executor_manager_thread is None:
            if not self._safe_to_dynamically_spawn_children:
                self._launch_processes()
            self._executor_manager_thread = _ExecutorManagerThread(self)
            self._executor_manager_thread.start()

    def _adjust_process_count(self):
        if self._idle_worker_semaphore.acquire(blocking=False):
            return
        process_count = len(self._processes)
        if process_count < self._max_workers:
            self._spawn_process()

    def _launch_processes(self):
        for _ in range(len(self._processes), self._max_workers):
            self._spawn_process()

    def _spawn_process(self):
        p = _mp.Process(target=_process_worker,
                        args=(self._call_queue, self._result_queue, self._initializer, self._initargs))
        p.start()
        self._alive += 1
        self._processes[p.pid] = p

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._pending_work_items[self._queue_count] = w
            self._work_ids.put(self._queue_count)
            self._queue_count += 1
            self._result_queue._put_local(_WAKEUP)
            if self._safe_to_dynamically_spawn_children:
                self._adjust_process_count()
            self._start_executor_manager_thread()
            return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = Executor.map(self, _process_chunk, [fn] * len(_get_chunks(iterables, chunksize)),
                               _get_chunks(iterables, chunksize), timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._cancel_pending_futures = cancel_futures
            self._shutdown_thread = True
            if self._executor_manager_thread is not None:
                self._result_queue._put_local(_WAKEUP)
        if self._executor_manager_thread is not None and wait:
            self._executor_manager_thread.join()
        self._executor_manager_thread = None
        self._processes = {}
