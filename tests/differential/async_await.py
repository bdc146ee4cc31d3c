# awaiting coroutines in sequence
import asyncio
async def double(x):
    return x * 2
async def main():
    a = await double(1)
    b = await double(a)
    return [a, b, await double(b)]
asyncio.run(main())
# ---
# gather keeps argument order, whatever order the tasks finish in
import asyncio
async def work(n):
    await asyncio.sleep(0.01 * n)
    return n * 10
async def main():
    return await asyncio.gather(work(3), work(1), work(2))
asyncio.run(main())
# ---
# tasks interleave at each await
import asyncio
order = []
async def worker(name):
    for i in range(3):
        order.append((name, i))
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(worker('a'), worker('b'))
    return order
asyncio.run(main())
# ---
# sleepers wake in time order
import asyncio
woke = []
async def sleeper(name, delay):
    await asyncio.sleep(delay)
    woke.append(name)
async def main():
    await asyncio.gather(sleeper('slow', 0.03), sleeper('fast', 0.01), sleeper('mid', 0.02))
    return woke
asyncio.run(main())
# ---
# an exception in a gathered coroutine reaches the awaiting code
import asyncio
async def boom():
    raise ValueError('boom')
async def fine():
    return 1
async def main():
    try:
        await asyncio.gather(fine(), boom())
    except ValueError as e:
        return 'caught ' + str(e)
asyncio.run(main())
# ---
# gather(return_exceptions=True)
import asyncio
async def boom():
    raise KeyError('k')
async def fine():
    return 'ok'
async def main():
    results = await asyncio.gather(fine(), boom(), return_exceptions=True)
    return [type(r).__name__ if isinstance(r, Exception) else r for r in results]
asyncio.run(main())
# ---
# a cancelled task sees CancelledError at its await
import asyncio
async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return 'cleaned up'
async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    task.cancel()
    return await task
asyncio.run(main())
# ---
# cancellation reaches the innermost awaited coroutine, finally blocks run
import asyncio
log = []
async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        log.append('inner finally')
async def outer():
    try:
        await inner()
    finally:
        log.append('outer finally')
async def main():
    task = asyncio.create_task(outer())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append('main saw cancel')
    return log, task.cancelled()
asyncio.run(main())
# ---
# wait_for times out
import asyncio
async def slow():
    await asyncio.sleep(5)
    return 'late'
async def main():
    try:
        return await asyncio.wait_for(slow(), timeout=0.1)
    except asyncio.TimeoutError:
        return 'timed out'
asyncio.run(main())
# ---
# wait_for in time
import asyncio
async def quick():
    await asyncio.sleep(0.01)
    return 'quick'
async def main():
    return await asyncio.wait_for(quick(), timeout=1)
asyncio.run(main())
# ---
# async with
import asyncio
log = []
class Resource:
    async def __aenter__(self):
        log.append('enter')
        return 'res'
    async def __aexit__(self, exc_type, exc, tb):
        log.append(('exit', exc_type.__name__ if exc_type else None))
        return exc_type is KeyError
async def main():
    async with Resource() as r:
        log.append(r)
    async with Resource():
        raise KeyError('suppressed')
    try:
        async with Resource():
            raise ValueError('kept')
    except ValueError as e:
        log.append(str(e))
    return log
asyncio.run(main())
# ---
# async with: return and break inside the block still exit
import asyncio
log = []
class Ctx:
    async def __aenter__(self):
        log.append('in')
    async def __aexit__(self, *exc):
        log.append('out')
async def f():
    async with Ctx():
        return 'returned'
async def g():
    for i in range(3):
        async with Ctx():
            if i == 1:
                break
    return i
async def main():
    return await f(), await g(), log
asyncio.run(main())
# ---
# async for over a class with __aiter__/__anext__, with else
import asyncio
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n
async def main():
    out = []
    async for x in Countdown(3):
        out.append(x)
    else:
        out.append('done')
    async for x in Countdown(5):
        if x == 2:
            break
        out.append(x)
    else:
        out.append('not reached')
    return out
asyncio.run(main())
# ---
# async generators
import asyncio
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i
async def main():
    out = []
    async for v in ticker(4):
        out.append(v)
    return out
asyncio.run(main())
# ---
# an async generator's finally runs when it is exhausted; anext with a default
import asyncio
log = []
async def gen():
    try:
        yield 1
        yield 2
    finally:
        log.append('closed')
async def main():
    g = gen()
    a = await anext(g)
    b = await anext(g)
    c = await anext(g, 'default')
    return a, b, c, log
asyncio.run(main())
# ---
# await in a comprehension inside a coroutine
import asyncio
async def sq(x):
    return x * x
async def main():
    return [await sq(i) for i in range(4)], {i: await sq(i) for i in range(2)}
asyncio.run(main())
# ---
# awaiting the same task twice; awaiting a finished coroutine again fails
import asyncio
async def value():
    return 42
async def main():
    t = asyncio.create_task(value())
    first = await t
    second = await t
    c = value()
    await c
    try:
        await c
    except RuntimeError as e:
        return first, second, str(e)
asyncio.run(main())
# ---
# await on something not awaitable
import asyncio
async def main():
    await 5
asyncio.run(main())
# ---
# coroutine objects: repr prefix and type name; not iterable
import asyncio
async def f():
    return 1
c = f()
r = (repr(c).startswith('<coroutine object f at 0x'), type(c).__name__)
try:
    iter(c)
except TypeError as e:
    r = r + (str(e),)
c.close()
r
# ---
# asyncio.run needs a coroutine
import asyncio
asyncio.run(5)
# ---
# driving a coroutine by hand with send()
async def add(a, b):
    return a + b
c = add(2, 3)
try:
    c.send(None)
except StopIteration as e:
    result = e.value
result
# ---
# Event, Lock, Queue between tasks
import asyncio
async def main():
    log = []
    ev = asyncio.Event()
    lock = asyncio.Lock()
    q = asyncio.Queue()
    async def waiter():
        await ev.wait()
        log.append('event seen')
    async def locked(name):
        async with lock:
            log.append(name + ' in')
            await asyncio.sleep(0)
            log.append(name + ' out')
    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def consumer():
        items = []
        while True:
            item = await q.get()
            if item is None:
                return items
            items.append(item)
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    await t
    await asyncio.gather(locked('a'), locked('b'))
    _, items = await asyncio.gather(producer(), consumer())
    return log, items
asyncio.run(main())
# ---
# Semaphore bounds concurrency
import asyncio
async def main():
    sem = asyncio.Semaphore(2)
    active = [0]
    peak = [0]
    async def job(i):
        async with sem:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
            await asyncio.sleep(0.01)
            active[0] -= 1
            return i
    results = await asyncio.gather(*(job(i) for i in range(6)))
    return results, peak[0]
asyncio.run(main())
# ---
# TaskGroup
import asyncio
async def main():
    async def job(x):
        await asyncio.sleep(0)
        return x * 3
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(i)) for i in range(3)]
    return [t.result() for t in tasks]
asyncio.run(main())
# ---
# wait with FIRST_COMPLETED
import asyncio
async def main():
    async def after(d, v):
        await asyncio.sleep(d)
        return v
    tasks = [asyncio.create_task(after(0.3, 'b')), asyncio.create_task(after(0.01, 'a'))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    first = [t.result() for t in done]
    for t in pending:
        t.cancel()
    return first, len(pending)
asyncio.run(main())
# ---
# the error in a coroutine surfaces with its own type and message
import asyncio
async def fail():
    raise ZeroDivisionError('nope')
async def main():
    await fail()
asyncio.run(main())
# ---
# asynchronous comprehensions: list, set, dict, mixed levels, nested
import asyncio
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def main():
    a = [x * 2 async for x in agen(4) if x != 1]
    b = {x: y async for x in agen(2) for y in 'ab'}
    c = {x % 2 async for x in agen(5)}
    d = [[y async for y in agen(x)] for x in range(3)]
    e = [(x, y) for x in range(2) async for y in agen(2)]
    return a, b, sorted(c), d, e
asyncio.run(main())
# ---
# a class awaitable through __await__ delegating to a coroutine's __await__()
import asyncio
class Deferred:
    def __init__(self, value):
        self.value = value
    async def compute(self):
        await asyncio.sleep(0)
        return self.value * 2
    def __await__(self):
        result = yield from self.compute().__await__()
        return result + 1
async def main():
    return await Deferred(20), await Deferred(1)
asyncio.run(main())
