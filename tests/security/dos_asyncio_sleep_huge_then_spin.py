# kind: dos
# expect: blocked
# desc: asyncio.sleep with a huge virtual delay, then a task spinning on sleep(0) forever
import asyncio
async def sleeper():
    await asyncio.sleep(10 ** 9)
async def spinner():
    while True:
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(sleeper(), spinner())
asyncio.run(main())
