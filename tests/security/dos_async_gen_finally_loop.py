# kind: dos
# expect: blocked
# desc: async generator whose finally loops forever, closed with aclose()
import asyncio
async def ag():
    try:
        yield 1
    finally:
        while True:
            await asyncio.sleep(0)
async def main():
    a = ag()
    await anext(a)
    await a.aclose()
asyncio.run(main())
