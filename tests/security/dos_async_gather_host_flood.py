# kind: dos
# expect: blocked
# desc: asyncio.gather of a million async host calls
import asyncio
async def main():
    return len(await asyncio.gather(*[aecho(i) for i in range(10 ** 6)]))
asyncio.run(main())
