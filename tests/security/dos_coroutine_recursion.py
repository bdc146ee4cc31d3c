# kind: dos
# expect: blocked
# desc: a coroutine awaiting itself recursively
import asyncio
async def f(n):
    return await f(n + 1)
asyncio.run(f(0))
