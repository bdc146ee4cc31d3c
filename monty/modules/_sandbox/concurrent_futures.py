"""concurrent.futures for sandbox code, in sandbox Python (see
monty/modules/concurrent_futures.py): executors run each callable synchronously, in the order
it was submitted, on the sandbox's own loop, so a host call inside one pauses like any other
call. Futures are therefore already done when submit() returns; as_completed() yields them in
submission order."""

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class Error(Exception):
    pass


class CancelledError(Error):
    pass




class BrokenExecutor(RuntimeError):
    pass


class InvalidStateError(Error):
    pass


class Future:
    def __init__(self):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []

    def __repr__(self):
        if self._state == _FINISHED:
            if self._exception is not None:
                return '<Future at 0x%x state=finished raised %s>' % (
                    id(self), type(self._exception).__name__)
            return '<Future at 0x%x state=finished returned %s>' % (
                id(self), type(self._result).__name__)
        return '<Future at 0x%x state=%s>' % (id(self), self._state.lower())

    def cancel(self):
        if self._state in (_RUNNING, _FINISHED):
            return False
        if self._state != _CANCELLED:
            self._state = _CANCELLED
            self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _FINISHED)

    def _invoke_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        for callback in callbacks:
            try:
                callback(self)
            except Exception:
                pass

    def add_done_callback(self, fn):
        if self._state in (_CANCELLED, _FINISHED):
            try:
                fn(self)
            except Exception:
                pass
        else:
            self._callbacks.append(fn)

    def result(self, timeout=None):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            raise TimeoutError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            raise TimeoutError()
        return self._exception

    def set_running_or_notify_cancel(self):
        if self._state == _CANCELLED:
            return False
        if self._state == _PENDING:
            self._state = _RUNNING
            return True
        raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        if self._state in (_CANCELLED, _FINISHED):
            raise InvalidStateError('%s: %r' % (self._state, self))
        self._result = result
        self._state = _FINISHED
        self._invoke_callbacks()

    def set_exception(self, exception):
        if self._state in (_CANCELLED, _FINISHED):
            raise InvalidStateError('%s: %r' % (self._state, self))
        self._exception = exception
        self._state = _FINISHED
        self._invoke_callbacks()


class Executor:
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._shutdown = False
        self._initializer = initializer
        self._initargs = initargs
        self._initialized = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        if self._initializer is not None and not self._initialized:
            self._initialized = True
            self._initializer(*self._initargs)
        future = Future()
        future.set_running_or_notify_cancel()
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = []
        for args in zip(*iterables):
            fs.append(self.submit(fn, *args))

        def result_iterator():
            fs.reverse()
            while fs:
                yield fs.pop().result()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    pass


class ProcessPoolExecutor(Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        super().__init__(max_workers, '', initializer, initargs)


class DoneAndNotDoneFutures(tuple):
    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self[0], self[1])


def as_completed(fs, timeout=None):
    fs = list(dict.fromkeys(fs))
    pending = [f for f in fs if not f.done()]
    if pending:
        raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), len(fs)))
    for f in fs:
        yield f


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = set(f for f in fs if f.done())
    return DoneAndNotDoneFutures(done, fs - done)
