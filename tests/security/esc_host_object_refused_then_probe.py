# kind: escape
# expect: blocked
# desc: host_object() and aecho() with no argument return a host object; catch the refusal and probe
import asyncio
out = []
try:
    h = host_object()
    out.append(repr(h.__dict__))
except Exception as e:
    out.append(type(e).__name__ + repr(e.args)[:80])
async def main():
    try:
        v = await aecho()
        out.append(repr(v))
        v.touched = True
    except Exception as e:
        out.append(type(e).__name__)
    try:
        r = await asyncio.gather(aecho(), aecho(), return_exceptions=True)
        out.append(repr([type(x).__name__ for x in r]))
        for x in r:
            try:
                x.touched = True
            except Exception:
                pass
    except Exception as e:
        out.append(type(e).__name__)
asyncio.run(main())
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'HostThing' in s and 'object at' in s else s
