# kind: dos
# expect: blocked
# desc: data grown in an asyncio.Queue
import asyncio
async def main():
    q = asyncio.Queue()
    while True:
        q.put_nowait([1] * 10000)
asyncio.run(main())
