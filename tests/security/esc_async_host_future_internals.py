# kind: escape
# expect: blocked
# desc: the awaitable an async host function returns: its coroutine, task, function, frame
f = aecho(1)
found = []
for name in ['coro', 'task', 'func', 'cr_frame', 'cr_code', 'gi_frame', '__self__', '_coro']:
    try:
        found.append(getattr(f, name))
    except AttributeError:
        pass
leaked = await aecho()
'ESC' + 'APED:' + str([type(x).__subclasses__() for x in found + [leaked]])
