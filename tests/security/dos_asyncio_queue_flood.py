# kind: dos
# expect: blocked
# desc: an asyncio.Queue fed faster than it is drained, forever
import asyncio
async def main():
    q = asyncio.Queue()
    while True:
        q.put_nowait('x' * 100)
        await asyncio.sleep(0)
asyncio.run(main())
