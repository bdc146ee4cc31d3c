# kind: dos
# expect: blocked
# desc: create tasks forever from a coroutine (memory or time limit, never a hang)
import asyncio
async def noop(i):
    return [i] * 10
async def main():
    tasks = []
    while True:
        tasks.append(asyncio.create_task(noop(len(tasks))))
        if len(tasks) % 1000 == 0:
            await asyncio.sleep(0)
asyncio.run(main())
