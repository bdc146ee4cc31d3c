# kind: dos
# expect: blocked
# desc: tasks that catch everything around awaits, and a finally that loops again
import asyncio
async def stubborn():
    while True:
        try:
            await asyncio.sleep(0)
        except BaseException:
            pass
        finally:
            while False:
                pass
async def main():
    try:
        await asyncio.gather(stubborn(), stubborn(), stubborn())
    except BaseException:
        while True:
            pass
await main()
