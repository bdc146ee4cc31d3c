# kind: escape
# expect: blocked
# desc: async host call wrapped in tasks: get_coro, cr_frame, _loop, get_stack
import asyncio
out = []
async def main():
    t = asyncio.create_task(aecho(1))
    for n in ('get_coro', 'get_stack', '_coro', '_loop', 'get_loop', '_callbacks'):
        try:
            v = getattr(t, n)
            v = v() if callable(v) else v
            out.append(repr(v)[:80])
            for m in ('cr_frame', 'gi_frame', 'f_globals', '__self__'):
                try:
                    out.append(repr(getattr(v, m))[:80])
                except Exception:
                    pass
        except Exception:
            pass
    await t
asyncio.run(main())
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'frame' in s and 'code' in s or 'f_globals' in s or "'__builtins__'" in s else s
