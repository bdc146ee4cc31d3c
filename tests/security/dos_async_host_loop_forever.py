# kind: dos
# expect: blocked
# desc: awaiting an async host function forever
import asyncio
async def main():
    n = 0
    while True:
        n += await aecho(1)
asyncio.run(main())
