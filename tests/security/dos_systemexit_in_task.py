# kind: dos
# expect: blocked
# desc: an asyncio task raising SystemExit
import asyncio
async def t():
    raise SystemExit(2)
async def main():
    await asyncio.gather(t())
asyncio.run(main())
