# kind: escape
# expect: blocked
# desc: frames and code of coroutines, async generators and coroutine wrappers
async def c():
    return 1
async def ag():
    yield 1
found = []
for obj in (c(), ag(), c().__await__(), c().send, ag().asend):
    for name in ('cr_frame', 'cr_code', 'cr_await', 'ag_frame', 'ag_code', 'gi_frame',
                 'coro', 'gen', '__self__', 'f_back', 'f_globals'):
        try:
            found.append(getattr(obj, name))
        except AttributeError:
            pass
'ESC' + 'APED:' + str([type(x).__subclasses__() for x in found]) if found else 'nothing found'
