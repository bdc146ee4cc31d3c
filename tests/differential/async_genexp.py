# an asynchronous generator expression is an async generator, consumed by async for
import asyncio

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def main():
    g = (x * 2 async for x in agen(4) if x != 1)
    out = [type(g).__name__]
    async for v in g:
        out.append(v)
    return out

asyncio.run(main())
# ---
# an await in the element makes a generator expression asynchronous; nested levels
import asyncio

async def double(x):
    await asyncio.sleep(0)
    return 2 * x

async def main():
    g = (await double(x) for x in range(3))
    h = ((x, y) async for x in aiter_of([1, 2]) for y in range(x))
    return [v async for v in g], [v async for v in h]

async def aiter_of(xs):
    for x in xs:
        yield x

asyncio.run(main())
# ---
# at module level and in a plain function; anext and aclose work on it
import asyncio

async def agen():
    for i in range(3):
        yield i

g = (x + 10 async for x in agen())

def make(k):
    return (x * k async for x in agen())

async def main():
    first = await anext(g)
    rest = [v async for v in g]
    h = make(5)
    one = await anext(h)
    await h.aclose()
    return first, rest, one, [v async for v in h]

asyncio.run(main())
# ---
# names of the enclosing function are seen by the element and conditions
import asyncio

async def agen():
    for i in range(6):
        yield i

async def main(limit, scale):
    g = (x * scale async for x in agen() if x < limit)
    return [v async for v in g]

asyncio.run(main(4, 3))
# ---
# aclose() is awaitable: it runs the generator's finally, which may itself await
import asyncio

log = []

async def agen():
    try:
        for i in range(5):
            yield i
    finally:
        await asyncio.sleep(0)
        log.append('closed')

async def main():
    g = agen()
    first = await anext(g)
    closing = g.aclose()
    log.append('before await')
    await closing
    fresh = agen()
    await fresh.aclose()
    return first, log

asyncio.run(main())
