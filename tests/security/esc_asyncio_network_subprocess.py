# kind: escape
# expect: blocked
# desc: asyncio network and subprocess entry points: open_connection, create_subprocess_exec, getaddrinfo, to_thread
import asyncio
out = []
async def main():
    loop = asyncio.get_running_loop()
    for call in (lambda: asyncio.open_connection('127.0.0.1', 22),
                 lambda: asyncio.create_subprocess_exec('id'),
                 lambda: asyncio.create_subprocess_shell('id'),
                 lambda: loop.getaddrinfo('localhost', 80),
                 lambda: loop.run_in_executor(None, print, 'x'),
                 lambda: asyncio.to_thread(print, 'x')):
        try:
            r = await call()
            out.append(repr(r)[:80])
        except Exception as e:
            pass
asyncio.run(main())
('ESC' + 'APED' + ':' + repr(out)) if out else 'clean'
