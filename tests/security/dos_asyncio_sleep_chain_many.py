# kind: dos
# expect: blocked
# desc: a million tasks each sleeping a different huge virtual time
import asyncio
async def one(i):
    await asyncio.sleep(10 ** 6 + i)
    return i
async def main():
    return sum(await asyncio.gather(*[one(i) for i in range(10 ** 6)]))
asyncio.run(main())
