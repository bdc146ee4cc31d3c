# kind: escape
# expect: blocked
# desc: asyncio's event loop, tasks and functions: globals, code, closures
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    found = []
    for obj in (loop, task, asyncio.run, asyncio.gather, asyncio.Task, task.get_coro()):
        for name in ('__globals__', '__code__', '__closure__', '__dict__', '__class__',
                     '__func__', 'cr_frame', '_state'):
            try:
                found.append(getattr(obj, name))
            except AttributeError:
                pass
    return found
found = asyncio.run(main())
'ESC' + 'APED:' + str([type(x).__subclasses__() for x in found]) if found else 'nothing found'
