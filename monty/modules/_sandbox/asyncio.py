"""asyncio for sandbox code, in sandbox Python: compiled and run by the VM (see
monty/modules/asyncio.py for how it is loaded and exported)."""

import heapq


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_state = {'loop': None, 'task': None, 'count': 0}


class _Loop:
    def __init__(self):
        self.ready = []
        self.timers = []
        self.now = 0.0
        self.seq = 0
        self.tasks = []
        self.host_waiters = []     # (host future, task awaiting it)

    def time(self):
        return self.now

    def call_soon(self, callback, *args):
        self.ready.append((callback, args))

    def call_later(self, delay, callback, *args):
        self.seq += 1
        heapq.heappush(self.timers, (self.now + max(delay, 0), self.seq, callback, args))

    def create_task(self, coro, *, name=None):
        return Task(coro, name=name)

    def create_future(self):
        return Future()

    def is_running(self):
        return _state['loop'] is self

    def run_once(self):
        ready = self.ready
        if ready:
            self.ready = []
            for callback, args in ready:
                _call(callback, args)
            return True
        if self.host_waiters:
            # every task waits: run the awaited host calls (concurrently) until one is done
            waiters = self.host_waiters
            futures = [fut for fut, _ in waiters]
            done = _b_host_wait(futures)
            if done is None:
                # start() / run_async(): the host answers them (the VM pauses here)
                done = _b_host_pause(futures)
            still = []
            for (fut, task), is_done in zip(waiters, done):
                if is_done:
                    self.call_soon(task._step, None)
                else:
                    still.append((fut, task))
            self.host_waiters = still
            return True
        if self.timers:
            when, _, callback, args = heapq.heappop(self.timers)
            if when > self.now:
                self.now = when
            _call(callback, args)
            return True
        return False


def _call(callback, args):
    # plain calls (not f(*args)) run in the VM's loop, where a host call can pause
    n = len(args)
    if n == 1:
        callback(args[0])
    elif n == 2:
        callback(args[0], args[1])
    elif n == 0:
        callback()
    else:
        callback(*args)


def _get_loop():
    loop = _state['loop']
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_running_loop():
    return _get_loop()


def get_event_loop():
    return _get_loop()


def iscoroutine(obj):
    return _b_iscoroutine(obj)


def iscoroutinefunction(func):
    return _b_iscoroutinefunction(func)


def isfuture(obj):
    return isinstance(obj, Future)


class Future:
    def __init__(self):
        self._state = 'PENDING'
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def done(self):
        return self._state != 'PENDING'

    def cancelled(self):
        return self._state == 'CANCELLED'

    def _cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def result(self):
        if self._state == 'CANCELLED':
            raise self._cancelled_error()
        if self._state == 'PENDING':
            raise InvalidStateError('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == 'CANCELLED':
            raise self._cancelled_error()
        if self._state == 'PENDING':
            raise InvalidStateError('Exception is not set.')
        return self._exception

    def set_result(self, result):
        if self._state != 'PENDING':
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = 'FINISHED'
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != 'PENDING':
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            raise TypeError('StopIteration interacts badly with generators and cannot be raised into a Future')
        self._exception = exception
        self._state = 'FINISHED'
        self._schedule_callbacks()

    def cancel(self, msg=None):
        if self._state != 'PENDING':
            return False
        self._state = 'CANCELLED'
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def add_done_callback(self, fn):
        if self._state != 'PENDING':
            _get_loop().call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks[:] = kept
        return removed

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        del self._callbacks[:]
        loop = _state['loop']
        for fn in callbacks:
            if loop is None:
                fn(self)
            else:
                loop.call_soon(fn, self)

    def __await__(self):
        if self._state == 'PENDING':
            yield self
        if self._state == 'PENDING':
            raise RuntimeError('await wasn\'t used with future')
        return self.result()

    def __repr__(self):
        state = self._state.lower()
        if self._state == 'FINISHED':
            if self._exception is not None:
                return f'<Future finished exception={self._exception!r}>'
            return f'<Future finished result={self._result!r}>'
        return f'<Future {state}>'


class Task(Future):
    def __init__(self, coro, *, name=None):
        Future.__init__(self)
        if _b_is_host_future(coro):
            coro = _await_it(coro)      # an async host function's call: a coroutine in CPython
        elif not _b_iscoroutine(coro):
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        loop = _get_loop()
        _state['count'] += 1
        self._coro = coro
        self._name = f"Task-{_state['count']}" if name is None else str(name)
        self._must_cancel = False
        self._waiting = None
        self._num_cancels_requested = 0
        loop.tasks.append(self)
        loop.call_soon(self._step, None)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def cancel(self, msg=None):
        if self._state != 'PENDING':
            return False
        self._num_cancels_requested += 1
        if self._waiting is not None and self._waiting.cancel(msg):
            return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def _step(self, exc):
        if self._state != 'PENDING':
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._cancelled_error()
            self._must_cancel = False
        coro = self._coro
        _state['task'] = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as e:
            _state['task'] = None
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, self._cancel_message)
            else:
                Future.set_result(self, e.value)
        except CancelledError as e:
            _state['task'] = None
            Future.cancel(self, e.args[0] if e.args else None)
        except BaseException as e:
            _state['task'] = None
            Future.set_exception(self, e)
        else:
            _state['task'] = None
            if result is None:
                _get_loop().call_soon(self._step, None)
            elif _b_is_host_future(result):
                _get_loop().host_waiters.append((result, self))
            elif isinstance(result, Future):
                if result is self:
                    self._step_soon(RuntimeError(f'Task cannot await on itself: {self!r}'))
                else:
                    self._waiting = result
                    result.add_done_callback(self._wakeup)
                    if self._must_cancel and result.cancel(self._cancel_message):
                        self._must_cancel = False
            else:
                self._step_soon(RuntimeError(f'Task got bad yield: {result!r}'))

    def _step_soon(self, exc):
        _get_loop().call_soon(self._step, exc)

    def _wakeup(self, fut):
        self._waiting = None
        try:
            fut.result()
        except BaseException as e:
            self._step(e)
        else:
            self._step(None)

    def __repr__(self):
        state = self._state.lower()
        return f'<Task {state} name={self._name!r}>'


def create_task(coro, *, name=None):
    return Task(coro, name=name)


def current_task():
    _get_loop()
    return _state['task']


def all_tasks():
    return {t for t in _get_loop().tasks if not t.done()}


def ensure_future(coro_or_future):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if _b_iscoroutine(coro_or_future):
        return Task(coro_or_future)
    if _b_isawaitable(coro_or_future):
        return Task(_await_it(coro_or_future))
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _await_it(awaitable):
    return await awaitable


def _yield_now():
    yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _yield_now()
        return result
    loop = _get_loop()
    fut = Future()
    loop.call_later(delay, _set_result_unless_done, fut, result)
    return await fut


def _set_result_unless_done(fut, result):
    if not fut.done():
        fut.set_result(result)


def run(main, *, debug=None):
    if _state['loop'] is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not _b_iscoroutine(main):
        raise ValueError(f'a coroutine was expected, got {main!r}')
    loop = _Loop()
    _state['loop'] = loop
    _state['count'] = 0
    try:
        task = Task(main)
        while not task.done():
            if not loop.run_once():
                raise RuntimeError('Event loop stopped before Future completed.')
        # like asyncio.run: the tasks still pending are cancelled and run to their end
        pending = [t for t in loop.tasks if not t.done()]
        for t in pending:
            t.cancel()
        while any(not t.done() for t in pending):
            if not loop.run_once():
                break
        return task.result()
    finally:
        _state['loop'] = None
        _state['task'] = None


class _GatheringFuture(Future):
    def __init__(self, children):
        Future.__init__(self)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        outer = Future()
        outer.set_result([])
        return outer
    by_id = {}          # the same awaitable passed twice runs once (the arguments stay alive)
    unique = []
    children = []
    for arg in coros_or_futures:
        fut = by_id.get(id(arg))
        if fut is None:
            fut = by_id[id(arg)] = ensure_future(arg)
            unique.append(fut)
        children.append(fut)
    outer = _GatheringFuture(children)
    finished = [0]

    def done_callback(fut):
        finished[0] += 1
        if outer.done():
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if finished[0] == len(unique):
            results = []
            for f in children:
                if f.cancelled():
                    res = f._cancelled_error()
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(CancelledError())
            else:
                outer.set_result(results)

    for fut in unique:
        fut.add_done_callback(done_callback)
    return outer


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = Future()

    def inner_done(f):
        if outer.cancelled():
            return
        if f.cancelled():
            outer.cancel()
        elif f.exception() is not None:
            outer.set_exception(f.exception())
        else:
            outer.set_result(f.result())

    inner.add_done_callback(inner_done)
    return outer


async def wait_for(fut, timeout):
    fut = ensure_future(fut)
    if timeout is None:
        return await fut
    if timeout <= 0:
        if fut.done():
            return fut.result()
        fut.cancel()
        raise TimeoutError()
    loop = _get_loop()
    waiter = Future()
    loop.call_later(timeout, _set_result_unless_done, waiter, None)

    def on_done(f):
        _set_result_unless_done(waiter, None)

    fut.add_done_callback(on_done)
    try:
        await waiter
    except CancelledError:
        fut.remove_done_callback(on_done)
        fut.cancel()
        raise
    if fut.done():
        return fut.result()
    fut.remove_done_callback(on_done)
    fut.cancel()
    try:
        await fut
    except CancelledError:
        pass
    raise TimeoutError()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isinstance(fs, Future) or _b_iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    fs = {ensure_future(f) for f in fs}
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = _get_loop()
    waiter = Future()
    counter = [len(fs)]

    def on_done(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
            _set_result_unless_done(waiter, None)

    if timeout is not None:
        loop.call_later(timeout, _set_result_unless_done, waiter, None)
    for f in fs:
        f.add_done_callback(on_done)
    try:
        await waiter
    finally:
        for f in fs:
            f.remove_done_callback(on_done)
    done = {f for f in fs if f.done()}
    return done, fs - done


def as_completed(fs, *, timeout=None):
    todo = [ensure_future(f) for f in fs]
    done_queue = Queue()
    for f in todo:
        f.add_done_callback(done_queue.put_nowait)

    async def wait_one():
        f = await done_queue.get()
        return f.result()

    return [wait_one() for _ in todo]


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
        fut = Future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


def _wake_first(waiters):
    # the waiter removes its future itself once woken (or cancelled)
    for fut in waiters:
        if not fut.done():
            fut.set_result(True)
            break


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    def __init__(self):
        self._locked = False
        self._waiters = []

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(w.cancelled() for w in self._waiters):
            self._locked = True
            return True
        fut = Future()
        self._waiters.append(fut)
        try:
            await fut
        finally:
            self._waiters.remove(fut)
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        _wake_first(self._waiters)


class Semaphore(_ContextManagerMixin):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._value = value
        self._waiters = []

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            fut = Future()
            self._waiters.append(fut)
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        _wake_first(self._waiters)


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        Semaphore.release(self)


class Condition(_ContextManagerMixin):
    def __init__(self, lock=None):
        self._lock = Lock() if lock is None else lock
        self._waiters = []

    def locked(self):
        return self._lock.locked()

    async def acquire(self):
        return await self._lock.acquire()

    def release(self):
        self._lock.release()

    async def wait(self):
        if not self._lock.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self._lock.release()
        fut = Future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)
            await self._lock.acquire()

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._lock.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        count = 0
        for fut in self._waiters:
            if count >= n:
                break
            if not fut.done():
                count += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._parties = parties
        self._count = 0
        self._waiters = []
        self._broken = False

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken

    async def wait(self):
        if self._broken:
            raise BrokenBarrierError
        index = self._count
        self._count += 1
        if self._count == self._parties:
            self._count = 0
            waiters = self._waiters[:]
            del self._waiters[:]
            for fut in waiters:
                _set_result_unless_done(fut, None)
            return index
        fut = Future()
        self._waiters.append(fut)
        await fut
        if self._broken:
            raise BrokenBarrierError
        return index

    async def reset(self):
        self.abort()
        self._broken = False

    async def abort(self):
        self._broken = True
        self._count = 0
        for fut in self._waiters:
            _set_result_unless_done(fut, None)
        del self._waiters[:]

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._init()
        self._getters = []
        self._putters = []
        self._unfinished = 0
        self._finished = Event()
        self._finished.set()

    def _init(self):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop(0)

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return not self._queue

    def full(self):
        return 0 < self._maxsize <= self.qsize()

    def _wake(self, waiters):
        while waiters:
            fut = waiters.pop(0)
            if not fut.done():
                fut.set_result(None)
                break

    async def put(self, item):
        while self.full():
            fut = Future()
            self._putters.append(fut)
            try:
                await fut
            except BaseException:
                if fut in self._putters:
                    self._putters.remove(fut)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished += 1
        self._finished.clear()
        self._wake(self._getters)

    async def get(self):
        while self.empty():
            fut = Future()
            self._getters.append(fut)
            try:
                await fut
            except BaseException:
                if fut in self._getters:
                    self._getters.remove(fut)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wake(self._putters)
        return item

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished -= 1
        if self._unfinished == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished > 0:
            await self._finished.wait()


class LifoQueue(Queue):
    def _get(self):
        return self._queue.pop()


class PriorityQueue(Queue):
    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class TaskGroup:
    def __init__(self):
        self._tasks = []
        self._entered = False

    async def __aenter__(self):
        self._entered = True
        return self

    def create_task(self, coro, *, name=None):
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        task = Task(coro, name=name)
        self._tasks.append(task)
        return task

    async def __aexit__(self, exc_type, exc, tb):
        errors = []
        if exc is not None and not isinstance(exc, CancelledError):
            errors.append(exc)
            for t in self._tasks:
                t.cancel()
        for t in self._tasks:
            try:
                await t
            except CancelledError:
                pass
            except Exception as e:
                if e not in errors:
                    errors.append(e)
                for other in self._tasks:
                    if not other.done():
                        other.cancel()
        if errors:
            raise ExceptionGroup('unhandled errors in a TaskGroup', errors)


def _agen_step(agen, value, exc):
    try:
        if exc is None:
            y = _b_gen_method(agen, 'send')(value)
        else:
            y = _b_gen_method(agen, 'throw')(exc)
    except StopIteration:
        raise StopAsyncIteration
    while True:
        v = _b_agen_unwrap(y, _agen_step)
        if v is not _agen_step:
            return v
        try:
            sent = yield y
        except BaseException as e:
            try:
                y = _b_gen_method(agen, 'throw')(e)
            except StopIteration:
                raise StopAsyncIteration
        else:
            try:
                y = _b_gen_method(agen, 'send')(sent)
            except StopIteration:
                raise StopAsyncIteration


def _agen_close(agen):
    step = _b_gen_method(agen, 'throw')
    exc = GeneratorExit()
    while True:
        try:
            y = step(exc)
        except (StopIteration, GeneratorExit):
            return None
        if _b_agen_unwrap(y, _agen_step) is not _agen_step:
            raise RuntimeError('async generator ignored GeneratorExit')
        try:            # it awaits while closing: pass that up
            sent = yield y
        except BaseException as e:
            step, exc = _b_gen_method(agen, 'throw'), e
        else:
            step, exc = _b_gen_method(agen, 'send'), sent


async def _anext_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
