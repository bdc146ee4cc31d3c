# kind: escape
# expect: blocked
# desc: async generator ag_frame/ag_code/ag_await and asend() objects
import asyncio
out = []
async def ag():
    yield 1
async def main():
    a = ag()
    for n in ('ag_frame', 'ag_code', 'ag_await', 'ag_running'):
        try:
            out.append(repr(getattr(a, n))[:60])
        except Exception:
            pass
    s = a.asend(None)
    for n in ('gi_frame', 'cr_frame', '__self__', 'ag_frame'):
        try:
            out.append(repr(getattr(s, n))[:60])
        except Exception:
            pass
    try:
        await s
    except Exception:
        pass
asyncio.run(main())
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'frame object' in s or 'code object' in s else s
